// Migration 20250101000000_sample_alter_column_identity.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAlterColumnIdentity>("20250101000000",
//       "sample_alter_column_identity");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAlterColumnIdentity : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.alter_column("orders", "id").identity();
  }

  // down() cannot be derived: alter_column orders.id cannot be reversed: its definition is unknown.
  // Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
