// Migration 20250101000000_sample_drop_column.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleDropColumn>("20250101000000", "sample_drop_column");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleDropColumn : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.drop_column("users", "name");
  }

  // down() cannot be derived: drop_column name from users cannot be reversed: its definition is
  // unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
