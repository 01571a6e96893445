// Migration 20250101000000_sample_add_column.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAddColumn>("20250101000000", "sample_add_column");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAddColumn : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.add_column("users", "nickname", migcmd::Type::string(50)).not_null().default_value("n/a");
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_column("users", migcmd::Column{
                               .name = "nickname",
                               .type = migcmd::Type::string(50),
                               .nullable = false,
                               .default_value = migcmd::Value{"n/a"},
                           });
  }
};

}  // namespace golden
