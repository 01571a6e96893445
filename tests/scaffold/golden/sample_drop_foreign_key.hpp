// Migration 20250101000000_sample_drop_foreign_key.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleDropForeignKey>("20250101000000", "sample_drop_foreign_key");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleDropForeignKey : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("fk_orders_user", "orders");
  }

  // down() cannot be derived: drop_foreign_key fk_orders_user on orders cannot be reversed: its
  // definition is unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
