// Migration 20250101000000_sample_drop_unique.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleDropUnique>("20250101000000", "sample_drop_unique");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleDropUnique : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.drop_unique("uq_users_email", "users");
  }

  // down() cannot be derived: drop_unique uq_users_email on users cannot be reversed: its
  // definition is unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
