// Migration 20250101000000_sample_drop_check.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleDropCheck>("20250101000000", "sample_drop_check");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleDropCheck : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.drop_check("ck_users_score", "users");
  }

  // down() cannot be derived: drop_check ck_users_score on users cannot be reversed: its definition
  // is unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
