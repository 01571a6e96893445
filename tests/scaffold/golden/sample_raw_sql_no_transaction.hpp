// Migration 20250101000000_sample_raw_sql_no_transaction.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleRawSqlNoTransaction>("20250101000000",
//       "sample_raw_sql_no_transaction");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleRawSqlNoTransaction : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.sql("CREATE INDEX ix_orders_status ON orders (status)")
        .on("postgres", "CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status)")
        .suppress_transaction();
  }

  // down() cannot be derived: sql "CREATE INDEX ix_orders_status ON orders (status)" cannot be
  // reversed: raw SQL has no known inverse. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
