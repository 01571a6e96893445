// Migration 20250101000000_sample_create_index_partial.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleCreateIndexPartial>("20250101000000",
//       "sample_create_index_partial");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleCreateIndexPartial : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_index("ix_users_active", "users", {"email"}).where("score > 0");
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_index("users", migcmd::Index{
                              .name = "ix_users_active",
                              .parts = {{.column = "email"}},
                              .where = "score > 0",
                          });
  }
};

}  // namespace golden
