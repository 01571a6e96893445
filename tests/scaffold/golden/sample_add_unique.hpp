// Migration 20250101000000_sample_add_unique.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAddUnique>("20250101000000", "sample_add_unique");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAddUnique : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.add_unique("uq_users_name", "users", {"name"});
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.append(migcmd::DropUnique{
        .table = "users",
        .name = "uq_users_name",
        .definition = migcmd::UniqueConstraint{.name = "uq_users_name", .columns = {"name"}},
    });
  }
};

}  // namespace golden
