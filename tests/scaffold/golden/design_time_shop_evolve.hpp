// Migration 20250101000000_design_time_shop_evolve.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::DesignTimeShopEvolve>("20250101000000", "design_time_shop_evolve");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class DesignTimeShopEvolve : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.rename_column("customers", "email", "renamed_email");
    b.drop_unique("uq_products_sku", "products");
    b.drop_check("ck_products_price", "products");
    b.drop_column("products", "sku");
    b.drop_table("shop_detail_12");
    b.create_table("audit_log", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("subject_id").not_null();
      t.column("at", migcmd::Type::timestamp_tz()).not_null().default_sql("CURRENT_TIMESTAMP");
      t.column<std::string>("what").not_null();
      t.primary_key({"id"}, "pk_audit_log");
    });
    b.add_column("categories", "archived_at", migcmd::Type::datetime());
    b.add_column("categories", "rank", migcmd::Type::int32()).not_null().default_value(0);
    b.set_table_comment("categories", "evolved");
    b.alter_column("customers", "renamed_email").type(migcmd::Type::string(305));
    b.alter_column("customers", "name").type(migcmd::Type::string(250));
    b.alter_column("customers", "deleted_at").not_null();
    b.create_index("ix_products_new", "products", {"id"}).unique();
    b.add_foreign_key("fk_audit_log_subject", "audit_log", {"subject_id"}, "categories", {"id"})
        .on_delete_cascade();
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("fk_audit_log_subject", "audit_log");
    b.drop_index("ix_products_new", "products");
    b.alter_column("customers", "deleted_at").nullable();
    b.alter_column("customers", "name").type(migcmd::Type::string(200));
    b.alter_column("customers", "renamed_email").type(migcmd::Type::string(255));
    b.set_table_comment("categories", "");
    b.drop_column("categories", "rank");
    b.drop_column("categories", "archived_at");
    b.drop_table("audit_log");
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
