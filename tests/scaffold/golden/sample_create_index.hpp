// Migration 20250101000000_sample_create_index.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleCreateIndex>("20250101000000", "sample_create_index");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleCreateIndex : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_index("ix_users_score", "users", {"score", "email"}).unique().descending("score");
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_index("users",
                 migcmd::Index{
                     .name = "ix_users_score",
                     .parts = {{.column = "score", .descending = true}, {.column = "email"}},
                     .unique = true,
                 });
  }
};

}  // namespace golden
