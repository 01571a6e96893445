// Migration 20250101000000_sample_drop_index.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleDropIndex>("20250101000000", "sample_drop_index");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleDropIndex : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.drop_index("ix_users_name", "users");
  }

  // down() cannot be derived: drop_index ix_users_name on users cannot be reversed: its definition
  // is unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
