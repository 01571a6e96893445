// Migration 20250101000000_sample_set_table_comment.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleSetTableComment>("20250101000000", "sample_set_table_comment");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleSetTableComment : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.set_table_comment("users", "people who can sign in");
  }

  // down() cannot be derived: set_table_comment users cannot be reversed: its definition is
  // unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
