// Migration 20250101000000_sample_alter_column_nullable.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAlterColumnNullable>("20250101000000",
//       "sample_alter_column_nullable");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAlterColumnNullable : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.alter_column("users", "email").nullable();
  }

  // down() cannot be derived: alter_column users.email cannot be reversed: its definition is
  // unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
