// Migration 20250101000000_sample_delete_all_rows.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleDeleteAllRows>("20250101000000", "sample_delete_all_rows");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleDeleteAllRows : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.delete_rows("orders", {});
  }

  // down() cannot be derived: delete orders cannot be reversed: deleted rows are gone. Write it if
  // the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
