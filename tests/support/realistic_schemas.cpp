#include "support/realistic_schemas.hpp"

#include <fmt/format.h>

namespace migcmd::test {
namespace {

Column col(std::string name, Type type, bool nullable = true) {
  return Column{std::move(name), std::move(type), nullable};
}

Column id_column() {
  return Column{"id", Type::int64(), false, {}, true};
}

Table table(std::string name, std::vector<Column> columns) {
  Table t;
  t.name = QualifiedName(std::move(name));
  t.columns = std::move(columns);
  return t;
}

ForeignKey fk(std::string name, std::vector<std::string> columns, std::string target,
              std::vector<std::string> target_columns,
              ReferentialAction on_delete = ReferentialAction::no_action) {
  return {std::move(name),           std::move(columns), QualifiedName(std::move(target)),
          std::move(target_columns), on_delete,          ReferentialAction::no_action};
}

// A table with one column of each portable type, referencing `parent`.
Table all_types(const std::string& name, const std::string& parent) {
  Table t = table(name, {id_column(), col("parent_id", Type::int64(), false),
                         col("flag", Type::boolean(), false), col("small", Type::int16()),
                         col("medium", Type::int32()), col("amount", Type::decimal(12, 2), false),
                         col("ratio", Type::float32()), col("precise", Type::float64()),
                         col("label", Type::string(120), false), col("notes", Type::text()),
                         col("payload", Type::binary()), col("born_on", Type::date()),
                         col("wakes_at", Type::time()), col("seen_at", Type::datetime()),
                         col("created_at", Type::timestamp_tz(), false),
                         col("external_id", Type::uuid()), col("document", Type::json())});
  t.columns[2].default_value = ColumnDefault{Value{true}};
  t.columns[5].default_value = ColumnDefault{Value{0}};
  t.columns[8].default_value = ColumnDefault{Value{"n/a"}};
  t.columns[14].default_value = ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}};
  t.primary_key = PrimaryKey{"pk_" + name, {"id"}};
  t.foreign_keys = {
      fk("fk_" + name + "_parent", {"parent_id"}, parent, {"id"}, ReferentialAction::cascade)};
  t.checks = {{"ck_" + name + "_amount", "amount >= 0"}};
  t.indexes = {{"ix_" + name + "_label", {{"label", "", false}}, false, ""}};
  return t;
}

void add_optional_indexes(Table& t, const Capabilities& caps, const std::string& text_column,
                          const std::string& flag_column) {
  if (caps.expression_indexes) {
    t.indexes.push_back(Index{
        "ix_" + t.name.name + "_lower", {{"", "lower(" + text_column + ")", false}}, false, ""});
  }
  if (caps.partial_indexes) {
    t.indexes.push_back(Index{"ix_" + t.name.name + "_partial",
                              {{text_column, "", false}},
                              false,
                              flag_column + " IS NOT NULL"});
  }
}

Schema shop(const Capabilities& caps) {
  Schema s;
  Table categories = table("categories", {id_column(), col("parent_id", Type::int64()),
                                          col("name", Type::string(100), false)});
  categories.primary_key = PrimaryKey{"pk_categories", {"id"}};
  categories.foreign_keys = {
      fk("fk_categories_parent", {"parent_id"}, "categories", {"id"}, ReferentialAction::set_null)};
  categories.uniques = {{"uq_categories_name", {"name"}}};

  Table customers = table(
      "customers", {id_column(), col("email", Type::string(255), false),
                    col("name", Type::string(200), false), col("deleted_at", Type::datetime())});
  customers.primary_key = PrimaryKey{"pk_customers", {"id"}};
  customers.uniques = {{"uq_customers_email", {"email"}}};
  add_optional_indexes(customers, caps, "email", "deleted_at");

  Table products = table(
      "products",
      {id_column(), col("category_id", Type::int64(), false), col("sku", Type::string(40), false),
       col("price", Type::decimal(10, 2), false), col("stock", Type::int32(), false)});
  products.columns[4].default_value = ColumnDefault{Value{0}};
  products.primary_key = PrimaryKey{"pk_products", {"id"}};
  products.uniques = {{"uq_products_sku", {"sku"}}};
  products.checks = {{"ck_products_price", "price >= 0"}, {"ck_products_stock", "stock >= 0"}};
  products.foreign_keys = {fk("fk_products_category", {"category_id"}, "categories", {"id"})};
  products.indexes = {{"ix_products_price", {{"price", "", true}}, false, ""}};

  Table orders = table("orders", {id_column(), col("customer_id", Type::int64(), false),
                                  col("status", Type::string(20), false),
                                  col("placed_at", Type::timestamp_tz(), false)});
  orders.columns[2].default_value = ColumnDefault{Value{"new"}};
  orders.primary_key = PrimaryKey{"pk_orders", {"id"}};
  orders.foreign_keys = {fk("fk_orders_customer", {"customer_id"}, "customers", {"id"})};
  orders.indexes = {{"ix_orders_customer_placed",
                     {{"customer_id", "", false}, {"placed_at", "", true}},
                     false,
                     ""}};

  // Composite primary key, two foreign keys.
  Table items =
      table("order_items",
            {col("order_id", Type::int64(), false), col("line", Type::int32(), false),
             col("product_id", Type::int64(), false), col("quantity", Type::int32(), false)});
  items.primary_key = PrimaryKey{"pk_order_items", {"order_id", "line"}};
  items.foreign_keys = {
      fk("fk_items_order", {"order_id"}, "orders", {"id"}, ReferentialAction::cascade),
      fk("fk_items_product", {"product_id"}, "products", {"id"})};
  items.checks = {{"ck_items_quantity", "quantity > 0"}};

  // A foreign key to a composite key.
  Table returns =
      table("item_returns", {id_column(), col("order_id", Type::int64(), false),
                             col("line", Type::int32(), false), col("reason", Type::text())});
  returns.primary_key = PrimaryKey{"pk_item_returns", {"id"}};
  returns.foreign_keys = {
      fk("fk_returns_item", {"order_id", "line"}, "order_items", {"order_id", "line"})};

  s.tables = {categories, customers, products, orders, items, returns};
  for (int i = 1; i <= 12; ++i) {
    s.tables.push_back(
        all_types(fmt::format("shop_detail_{:02}", i), i % 2 ? "products" : "orders"));
  }
  return s;
}

