// Migration 20250101000000_sample_alter_column_drop_default.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAlterColumnDropDefault>("20250101000000",
//       "sample_alter_column_drop_default");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAlterColumnDropDefault : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.alter_column("users", "score").drop_default();
  }

  // down() cannot be derived: alter_column users.score cannot be reversed: its definition is
  // unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
