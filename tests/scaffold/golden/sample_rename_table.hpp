// Migration 20250101000000_sample_rename_table.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleRenameTable>("20250101000000", "sample_rename_table");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleRenameTable : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.rename_table("orders", "purchases");
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.rename_table("purchases", "orders");
  }
};

}  // namespace golden
