// Migration 20250101000000_sample_add_foreign_key.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleAddForeignKey>("20250101000000", "sample_add_foreign_key");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleAddForeignKey : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.add_column("orders", "referrer_id", migcmd::Type::int64());
    b.add_foreign_key("fk_orders_referrer", "orders", {"referrer_id"}, "users", {"id"})
        .on_delete_set_null()
        .on_update(migcmd::ReferentialAction::cascade);
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("orders", migcmd::ForeignKey{
                                     .name = "fk_orders_referrer",
                                     .columns = {"referrer_id"},
                                     .referenced_table = "users",
                                     .referenced_columns = {"id"},
                                     .on_delete = migcmd::ReferentialAction::set_null,
                                     .on_update = migcmd::ReferentialAction::cascade,
                                 });
    b.drop_column("orders", migcmd::Column{.name = "referrer_id", .type = migcmd::Type::int64()});
  }
};

}  // namespace golden
