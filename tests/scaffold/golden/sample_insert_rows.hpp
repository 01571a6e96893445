// Migration 20250101000000_sample_insert_rows.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleInsertRows>("20250101000000", "sample_insert_rows");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleInsertRows : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.insert("users", {"email", "name", "score"},
             {
                 {"a@example.com", "O'Brien", 1},
                 {"b@example.com", nullptr, 2},
                 {"c\\d@x", "x;--", -3},
             });
  }

  // down() cannot be derived: insert 3 row(s) into users cannot be reversed: inserted rows are not
  // tracked. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
