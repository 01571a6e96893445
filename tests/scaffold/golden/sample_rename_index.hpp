// Migration 20250101000000_sample_rename_index.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleRenameIndex>("20250101000000", "sample_rename_index");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleRenameIndex : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.rename_index("users", "ix_users_name", "ix_users_full_name");
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.rename_index("users", "ix_users_full_name", "ix_users_name");
  }
};

}  // namespace golden
