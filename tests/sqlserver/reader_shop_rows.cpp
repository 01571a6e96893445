#include "sqlserver/reader_shop_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "migcmd/providers/sqlserver.hpp"
#include "support/realistic_schemas.hpp"

namespace migcmd::test {
namespace {

using namespace migcmd::sqlserver;

constexpr const char* collation = "SQL_Latin1_General_CP1_CI_AS";

const std::string categories = "581577110";
const std::string customers = "613577224";
const std::string products = "645577338";
const std::string orders = "677577452";
const std::string items = "709577566";
const std::string returns = "741577680";

// The object_id of shop_detail_<i>.
std::string detail_id(int i) {
  return std::to_string(741577680 + 32000114 * i);
}

template <typename T>
void sort_by_name(std::vector<T>& items_to_sort) {
  std::sort(items_to_sort.begin(), items_to_sort.end(),
            [](const T& a, const T& b) { return a.name < b.name; });
}

// The rows of one all_types table (realistic_schemas.cpp): created by CREATE TABLE with its
// primary key, check and index, and its foreign key added afterwards.
void add_all_types(CatalogRows& rows, const std::string& id, const std::string& name,
                   const std::string& parent) {
  rows.tables.push_back({id, "dbo", name, {}});
  const std::vector<ColumnRow> columns{
      {id, "id", "bigint", {}, "8", "19", "0", "0", "1", "0", {}, {}, {}},
      {id, "parent_id", "bigint", {}, "8", "19", "0", "0", "0", "0", {}, {}, {}},
      {id, "flag", "bit", {}, "1", "1", "0", "0", "0", "0", "((1))", {}, {}},
      {id, "small", "smallint", {}, "2", "5", "0", "1", "0", "0", {}, {}, {}},
      {id, "medium", "int", {}, "4", "10", "0", "1", "0", "0", {}, {}, {}},
      {id, "amount", "decimal", {}, "9", "12", "2", "0", "0", "0", "((0))", {}, {}},
      {id, "ratio", "real", {}, "4", "24", "0", "1", "0", "0", {}, {}, {}},
      {id, "precise", "float", {}, "8", "53", "0", "1", "0", "0", {}, {}, {}},
      {id, "label", "nvarchar", {}, "240", "0", "0", "0", "0", "0", "(N'n/a')", collation, {}},
      {id, "notes", "nvarchar", {}, "-1", "0", "0", "1", "0", "0", {}, collation, {}},
      {id, "payload", "varbinary", {}, "-1", "0", "0", "1", "0", "0", {}, {}, {}},
      {id, "born_on", "date", {}, "3", "10", "0", "1", "0", "0", {}, {}, {}},
      {id, "wakes_at", "time", {}, "5", "16", "7", "1", "0", "0", {}, {}, {}},
      {id, "seen_at", "datetime2", {}, "8", "27", "7", "1", "0", "0", {}, {}, {}},
      {id,
       "created_at",
       "datetimeoffset",
       {},
       "10",
       "34",
       "7",
       "0",
       "0",
       "0",
       "(getdate())",
       {},
       {}},
      {id, "external_id", "uniqueidentifier", {}, "16", "0", "0", "1", "0", "0", {}, {}, {}},
      {id, "document", "nvarchar", {}, "-1", "0", "0", "1", "0", "0", {}, collation, {}},
  };
  rows.columns.insert(rows.columns.end(), columns.begin(), columns.end());
  rows.keys.push_back({id, "pk_" + name, "PK", "id"});
  rows.indexes.push_back(
      {id, "2", "ix_" + name + "_label", "NONCLUSTERED", "0", {}, "label", "0", "0"});
  rows.foreign_keys.push_back(
      {id, "fk_" + name + "_parent", "parent_id", "dbo", parent, "id", "CASCADE", "NO_ACTION"});
  rows.checks.push_back({id, "ck_" + name + "_amount", "([amount]>=(0))"});
}

}  // namespace

Schema shop_for_sqlserver() {
  const auto dialect = sqlserver::make_dialect();
  for (auto& [name, schema] : realistic_schemas(dialect->capabilities())) {
    if (name != "shop") continue;
    for (auto& table : schema.tables) {
      for (auto& fk : table.foreign_keys) {
        if (fk.referenced_table == table.name) fk.on_delete = ReferentialAction::no_action;
      }
    }
    return schema;
  }
  return {};
}

Schema catalog_form(Schema model) {
  for (auto& table : model.tables) {
    for (auto& column : table.columns) {
      const bool long_string = column.type.kind == TypeKind::string &&
                               (!column.type.length || *column.type.length > 4000);
      if (column.type.store_type.empty() && (column.type.kind == TypeKind::json || long_string)) {
        column.type = Type::text();
      }
    }
  }
  return model;
}

Schema sorted(Schema schema) {
  std::sort(schema.tables.begin(), schema.tables.end(),
            [](const Table& a, const Table& b) { return a.name < b.name; });
  for (auto& t : schema.tables) {
    sort_by_name(t.uniques);
    sort_by_name(t.checks);
    sort_by_name(t.foreign_keys);
    sort_by_name(t.indexes);
  }
  return schema;
}

CatalogRows shop_rows() {
  CatalogRows rows;
  rows.scope = {{"dbo", collation, "dbo"}};

  // Tables, in object_id order.
  rows.tables = {
      {categories, "dbo", "categories", {}}, {customers, "dbo", "customers", {}},
      {products, "dbo", "products", {}},     {orders, "dbo", "orders", {}},
      {items, "dbo", "order_items", {}},     {returns, "dbo", "item_returns", {}},
  };

  rows.columns = {
      {categories, "id", "bigint", {}, "8", "19", "0", "0", "1", "0", {}, {}, {}},
      {categories, "parent_id", "bigint", {}, "8", "19", "0", "1", "0", "0", {}, {}, {}},
      {categories, "name", "nvarchar", {}, "200", "0", "0", "0", "0", "0", {}, collation, {}},
      {customers, "id", "bigint", {}, "8", "19", "0", "0", "1", "0", {}, {}, {}},
      {customers, "email", "nvarchar", {}, "510", "0", "0", "0", "0", "0", {}, collation, {}},
      {customers, "name", "nvarchar", {}, "400", "0", "0", "0", "0", "0", {}, collation, {}},
      {customers, "deleted_at", "datetime2", {}, "8", "27", "7", "1", "0", "0", {}, {}, {}},
      {products, "id", "bigint", {}, "8", "19", "0", "0", "1", "0", {}, {}, {}},
      {products, "category_id", "bigint", {}, "8", "19", "0", "0", "0", "0", {}, {}, {}},
      {products, "sku", "nvarchar", {}, "80", "0", "0", "0", "0", "0", {}, collation, {}},
      {products, "price", "decimal", {}, "9", "10", "2", "0", "0", "0", {}, {}, {}},
      {products, "stock", "int", {}, "4", "10", "0", "0", "0", "0", "((0))", {}, {}},
      {orders, "id", "bigint", {}, "8", "19", "0", "0", "1", "0", {}, {}, {}},
      {orders, "customer_id", "bigint", {}, "8", "19", "0", "0", "0", "0", {}, {}, {}},
      {orders, "status", "nvarchar", {}, "40", "0", "0", "0", "0", "0", "(N'new')", collation, {}},
      {orders, "placed_at", "datetimeoffset", {}, "10", "34", "7", "0", "0", "0", {}, {}, {}},
      {items, "order_id", "bigint", {}, "8", "19", "0", "0", "0", "0", {}, {}, {}},
      {items, "line", "int", {}, "4", "10", "0", "0", "0", "0", {}, {}, {}},
      {items, "product_id", "bigint", {}, "8", "19", "0", "0", "0", "0", {}, {}, {}},
      {items, "quantity", "int", {}, "4", "10", "0", "0", "0", "0", {}, {}, {}},
      {returns, "id", "bigint", {}, "8", "19", "0", "0", "1", "0", {}, {}, {}},
      {returns, "order_id", "bigint", {}, "8", "19", "0", "0", "0", "0", {}, {}, {}},
      {returns, "line", "int", {}, "4", "10", "0", "0", "0", "0", {}, {}, {}},
      {returns, "reason", "nvarchar", {}, "-1", "0", "0", "1", "0", "0", {}, collation, {}},
  };

  rows.keys = {
      {categories, "pk_categories", "PK", "id"}, {categories, "uq_categories_name", "UQ", "name"},
      {customers, "pk_customers", "PK", "id"},   {customers, "uq_customers_email", "UQ", "email"},
      {products, "pk_products", "PK", "id"},     {products, "uq_products_sku", "UQ", "sku"},
      {orders, "pk_orders", "PK", "id"},         {items, "pk_order_items", "PK", "order_id"},
      {items, "pk_order_items", "PK", "line"},   {returns, "pk_item_returns", "PK", "id"},
  };

  // Index 1 is each table's clustered primary key, 2 the unique constraint's where there is
  // one: both left out by the query.
  rows.indexes = {
      {customers, "3", "ix_customers_partial", "NONCLUSTERED", "0", "([deleted_at] IS NOT NULL)",
       "email", "0", "0"},
      {products, "3", "ix_products_price", "NONCLUSTERED", "0", {}, "price", "1", "0"},
      {orders, "2", "ix_orders_customer_placed", "NONCLUSTERED", "0", {}, "customer_id", "0", "0"},
      {orders, "2", "ix_orders_customer_placed", "NONCLUSTERED", "0", {}, "placed_at", "1", "0"},
  };

  rows.foreign_keys = {
      {categories, "fk_categories_parent", "parent_id", "dbo", "categories", "id", "NO_ACTION",
       "NO_ACTION"},
      {products, "fk_products_category", "category_id", "dbo", "categories", "id", "NO_ACTION",
       "NO_ACTION"},
      {orders, "fk_orders_customer", "customer_id", "dbo", "customers", "id", "NO_ACTION",
       "NO_ACTION"},
      {items, "fk_items_order", "order_id", "dbo", "orders", "id", "CASCADE", "NO_ACTION"},
      {items, "fk_items_product", "product_id", "dbo", "products", "id", "NO_ACTION", "NO_ACTION"},
      {returns, "fk_returns_item", "order_id", "dbo", "order_items", "order_id", "NO_ACTION",
       "NO_ACTION"},
      {returns, "fk_returns_item", "line", "dbo", "order_items", "line", "NO_ACTION", "NO_ACTION"},
  };

  rows.checks = {
      {products, "ck_products_price", "([price]>=(0))"},
      {products, "ck_products_stock", "([stock]>=(0))"},
      {items, "ck_items_quantity", "([quantity]>(0))"},
  };

  for (int i = 1; i <= 12; ++i) {
    add_all_types(rows, detail_id(i), fmt::format("shop_detail_{:02}", i),
                  i % 2 ? "products" : "orders");
  }
  return rows;
}

}  // namespace migcmd::test
