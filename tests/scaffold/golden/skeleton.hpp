// Migration 20250101000000_skeleton.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::Skeleton>("20250101000000", "skeleton");

#pragma once

#include <cstdint>

#include <migcmd/migcmd.hpp>

namespace golden {

class Skeleton : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    // b.create_table("things", [](migcmd::TableBuilder& t) {
    //   t.column<std::int64_t>("id").identity();
    //   t.primary_key({"id"});
    // });
    (void)b;
  }

  // down() is derived from up() when every operation can be reversed; override it
  // otherwise:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
