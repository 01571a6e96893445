// Migration 20250101000000_sample_rename_column.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleRenameColumn>("20250101000000", "sample_rename_column");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleRenameColumn : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.rename_column("users", "name", "full_name");
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.rename_column("users", "full_name", "name");
  }
};

}  // namespace golden
