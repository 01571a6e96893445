// Several changes at once, on one table and across tables, and changes on tables that other
// tables reference (SQLite rebuilds them with the references in place).

#include "convergence/base_schemas.hpp"
#include "convergence/pair_groups.hpp"

namespace migcmd::convergence {

void add_combined_pairs(PairList& pairs) {
  const Schema people = people_schema();
  pairs.both("people", people, "several_changes", {"several"}, {"several"}, [](Schema& s) {
    Table& t = table(s, "people");
    t.columns.push_back(col("email", Type::string(120)));
    drop_column(s, "people", "bio");
    column(s, "people", "age").type = Type::int64();
    column(s, "people", "nickname").default_value = ColumnDefault{Value{"anon"}};
    column(s, "people", "score").nullable = false;
    t.indexes.push_back(Index{"ix_people_email", {part("email")}, false, ""});
    check(s, "people", "ck_people_age").expression = "age <= 150";
    t.uniques.push_back({"uq_people_nickname", {"nickname"}});
  });

  const Schema shop = shop_schema();
  pairs.both("shop", shop, "several_on_products", {"several", "rebuild_with_incoming_fk"},
             {"several", "rebuild_with_incoming_fk"}, [](Schema& s) {
               Table& t = table(s, "products");
               column(s, "products", "price").type = Type::decimal(12, 2);
               t.uniques.push_back({"uq_products_category_sku", {"category_id", "sku"}});
               drop_named(s, "products", "ck_products_stock");
               t.indexes.push_back(Index{"ix_products_stock", {part("stock")}, false, ""});
             });
  pairs.both("shop", shop, "several_tables", {"several_tables"}, {"several_tables"}, [](Schema& s) {
    table(s, "customers").columns.push_back(col("phone", Type::string(30)));
    column(s, "orders", "status").default_value = ColumnDefault{Value{"open"}};
    table(s, "order_items").checks.push_back({"ck_items_line", "line > 0"});
    column(s, "categories", "name").type = Type::string(150);
  });
  pairs.both("shop", shop, "self_referencing_parent", {"rebuild_with_incoming_fk"},
             {"rebuild_with_incoming_fk"}, [](Schema& s) {
               table(s, "categories").columns.push_back(col("position", Type::int32()));
               table(s, "categories").checks.push_back({"ck_categories_name", "name <> ''"});
             });

  pairs.both("blog", blog_schema(), "rename_retype_and_index",
             {"rename_column", "type_varchar_widen", "index_add"},
             {"rename_column", "type_varchar_narrow", "index_drop"},
             [](Schema& s) {
               rename_column(s, "posts", "title", "headline");
               column(s, "posts", "headline").type = Type::string(300);
               table(s, "posts")
                   .indexes.push_back(Index{"ix_posts_headline", {part("headline")}, false, ""});
             },
             {{"posts.title", "headline"}});

  const Schema library = library_schema();
  pairs.both("library", library, "rebuild_referenced_parent", {"rebuild_with_incoming_fk"},
             {"rebuild_with_incoming_fk"},
             [](Schema& s) {
               table(s, "authors").checks.push_back({"ck_authors_name", "name <> ''"});
               column(s, "authors", "country").type = Type::string(3);
               column(s, "authors", "country").default_value = ColumnDefault{Value{"NL"}};
             },
             {}, {{"authors.country", {Value{"NL"}, Value{"BE"}, Value{"DE"}}}});
  pairs.both("library", library, "rebuild_self_and_incoming", {"rebuild_with_incoming_fk"},
             {"rebuild_with_incoming_fk"}, [](Schema& s) {
               column(s, "books", "title").nullable = true;
               column(s, "books", "price").type = Type::decimal(12, 2);
               table(s, "books").checks.push_back({"ck_books_price", "price >= 0"});
             });
  pairs.both("library", library, "rename_table_and_change_column",
             {"rename_table", "type_varchar_widen"}, {"rename_table", "type_varchar_narrow"},
             [](Schema& s) {
               rename_table(s, "loans", "borrowings");
               column(s, "borrowings", "borrower").type = Type::string(100);
             },
             {{"loans", "borrowings"}});

  pairs.both("settings", settings_schema(), "rename_table_and_column",
             {"rename_table", "rename_column"}, {"rename_table", "rename_column"},
             [](Schema& s) {
               rename_table(s, "settings", "preferences");
               rename_column(s, "preferences", "value", "content");
             },
             {{"settings", "preferences"}, {"preferences.value", "content"}});

  pairs.both("hr", hr_schema(), "several_on_employees", {"several", "rebuild_with_incoming_fk"},
             {"several", "rebuild_with_incoming_fk"}, [](Schema& s) {
               column(s, "employees", "salary").type = Type::decimal(14, 2);
               table(s, "employees").checks.push_back({"ck_employees_left", "left_on >= hired_on"});
               drop_named(s, "employees", "uq_employees_email");
               table(s, "employees").columns.push_back(col("phone", Type::string(30)));
             });
}

}  // namespace migcmd::convergence
