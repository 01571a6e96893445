// Migration 20250101000000_sample_update_rows.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleUpdateRows>("20250101000000", "sample_update_rows");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleUpdateRows : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.update("users", {{"name", "it's"}, {"score", 5}},
             {{"email", "a@example.com"}, {"name", nullptr}});
  }

  // down() cannot be derived: update users cannot be reversed: the previous values are unknown.
  // Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
