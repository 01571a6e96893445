// Migration 20250101000000_sample_drop_table.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleDropTable>("20250101000000", "sample_drop_table");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleDropTable : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.drop_table("orders");
  }

  // down() cannot be derived: drop_table orders cannot be reversed: its definition is unknown.
  // Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