Schema blog(const Capabilities& caps) {
  Schema s;
  Table authors = table(
      "authors", {id_column(), col("handle", Type::string(50), false), col("bio", Type::text())});
  authors.primary_key = PrimaryKey{"pk_authors", {"id"}};
  authors.uniques = {{"uq_authors_handle", {"handle"}}};
  add_optional_indexes(authors, caps, "handle", "bio");

  Table posts =
      table("posts", {id_column(), col("author_id", Type::int64(), false),
                      col("slug", Type::string(200), false), col("title", Type::string(200), false),
                      col("body", Type::text()), col("published", Type::boolean(), false)});
  posts.columns[5].default_value = ColumnDefault{Value{false}};
  posts.primary_key = PrimaryKey{"pk_posts", {"id"}};
  posts.uniques = {{"uq_posts_author_slug", {"author_id", "slug"}}};
  posts.foreign_keys = {
      fk("fk_posts_author", {"author_id"}, "authors", {"id"}, ReferentialAction::cascade)};

  Table comments =
      table("comments", {id_column(), col("post_id", Type::int64(), false),
                         col("reply_to", Type::int64()), col("text", Type::text(), false)});
  comments.primary_key = PrimaryKey{"pk_comments", {"id"}};
  comments.foreign_keys = {
      fk("fk_comments_post", {"post_id"}, "posts", {"id"}, ReferentialAction::cascade),
      fk("fk_comments_reply", {"reply_to"}, "comments", {"id"}, ReferentialAction::set_null)};

  Table tags = table("tags", {col("name", Type::string(40), false)});
  tags.primary_key = PrimaryKey{"pk_tags", {"name"}};
  Table post_tags = table(
      "post_tags", {col("post_id", Type::int64(), false), col("tag", Type::string(40), false)});
  post_tags.primary_key = PrimaryKey{"pk_post_tags", {"post_id", "tag"}};
  post_tags.foreign_keys = {
      fk("fk_post_tags_post", {"post_id"}, "posts", {"id"}, ReferentialAction::cascade),
      fk("fk_post_tags_tag", {"tag"}, "tags", {"name"})};

  s.tables = {authors, posts, comments, tags, post_tags};
  for (int i = 1; i <= 12; ++i) {
    s.tables.push_back(all_types(fmt::format("blog_extra_{:02}", i), i % 2 ? "posts" : "authors"));
  }
  return s;
}

Schema hr(const Capabilities& caps) {
  Schema s;
  Table departments = table("departments", {id_column(), col("code", Type::string(10), false),
                                            col("parent_id", Type::int64())});
  departments.primary_key = PrimaryKey{"pk_departments", {"id"}};
  departments.uniques = {{"uq_departments_code", {"code"}}};
  departments.foreign_keys = {fk("fk_departments_parent", {"parent_id"}, "departments", {"id"})};

  Table employees =
      table("employees", {id_column(), col("department_id", Type::int64(), false),
                          col("manager_id", Type::int64()), col("email", Type::string(255), false),
                          col("salary", Type::decimal(12, 2), false),
                          col("hired_on", Type::date(), false), col("left_on", Type::date())});
  employees.primary_key = PrimaryKey{"pk_employees", {"id"}};
  employees.uniques = {{"uq_employees_email", {"email"}}};
  employees.checks = {{"ck_employees_salary", "salary > 0"}};
  employees.foreign_keys = {
      fk("fk_employees_department", {"department_id"}, "departments", {"id"}),
      fk("fk_employees_manager", {"manager_id"}, "employees", {"id"}, ReferentialAction::set_null)};
  add_optional_indexes(employees, caps, "email", "left_on");

  Table reviews =
      table("reviews", {col("employee_id", Type::int64(), false), col("year", Type::int16(), false),
                        col("score", Type::int16(), false), col("notes", Type::text())});
  reviews.primary_key = PrimaryKey{"pk_reviews", {"employee_id", "year"}};
  reviews.checks = {{"ck_reviews_score", "score BETWEEN 1 AND 5"}};
  reviews.foreign_keys = {
      fk("fk_reviews_employee", {"employee_id"}, "employees", {"id"}, ReferentialAction::cascade)};
  reviews.indexes = {
      {"ix_reviews_year_score", {{"year", "", true}, {"score", "", false}}, false, ""}};

  s.tables = {departments, employees, reviews};
  for (int i = 1; i <= 14; ++i) {
    s.tables.push_back(
        all_types(fmt::format("hr_record_{:02}", i), i % 2 ? "employees" : "departments"));
  }
  return s;
}

}  // namespace

std::vector<NamedSchema> realistic_schemas(const Capabilities& capabilities) {
  return {{"shop", shop(capabilities)}, {"blog", blog(capabilities)}, {"hr", hr(capabilities)}};
}

}  // namespace migcmd::test
