// Migration 20250101000000_sample_add_primary_key.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAddPrimaryKey>("20250101000000", "sample_add_primary_key");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAddPrimaryKey : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.drop_primary_key("pk_orders", "orders");
    b.add_primary_key("pk_orders_v2", "orders", {"id", "user_id"});
  }

  // down() cannot be derived: drop_primary_key pk_orders on orders cannot be reversed: its
  // definition is unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
