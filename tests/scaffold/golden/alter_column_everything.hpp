// Migration 20250101000000_alter_column_everything.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::AlterColumnEverything>("20250101000000", "alter_column_everything");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class AlterColumnEverything : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.alter_column("users", "name")
        .type(migcmd::Type::string(80))
        .not_null()
        .default_value("x")
        .identity(false)
        .collation("C")
        .comment("full name")
        .from(migcmd::Column{
            .name = "name",
            .type = migcmd::Type::text(),
            .default_value = migcmd::SqlExpression{"'?'"},
            .collation = "en_US",
            .comment = "shown",
        });
    b.alter_column("users", "name")
        .drop_default()
        .collation("")
        .comment("")
        .from(migcmd::Column{
            .name = "name",
            .type = migcmd::Type::string(80),
            .nullable = false,
            .default_value = migcmd::Value{"x"},
            .collation = "C",
            .comment = "full name",
        });
    b.alter_column("users", "id")
        .type(migcmd::Type::int64().with_store_type("bigint"))
        .identity()
        .from(migcmd::Column{.name = "id", .type = migcmd::Type::int32(), .nullable = false});
    b.alter_column("users", "created_at")
        .nullable()
        .default_sql("now()")
        .from(migcmd::Column{
            .name = "created_at",
            .type = migcmd::Type::datetime(),
            .nullable = false,
        });
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.alter_column("users", "created_at")
        .not_null()
        .drop_default()
        .from(migcmd::Column{
            .name = "created_at",
            .type = migcmd::Type::datetime(),
            .default_value = migcmd::SqlExpression{"now()"},
        });
    b.alter_column("users", "id")
        .type(migcmd::Type::int32())
        .identity(false)
        .from(migcmd::Column{
            .name = "id",
            .type = migcmd::Type::int64().with_store_type("bigint"),
            .nullable = false,
            .identity = true,
        });
    b.alter_column("users", "name")
        .default_value("x")
        .collation("C")
        .comment("full name")
        .from(migcmd::Column{.name = "name", .type = migcmd::Type::string(80), .nullable = false});
    b.alter_column("users", "name")
        .type(migcmd::Type::text())
        .nullable()
        .default_sql("'?'")
        .identity(false)
        .collation("en_US")
        .comment("shown")
        .from(migcmd::Column{
            .name = "name",
            .type = migcmd::Type::string(80),
            .nullable = false,
            .default_value = migcmd::Value{"x"},
            .collation = "C",
            .comment = "full name",
        });
  }
};

}  // namespace golden
