// Migration 20250101000000_drops_with_definitions.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::DropsWithDefinitions>("20250101000000", "drops_with_definitions");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class DropsWithDefinitions : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("orders", migcmd::ForeignKey{
                                     .name = "fk_orders_user",
                                     .columns = {"user_id"},
                                     .referenced_table = "users",
                                     .referenced_columns = {"id"},
                                     .on_delete = migcmd::ReferentialAction::cascade,
                                 });
    b.drop_index("users", migcmd::Index{.name = "ix_users_name", .parts = {{.column = "name"}}});
    b.append(migcmd::DropCheck{
        .table = "users",
        .name = "ck_users_score",
        .definition = migcmd::CheckConstraint{.name = "ck_users_score", .expression = "score >= 0"},
    });
    b.append(migcmd::DropUnique{
        .table = "users",
        .name = "uq_users_email",
        .definition = migcmd::UniqueConstraint{.name = "uq_users_email", .columns = {"email"}},
    });
    b.append(migcmd::DropPrimaryKey{
        .table = "orders",
        .name = "pk_orders",
        .definition = migcmd::PrimaryKey{.name = "pk_orders", .columns = {"id"}},
    });
    b.drop_column("users", migcmd::Column{
                               .name = "created_at",
                               .type = migcmd::Type::timestamp_tz(),
                               .nullable = false,
                               .default_value = migcmd::SqlExpression{"CURRENT_TIMESTAMP"},
                           });
    b.set_table_comment("users", "", "people");
    b.set_table_comment("users", "members");
    b.drop_table(migcmd::define_table("orders", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").not_null();
      t.column<std::int64_t>("user_id").not_null();
      t.column("total", migcmd::Type::decimal(10, 2)).not_null().default_value(0);
      t.column<std::string>("status").max_length(20).not_null().default_value("new");
      t.primary_key({"id"}, "pk_orders");
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_orders_user",
          .columns = {"user_id"},
          .referenced_table = "users",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
    }));
  }

  // down() cannot be derived: set_table_comment users cannot be reversed: its definition is
  // unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
