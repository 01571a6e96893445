// Migration 20250101000000_sample_alter_column_drop_identity.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAlterColumnDropIdentity>("20250101000000",
//       "sample_alter_column_drop_identity");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAlterColumnDropIdentity : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.alter_column("users", "id").identity(false);
  }

  // down() cannot be derived: alter_column users.id cannot be reversed: its definition is unknown.
  // Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
