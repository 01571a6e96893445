// Migration 20250101000000_sample_alter_column_not_null.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAlterColumnNotNull>("20250101000000",
//       "sample_alter_column_not_null");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAlterColumnNotNull : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.alter_column("users", "name").not_null();
  }

  // down() cannot be derived: alter_column users.name cannot be reversed: its definition is
  // unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
