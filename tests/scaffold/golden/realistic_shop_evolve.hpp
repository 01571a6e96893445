// Migration 20250101000000_realistic_shop_evolve.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::RealisticShopEvolve>("20250101000000", "realistic_shop_evolve");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class RealisticShopEvolve : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.rename_column("customers", "email", "renamed_email");
    b.append(migcmd::DropUnique{
        .table = "products",
        .name = "uq_products_sku",
        .definition = migcmd::UniqueConstraint{.name = "uq_products_sku", .columns = {"sku"}},
    });
    b.append(migcmd::DropCheck{
        .table = "products",
        .name = "ck_products_price",
        .definition = migcmd::CheckConstraint{
            .name = "ck_products_price",
            .expression = "price >= 0",
        },
    });
    b.drop_column("products", migcmd::Column{
                                  .name = "sku",
                                  .type = migcmd::Type::string(40),
                                  .nullable = false,
                              });
    b.drop_table(migcmd::define_table("shop_detail_12", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_shop_detail_12");
      t.check("ck_shop_detail_12_amount", "amount >= 0");
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_shop_detail_12_parent",
          .columns = {"parent_id"},
          .referenced_table = "orders",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
      t.index(migcmd::Index{.name = "ix_shop_detail_12_label", .parts = {{.column = "label"}}});
    }));
    b.create_table("audit_log", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("subject_id").not_null();
      t.column("at", migcmd::Type::timestamp_tz()).not_null().default_sql("CURRENT_TIMESTAMP");
      t.column<std::string>("what").not_null();
      t.primary_key({"id"}, "pk_audit_log");
    });
    b.add_column("categories", "archived_at", migcmd::Type::datetime());
    b.add_column("categories", "rank", migcmd::Type::int32()).not_null().default_value(0);
    b.set_table_comment("categories", "evolved", "");
    b.alter_column("customers", "renamed_email")
        .type(migcmd::Type::string(305))
        .from(migcmd::Column{
            .name = "renamed_email",
            .type = migcmd::Type::string(255),
            .nullable = false,
        });
    b.alter_column("customers", "name")
        .type(migcmd::Type::string(250))
        .from(migcmd::Column{.name = "name", .type = migcmd::Type::string(200), .nullable = false});
    b.alter_column("customers", "deleted_at")
        .not_null()
        .from(migcmd::Column{.name = "deleted_at", .type = migcmd::Type::datetime()});
    b.create_index("ix_products_new", "products", {"id"}).unique();
    b.add_foreign_key("fk_audit_log_subject", "audit_log", {"subject_id"}, "categories", {"id"})
        .on_delete_cascade();
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("audit_log", migcmd::ForeignKey{
                                        .name = "fk_audit_log_subject",
                                        .columns = {"subject_id"},
                                        .referenced_table = "categories",
                                        .referenced_columns = {"id"},
                                        .on_delete = migcmd::ReferentialAction::cascade,
                                    });
    b.drop_index("products", migcmd::Index{
                                 .name = "ix_products_new",
                                 .parts = {{.column = "id"}},
                                 .unique = true,
                             });
    b.alter_column("customers", "deleted_at")
        .nullable()
        .from(migcmd::Column{
            .name = "deleted_at",
            .type = migcmd::Type::datetime(),
            .nullable = false,
        });
    b.alter_column("customers", "name")
        .type(migcmd::Type::string(200))
        .from(migcmd::Column{.name = "name", .type = migcmd::Type::string(250), .nullable = false});
    b.alter_column("customers", "renamed_email")
        .type(migcmd::Type::string(255))
        .from(migcmd::Column{
            .name = "renamed_email",
            .type = migcmd::Type::string(305),
            .nullable = false,
        });
    b.set_table_comment("categories", "", "evolved");
    b.drop_column("categories", migcmd::Column{
                                    .name = "rank",
                                    .type = migcmd::Type::int32(),
                                    .nullable = false,
                                    .default_value = migcmd::Value{0},
                                });
    b.drop_column("categories",
                  migcmd::Column{.name = "archived_at", .type = migcmd::Type::datetime()});
    b.drop_table(migcmd::define_table("audit_log", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("subject_id").not_null();
      t.column("at", migcmd::Type::timestamp_tz()).not_null().default_sql("CURRENT_TIMESTAMP");
      t.column<std::string>("what").not_null();
      t.primary_key({"id"}, "pk_audit_log");
    }));
    b.create_table("shop_detail_12", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_shop_detail_12");
      t.check("ck_shop_detail_12_amount", "amount >= 0");
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_shop_detail_12_parent",
          .columns = {"parent_id"},
          .referenced_table = "orders",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
      t.index(migcmd::Index{.name = "ix_shop_detail_12_label", .parts = {{.column = "label"}}});
    });
    b.add_column("products", "sku", migcmd::Type::string(40)).not_null();
    b.add_check("ck_products_price", "products", "price >= 0");
    b.add_unique("uq_products_sku", "products", {"sku"});
    b.rename_column("customers", "renamed_email", "email");
  }
};

}  // namespace golden
