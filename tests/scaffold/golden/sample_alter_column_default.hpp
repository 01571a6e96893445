// Migration 20250101000000_sample_alter_column_default.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAlterColumnDefault>("20250101000000",
//       "sample_alter_column_default");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAlterColumnDefault : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.alter_column("users", "score").default_value(10);
  }

  // down() cannot be derived: alter_column users.score cannot be reversed: its definition is
  // unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
