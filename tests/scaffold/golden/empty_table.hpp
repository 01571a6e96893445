// Migration 20250101000000_empty_table.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::EmptyTable>("20250101000000", "empty_table");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class EmptyTable : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("nothing_yet", [](migcmd::TableBuilder&) {});
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_table(migcmd::define_table("nothing_yet", [](migcmd::TableBuilder&) {}));
  }
};

}  // namespace golden
