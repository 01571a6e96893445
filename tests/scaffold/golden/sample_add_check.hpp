// Migration 20250101000000_sample_add_check.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAddCheck>("20250101000000", "sample_add_check");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAddCheck : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.add_check("ck_orders_total", "orders", "total >= 0");
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.append(migcmd::DropCheck{
        .table = "orders",
        .name = "ck_orders_total",
        .definition = migcmd::CheckConstraint{
            .name = "ck_orders_total",
            .expression = "total >= 0",
        },
    });
  }
};

}  // namespace golden
