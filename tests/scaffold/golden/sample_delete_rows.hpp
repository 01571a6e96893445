// Migration 20250101000000_sample_delete_rows.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleDeleteRows>("20250101000000", "sample_delete_rows");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleDeleteRows : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.delete_rows("orders", {{"status", "cancelled"}});
  }

  // down() cannot be derived: delete orders cannot be reversed: deleted rows are gone. Write it if
  // the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
