// Columns: add, drop, rename (with DiffOptions::renames), nullability and defaults.

#include "convergence/base_schemas.hpp"
#include "convergence/pair_groups.hpp"

namespace migcmd::convergence {
namespace {

ColumnDefault literal(Value v) {
  return ColumnDefault{std::move(v)};
}

ColumnDefault expression(std::string sql) {
  return ColumnDefault{SqlExpression{std::move(sql)}};
}

void add_and_drop(PairList& pairs, const Schema& people, const Schema& library) {
  pairs.both(
      "people", people, "add_nullable_column", {"add_column"}, {"drop_column"},
      [](Schema& s) { table(s, "people").columns.push_back(col("email", Type::string(120))); });
  pairs.both(
      "people", people, "add_not_null_column_with_default", {"add_column_not_null_default"},
      {"drop_column"}, [](Schema& s) {
        table(s, "people")
            .columns.push_back(col_default("level", Type::int32(), false, literal(Value{1})));
      });
  pairs.both("people", people, "add_column_with_expression_default",
             {"add_column_expression_default"}, {"drop_column"}, [](Schema& s) {
               table(s, "people")
                   .columns.push_back(col_default("joined_at", Type::datetime(), true,
                                                  expression("CURRENT_TIMESTAMP")));
             });
  pairs.both("people", people, "drop_column_in_check_and_index", {"drop_column_indexed"},
             {"add_column", "check_add", "index_add"}, [](Schema& s) {
               drop_column(s, "people", "age");
               drop_named(s, "people", "ck_people_age");
               drop_named(s, "people", "ix_people_age");
             });
  // Only forwards: adding a NOT NULL column without a default fails on a table with rows.
  pairs.add("people", people, "drop_column_in_unique", {"drop_column_unique"}, [](Schema& s) {
    drop_column(s, "people", "name");
    drop_named(s, "people", "uq_people_name");
  });
  pairs.both(
      "library", library, "add_column_to_referenced_table", {"add_column_referenced_table"},
      {"drop_column_referenced_table"}, [](Schema& s) {
        table(s, "authors")
            .columns.push_back(col_default("active", Type::boolean(), false, literal(Value{true})));
      });
  pairs.both("library", library, "drop_column_of_referenced_table",
             {"drop_column_referenced_table"}, {"add_column_referenced_table"},
             [](Schema& s) { drop_column(s, "authors", "country"); });
}

void renames(PairList& pairs, const Schema& people, const Schema& library) {
  pairs.both("people", people, "rename_column", {"rename_column"}, {"rename_column"},
             [](Schema& s) { rename_column(s, "people", "nickname", "alias"); },
             {{"people.nickname", "alias"}});
  pairs.both("people", people, "rename_column_in_unique", {"rename_column_in_unique"},
             {"rename_column_in_unique"},
             [](Schema& s) { rename_column(s, "people", "name", "full_name"); },
             {{"people.name", "full_name"}});
  pairs.both("people", people, "rename_column_in_check_and_index", {"rename_column_in_check"},
             {"rename_column_in_check"},
             [](Schema& s) {
               rename_column(s, "people", "age", "years");
               check(s, "people", "ck_people_age").expression = "years >= 0";
             },
             {{"people.age", "years"}});
  pairs.both("library", library, "rename_referenced_key_column", {"rename_column_referenced"},
             {"rename_column_referenced"},
             [](Schema& s) { rename_column(s, "publishers", "id", "publisher_id"); },
             {{"publishers.id", "publisher_id"}});
  pairs.both("library", library, "rename_foreign_key_column", {"rename_column_in_fk"},
             {"rename_column_in_fk"},
             [](Schema& s) { rename_column(s, "loans", "book_id", "item_id"); },
             {{"loans.book_id", "item_id"}});
}

void nullability(PairList& pairs, const Schema& people, const Schema& library) {
  pairs.both("people", people, "nullable_off", {"nullable_off"}, {"nullable_on"},
             [](Schema& s) { column(s, "people", "nickname").nullable = false; });
  pairs.both("people", people, "nullable_on_in_unique", {"nullable_on"}, {"nullable_off"},
             [](Schema& s) { column(s, "people", "name").nullable = true; });
  pairs.both("people", people, "nullable_on_with_default", {"nullable_on"}, {"nullable_off"},
             [](Schema& s) { column(s, "people", "balance").nullable = true; });
  pairs.both("library", library, "nullable_on_foreign_key_column", {"nullable_on"},
             {"nullable_off"}, [](Schema& s) { column(s, "loans", "book_id").nullable = true; });
  pairs.both("library", library, "nullable_off_on_referenced_table", {"nullable_off"},
             {"nullable_on"}, [](Schema& s) { column(s, "books", "price").nullable = false; });
}

void defaults(PairList& pairs, const Schema& people) {
  pairs.both(
      "people", people, "default_add_literal", {"default_add_literal"}, {"default_drop_literal"},
      [](Schema& s) { column(s, "people", "nickname").default_value = literal(Value{"anon"}); });
  pairs.both("people", people, "default_add_quoted_literal", {"default_add_literal"},
             {"default_drop_literal"}, [](Schema& s) {
               column(s, "people", "nickname").default_value = literal(Value{"O'Brien"});
             });
  pairs.both("people", people, "default_change_decimal", {"default_change_literal"},
             {"default_change_literal"}, [](Schema& s) {
               column(s, "people", "balance").default_value = literal(Value{10.5});
             });
  pairs.both("people", people, "default_change_boolean", {"default_change_literal"},
             {"default_change_literal"}, [](Schema& s) {
               column(s, "people", "active").default_value = literal(Value{false});
             });
  pairs.both("people", people, "default_add_integer", {"default_add_literal"},
             {"default_drop_literal"},
             [](Schema& s) { column(s, "people", "score").default_value = literal(Value{5}); });
  pairs.both("people", people, "default_add_expression", {"default_add_expression"},
             {"default_drop_expression"}, [](Schema& s) {
               column(s, "people", "created_at").default_value = expression("CURRENT_TIMESTAMP");
             });
  Schema stamped = people;
  column(stamped, "people", "created_at").default_value = expression("CURRENT_TIMESTAMP");
  pairs.both("people_stamped", stamped, "default_expression_to_literal",
             {"default_change_expression_to_literal"}, {"default_change_literal_to_expression"},
             [](Schema& s) {
               column(s, "people", "created_at").default_value =
                   literal(Value{"2000-01-01 00:00:00"});
             });
  Schema computed = people;
  column(computed, "people", "score").default_value = expression("(1 + 2)");
  pairs.both("people_computed", computed, "default_change_expression",
             {"default_change_expression"}, {"default_change_expression"},
             [](Schema& s) { column(s, "people", "score").default_value = expression("(2 * 3)"); });
  pairs.both("people", people, "default_and_not_null", {"nullable_off", "default_add_literal"},
             {"nullable_on", "default_drop_literal"}, [](Schema& s) {
               Column& c = column(s, "people", "nickname");
               c.nullable = false;
               c.default_value = literal(Value{"anon"});
             });
  pairs.both("shop", shop_schema(), "default_change_string", {"default_change_literal"},
             {"default_change_literal"}, [](Schema& s) {
               column(s, "orders", "status").default_value = literal(Value{"pending"});
             });
}

}  // namespace

void add_column_pairs(PairList& pairs) {
  const Schema people = people_schema();
  const Schema library = library_schema();
  add_and_drop(pairs, people, library);
  renames(pairs, people, library);
  nullability(pairs, people, library);
  defaults(pairs, people);
}

}  // namespace migcmd::convergence
