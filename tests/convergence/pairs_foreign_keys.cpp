// Foreign keys: add, drop, change actions and targets; self-referencing, cross-table, composite.

#include "convergence/base_schemas.hpp"
#include "convergence/pair_groups.hpp"

namespace migcmd::convergence {
namespace {

using RA = ReferentialAction;

void library_keys(PairList& pairs) {
  const Schema library = library_schema();
  pairs.both("library", library, "fk_drop", {"fk_drop"}, {"fk_add"},
             [](Schema& s) { drop_named(s, "loans", "fk_loans_book"); });
  pairs.both("library", library, "fk_change_on_delete", {"fk_change_action"}, {"fk_change_action"},
             [](Schema& s) { foreign_key(s, "loans", "fk_loans_book").on_delete = RA::no_action; });
  pairs.both("library", library, "fk_add_on_update", {"fk_on_update"}, {"fk_on_update"},
             [](Schema& s) { foreign_key(s, "loans", "fk_loans_book").on_update = RA::cascade; });
  pairs.both("library", library, "fk_restrict", {"fk_restrict"}, {"fk_restrict"}, [](Schema& s) {
    foreign_key(s, "books", "fk_books_author").on_delete = RA::restrict;
  });
  pairs.both("library", library, "fk_self_change_action", {"fk_self_change_action"},
             {"fk_self_change_action"},
             [](Schema& s) { foreign_key(s, "books", "fk_books_sequel").on_delete = RA::cascade; });
  pairs.both("library", library, "fk_self_drop", {"fk_self_drop"}, {"fk_self_add"},
             [](Schema& s) { drop_named(s, "books", "fk_books_sequel"); });
  // publishers has the same ids as authors, so the rows satisfy either key.
  pairs.both("library", library, "fk_change_target", {"fk_change_target"}, {"fk_change_target"},
             [](Schema& s) {
               ForeignKey& key = foreign_key(s, "books", "fk_books_author");
               key.referenced_table = "publishers";
             });
  pairs.both(
      "library", library, "fk_to_new_table", {"create_table", "add_column", "fk_to_new_table"},
      {"drop_table", "drop_column", "fk_drop"}, [](Schema& s) {
        Table series;
        series.name = "series";
        series.columns = {col("id", Type::int64(), false), col("title", Type::string(100), false)};
        series.primary_key = PrimaryKey{"pk_series", {"id"}};
        s.tables.push_back(series);
        Table& books = table(s, "books");
        books.columns.push_back(col("series_id", Type::int64()));
        books.foreign_keys.push_back(
            fk("fk_books_series", {"series_id"}, "series", {"id"}, RA::set_null));
      });
  pairs.both("library", library, "fk_add_with_new_column", {"add_column", "fk_add"},
             {"drop_column", "fk_drop"}, [](Schema& s) {
               Table& books = table(s, "books");
               books.columns.push_back(col("publisher_id", Type::int64()));
               books.foreign_keys.push_back(
                   fk("fk_books_publisher", {"publisher_id"}, "publishers", {"id"}));
             });
  pairs.both("library", library, "fk_to_unique_column", {"add_column", "fk_to_unique"},
             {"drop_column", "fk_drop"}, [](Schema& s) {
               Table& loans = table(s, "loans");
               loans.columns.push_back(col("isbn", Type::string(20)));
               loans.foreign_keys.push_back(
                   fk("fk_loans_isbn", {"isbn"}, "books", {"isbn"}, RA::no_action, RA::cascade));
             });
  Schema defaulted = library;
  column(defaulted, "books", "sequel_of").default_value = ColumnDefault{Value{1}};
  pairs.both(
      "library_defaulted", defaulted, "fk_set_default", {"fk_set_default"}, {"fk_set_default"},
      [](Schema& s) { foreign_key(s, "books", "fk_books_sequel").on_delete = RA::set_default; });
}

void realistic_keys(PairList& pairs) {
  const Schema shop = shop_schema();
  pairs.both("shop", shop, "fk_composite_drop", {"fk_composite_drop"}, {"fk_composite_add"},
             [](Schema& s) { drop_named(s, "item_returns", "fk_returns_item"); });
  pairs.both("shop", shop, "fk_composite_change_action", {"fk_composite_change_action"},
             {"fk_composite_change_action"}, [](Schema& s) {
               ForeignKey& key = foreign_key(s, "item_returns", "fk_returns_item");
               key.on_delete = RA::cascade;
               key.on_update = RA::cascade;
             });
  pairs.both(
      "shop", shop, "fk_change_cascade_to_no_action", {"fk_change_action"}, {"fk_change_action"},
      [](Schema& s) { foreign_key(s, "order_items", "fk_items_order").on_delete = RA::no_action; });
  pairs.both("blog", blog_schema(), "fk_self_set_null_to_cascade", {"fk_self_change_action"},
             {"fk_self_change_action"}, [](Schema& s) {
               foreign_key(s, "comments", "fk_comments_reply").on_delete = RA::cascade;
             });
  pairs.both("hr", hr_schema(), "fk_self_drop_realistic", {"fk_self_drop"}, {"fk_self_add"},
             [](Schema& s) { drop_named(s, "employees", "fk_employees_manager"); });
  pairs.both("league", league_schema(), "fk_cascade_both", {"fk_change_action", "fk_on_update"},
             {"fk_change_action", "fk_on_update"}, [](Schema& s) {
               ForeignKey& key = foreign_key(s, "players", "fk_players_team");
               key.on_delete = RA::cascade;
               key.on_update = RA::cascade;
             });
}

}  // namespace

void add_foreign_key_pairs(PairList& pairs) {
  library_keys(pairs);
  realistic_keys(pairs);
}

}  // namespace migcmd::convergence
