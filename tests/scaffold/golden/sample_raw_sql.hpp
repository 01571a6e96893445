// Migration 20250101000000_sample_raw_sql.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleRawSql>("20250101000000", "sample_raw_sql");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleRawSql : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.sql("UPDATE users SET score = score + 1").on("sqlserver", "UPDATE [users] SET [score] += 1");
  }

  // down() cannot be derived: sql "UPDATE users SET score = score + 1" cannot be reversed: raw SQL
  // has no known inverse. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
