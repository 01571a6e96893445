// Migration 20250101000000_realistic_shop_create.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::RealisticShopCreate>("20250101000000", "realistic_shop_create");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class RealisticShopCreate : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("categories", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id");
      t.column<std::string>("name").max_length(100).not_null();
      t.primary_key({"id"}, "pk_categories");
      t.unique({"name"}, "uq_categories_name");
    });
    b.create_table("customers", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("email").max_length(255).not_null();
      t.column<std::string>("name").max_length(200).not_null();
      t.column("deleted_at", migcmd::Type::datetime());
      t.primary_key({"id"}, "pk_customers");
      t.unique({"email"}, "uq_customers_email");
      t.index(migcmd::Index{
          .name = "ix_customers_lower",
          .parts = {{.expression = "lower(email)"}},
      });
      t.index(migcmd::Index{
          .name = "ix_customers_partial",
          .parts = {{.column = "email"}},
          .where = "deleted_at IS NOT NULL",
      });
    });
    b.create_table("products", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("category_id").not_null();
      t.column<std::string>("sku").max_length(40).not_null();
      t.column("price", migcmd::Type::decimal(10, 2)).not_null();
      t.column<std::int32_t>("stock").not_null().default_value(0);
      t.primary_key({"id"}, "pk_products");
      t.unique({"sku"}, "uq_products_sku");
      t.check("ck_products_price", "price >= 0");
      t.check("ck_products_stock", "stock >= 0");
      t.index(migcmd::Index{
          .name = "ix_products_price",
          .parts = {{.column = "price", .descending = true}},
      });
    });
    b.create_table("orders", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("customer_id").not_null();
      t.column<std::string>("status").max_length(20).not_null().default_value("new");
      t.column("placed_at", migcmd::Type::timestamp_tz()).not_null();
      t.primary_key({"id"}, "pk_orders");
      t.index(migcmd::Index{
          .name = "ix_orders_customer_placed",
          .parts = {{.column = "customer_id"}, {.column = "placed_at", .descending = true}},
      });
    });
    b.create_table("order_items", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("order_id").not_null();
      t.column<std::int32_t>("line").not_null();
      t.column<std::int64_t>("product_id").not_null();
      t.column<std::int32_t>("quantity").not_null();
      t.primary_key({"order_id", "line"}, "pk_order_items");
      t.check("ck_items_quantity", "quantity > 0");
    });
    b.create_table("item_returns", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("order_id").not_null();
      t.column<std::int32_t>("line").not_null();
      t.column<std::string>("reason");
      t.primary_key({"id"}, "pk_item_returns");
    });
    b.create_table("shop_detail_01", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_01");
      t.check("ck_shop_detail_01_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_01_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_02", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_02");
      t.check("ck_shop_detail_02_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_02_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_03", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_03");
      t.check("ck_shop_detail_03_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_03_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_04", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_04");
      t.check("ck_shop_detail_04_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_04_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_05", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_05");
      t.check("ck_shop_detail_05_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_05_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_06", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_06");
      t.check("ck_shop_detail_06_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_06_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_07", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_07");
      t.check("ck_shop_detail_07_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_07_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_08", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_08");
      t.check("ck_shop_detail_08_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_08_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_09", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_09");
      t.check("ck_shop_detail_09_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_09_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_10", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_10");
      t.check("ck_shop_detail_10_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_10_label", .parts = {{.column = "label"}}});
    });
    b.create_table("shop_detail_11", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_11");
      t.check("ck_shop_detail_11_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_11_label", .parts = {{.column = "label"}}});
    });
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
      t.index(migcmd::Index{.name = "ix_shop_detail_12_label", .parts = {{.column = "label"}}});
    });
    b.add_foreign_key("fk_categories_parent", "categories", {"parent_id"}, "categories", {"id"})
        .on_delete_set_null();
    b.add_foreign_key("fk_products_category", "products", {"category_id"}, "categories", {"id"});
    b.add_foreign_key("fk_orders_customer", "orders", {"customer_id"}, "customers", {"id"});
    b.add_foreign_key("fk_items_order", "order_items", {"order_id"}, "orders", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_items_product", "order_items", {"product_id"}, "products", {"id"});
    b.add_foreign_key("fk_returns_item", "item_returns", {"order_id", "line"}, "order_items",
                      {"order_id", "line"});
    b.add_foreign_key("fk_shop_detail_01_parent", "shop_detail_01", {"parent_id"}, "products",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_02_parent", "shop_detail_02", {"parent_id"}, "orders", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_03_parent", "shop_detail_03", {"parent_id"}, "products",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_04_parent", "shop_detail_04", {"parent_id"}, "orders", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_05_parent", "shop_detail_05", {"parent_id"}, "products",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_06_parent", "shop_detail_06", {"parent_id"}, "orders", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_07_parent", "shop_detail_07", {"parent_id"}, "products",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_08_parent", "shop_detail_08", {"parent_id"}, "orders", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_09_parent", "shop_detail_09", {"parent_id"}, "products",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_10_parent", "shop_detail_10", {"parent_id"}, "orders", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_11_parent", "shop_detail_11", {"parent_id"}, "products",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_shop_detail_12_parent", "shop_detail_12", {"parent_id"}, "orders", {"id"})
        .on_delete_cascade();
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("shop_detail_12", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_12_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "orders",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_11", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_11_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "products",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_10", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_10_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "orders",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_09", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_09_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "products",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_08", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_08_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "orders",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_07", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_07_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "products",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_06", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_06_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "orders",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_05", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_05_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "products",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_04", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_04_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "orders",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_03", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_03_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "products",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_02", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_02_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "orders",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("shop_detail_01", migcmd::ForeignKey{
                                             .name = "fk_shop_detail_01_parent",
                                             .columns = {"parent_id"},
                                             .referenced_table = "products",
                                             .referenced_columns = {"id"},
                                             .on_delete = migcmd::ReferentialAction::cascade,
                                         });
    b.drop_foreign_key("item_returns", migcmd::ForeignKey{
                                           .name = "fk_returns_item",
                                           .columns = {"order_id", "line"},
                                           .referenced_table = "order_items",
                                           .referenced_columns = {"order_id", "line"},
                                       });
    b.drop_foreign_key("order_items", migcmd::ForeignKey{
                                          .name = "fk_items_product",
                                          .columns = {"product_id"},
                                          .referenced_table = "products",
                                          .referenced_columns = {"id"},
                                      });
    b.drop_foreign_key("order_items", migcmd::ForeignKey{
                                          .name = "fk_items_order",
                                          .columns = {"order_id"},
                                          .referenced_table = "orders",
                                          .referenced_columns = {"id"},
                                          .on_delete = migcmd::ReferentialAction::cascade,
                                      });
    b.drop_foreign_key("orders", migcmd::ForeignKey{
                                     .name = "fk_orders_customer",
                                     .columns = {"customer_id"},
                                     .referenced_table = "customers",
                                     .referenced_columns = {"id"},
                                 });
    b.drop_foreign_key("products", migcmd::ForeignKey{
                                       .name = "fk_products_category",
                                       .columns = {"category_id"},
                                       .referenced_table = "categories",
                                       .referenced_columns = {"id"},
                                   });
    b.drop_foreign_key("categories", migcmd::ForeignKey{
                                         .name = "fk_categories_parent",
                                         .columns = {"parent_id"},
                                         .referenced_table = "categories",
                                         .referenced_columns = {"id"},
                                         .on_delete = migcmd::ReferentialAction::set_null,
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
      t.index(migcmd::Index{.name = "ix_shop_detail_12_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_11", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_11");
      t.check("ck_shop_detail_11_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_11_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_10", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_10");
      t.check("ck_shop_detail_10_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_10_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_09", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_09");
      t.check("ck_shop_detail_09_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_09_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_08", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_08");
      t.check("ck_shop_detail_08_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_08_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_07", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_07");
      t.check("ck_shop_detail_07_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_07_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_06", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_06");
      t.check("ck_shop_detail_06_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_06_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_05", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_05");
      t.check("ck_shop_detail_05_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_05_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_04", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_04");
      t.check("ck_shop_detail_04_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_04_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_03", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_03");
      t.check("ck_shop_detail_03_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_03_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_02", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_02");
      t.check("ck_shop_detail_02_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_02_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("shop_detail_01", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_shop_detail_01");
      t.check("ck_shop_detail_01_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_shop_detail_01_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("item_returns", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("order_id").not_null();
      t.column<std::int32_t>("line").not_null();
      t.column<std::string>("reason");
      t.primary_key({"id"}, "pk_item_returns");
    }));
    b.drop_table(migcmd::define_table("order_items", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("order_id").not_null();
      t.column<std::int32_t>("line").not_null();
      t.column<std::int64_t>("product_id").not_null();
      t.column<std::int32_t>("quantity").not_null();
      t.primary_key({"order_id", "line"}, "pk_order_items");
      t.check("ck_items_quantity", "quantity > 0");
    }));
    b.drop_table(migcmd::define_table("orders", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("customer_id").not_null();
      t.column<std::string>("status").max_length(20).not_null().default_value("new");
      t.column("placed_at", migcmd::Type::timestamp_tz()).not_null();
      t.primary_key({"id"}, "pk_orders");
      t.index(migcmd::Index{
          .name = "ix_orders_customer_placed",
          .parts = {{.column = "customer_id"}, {.column = "placed_at", .descending = true}},
      });
    }));
    b.drop_table(migcmd::define_table("products", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("category_id").not_null();
      t.column<std::string>("sku").max_length(40).not_null();
      t.column("price", migcmd::Type::decimal(10, 2)).not_null();
      t.column<std::int32_t>("stock").not_null().default_value(0);
      t.primary_key({"id"}, "pk_products");
      t.unique({"sku"}, "uq_products_sku");
      t.check("ck_products_price", "price >= 0");
      t.check("ck_products_stock", "stock >= 0");
      t.index(migcmd::Index{
          .name = "ix_products_price",
          .parts = {{.column = "price", .descending = true}},
      });
    }));
    b.drop_table(migcmd::define_table("customers", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("email").max_length(255).not_null();
      t.column<std::string>("name").max_length(200).not_null();
      t.column("deleted_at", migcmd::Type::datetime());
      t.primary_key({"id"}, "pk_customers");
      t.unique({"email"}, "uq_customers_email");
      t.index(migcmd::Index{
          .name = "ix_customers_lower",
          .parts = {{.expression = "lower(email)"}},
      });
      t.index(migcmd::Index{
          .name = "ix_customers_partial",
          .parts = {{.column = "email"}},
          .where = "deleted_at IS NOT NULL",
      });
    }));
    b.drop_table(migcmd::define_table("categories", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id");
      t.column<std::string>("name").max_length(100).not_null();
      t.primary_key({"id"}, "pk_categories");
      t.unique({"name"}, "uq_categories_name");
    }));
  }
};

}  // namespace golden
