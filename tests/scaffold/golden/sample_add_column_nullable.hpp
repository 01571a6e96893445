// Migration 20250101000000_sample_add_column_nullable.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAddColumnNullable>("20250101000000", "sample_add_column_nullable");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAddColumnNullable : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.add_column("users", "bio", migcmd::Type::text());
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_column("users", migcmd::Column{.name = "bio", .type = migcmd::Type::text()});
  }
};

}  // namespace golden
