// Type changes: widening, narrowing where the rows fit, and changes of kind. Every pair runs
// both ways, so each widening is also a narrowing of data that fits.

#include <fmt/format.h>

#include "convergence/base_schemas.hpp"
#include "convergence/pair_groups.hpp"

namespace migcmd::convergence {
namespace {

// A pair changing one column's type, both ways.
void retype(PairList& pairs, const std::string& base_name, const Schema& base,
            const QualifiedName& table_name, const std::string& column_name, const Type& to,
            const std::string& kind, const std::string& reverse_kind,
            std::map<std::string, std::vector<Value>> values = {}) {
  pairs.both(
      base_name, base, fmt::format("type_{}_{}_to_{}", table_name.name, column_name, describe(to)),
      {kind}, {reverse_kind}, [=](Schema& s) { column(s, table_name, column_name).type = to; }, {},
      std::move(values));
}

}  // namespace

void add_type_pairs(PairList& pairs) {
  const Schema people = people_schema();
  retype(pairs, "people", people, "people", "age", Type::int64(), "type_int_widen",
         "type_int_narrow");
  retype(pairs, "people", people, "people", "score", Type::int32(), "type_int_widen",
         "type_int_narrow");
  retype(pairs, "people", people, "people", "name", Type::string(100), "type_varchar_widen",
         "type_varchar_narrow");
  retype(pairs, "people", people, "people", "nickname", Type::text(), "type_varchar_to_text",
         "type_text_to_varchar");
  retype(pairs, "people", people, "people", "bio", Type::string(200), "type_text_to_varchar",
         "type_varchar_to_text");
  retype(pairs, "people", people, "people", "balance", Type::decimal(14, 2),
         "type_decimal_precision_widen", "type_decimal_precision_narrow");
  retype(pairs, "people", people, "people", "born", Type::datetime(), "type_date_to_datetime",
         "type_datetime_to_date");
  retype(pairs, "people", people, "people", "created_at", Type::timestamp_tz(),
         "type_datetime_to_timestamptz", "type_timestamptz_to_datetime");
  // Digits only, so that the text converts back to a number.
  retype(pairs, "people", people, "people", "score", Type::string(12), "type_int_to_varchar",
         "type_varchar_to_int", {{"people.score", {Value{"7"}, Value{"8"}, Value{"9"}}}});
  pairs.both("people", people, "type_people_balance_scale", {"type_decimal_scale"},
             {"type_decimal_scale"},
             [](Schema& s) { column(s, "people", "balance").type = Type::decimal(12, 4); });
  // The default changes with the type: a boolean default does not suit an integer column.
  pairs.both("people", people, "type_people_active", {"type_boolean_to_int"},
             {"type_int_to_boolean"}, [](Schema& s) {
               Column& c = column(s, "people", "active");
               c.type = Type::int32();
               c.default_value = ColumnDefault{Value{1}};
             });

  const Schema details = details_schema();
  const QualifiedName detail("shop_detail_01");
  retype(pairs, "details", details, detail, "small", Type::int64(), "type_int_widen",
         "type_int_narrow");
  retype(pairs, "details", details, detail, "medium", Type::int64(), "type_int_widen",
         "type_int_narrow");
  retype(pairs, "details", details, detail, "ratio", Type::float64(), "type_float_widen",
         "type_float_narrow");
  retype(pairs, "details", details, detail, "label", Type::string(200),
         "type_varchar_widen_with_default", "type_varchar_narrow_with_default");
  retype(pairs, "details", details, detail, "notes", Type::string(500), "type_text_to_varchar",
         "type_varchar_to_text");
  retype(pairs, "details", details, detail, "amount", Type::decimal(18, 2),
         "type_decimal_widen_with_check", "type_decimal_narrow_with_check");
  // Values that are also a uuid and a JSON document, for the way back.
  retype(pairs, "details", details, detail, "external_id", Type::string(36), "type_uuid_to_varchar",
         "type_varchar_to_uuid",
         {{"shop_detail_01.external_id",
           {Value{"00000000-0000-4000-8000-000000000001"},
            Value{"00000000-0000-4000-8000-000000000002"},
            Value{"00000000-0000-4000-8000-000000000003"}}}});
  retype(pairs, "details", details, detail, "document", Type::text(), "type_json_to_text",
         "type_text_to_json",
         {{"shop_detail_01.document", {Value{"{}"}, Value{"[1, 2]"}, Value{"{\"a\": 1}"}}}});
  retype(pairs, "details", details, detail, "seen_at", Type::timestamp_tz(),
         "type_datetime_to_timestamptz", "type_timestamptz_to_datetime");

  const Schema league = league_schema();
  pairs.both("league", league, "type_referenced_key_widen", {"type_change_referenced_key"},
             {"type_change_referenced_key"}, [](Schema& s) {
               column(s, "teams", "id").type = Type::int64();
               column(s, "players", "team_id").type = Type::int64();
             });
  retype(pairs, "league", league, "players", "number", Type::int32(), "type_int_widen_indexed",
         "type_int_narrow_indexed");

  const Schema library = library_schema();
  retype(pairs, "library", library, "books", "price", Type::decimal(10, 2),
         "type_decimal_precision_widen", "type_decimal_precision_narrow");
  // SQLite rebuilds authors while books references it.
  retype(pairs, "library", library, "authors", "name", Type::string(150),
         "type_change_referenced_table", "type_change_referenced_table");

  const Schema hr = hr_schema();
  retype(pairs, "hr", hr, "employees", "salary", Type::decimal(14, 2),
         "type_decimal_widen_with_check", "type_decimal_narrow_with_check");
  retype(pairs, "hr", hr, "reviews", "score", Type::int32(), "type_int_widen_in_check_and_index",
         "type_int_narrow_in_check_and_index");

  const Schema blog = blog_schema();
  retype(pairs, "blog", blog, "posts", "title", Type::string(300), "type_varchar_widen",
         "type_varchar_narrow");
  pairs.both("blog", blog, "type_referenced_text_key", {"type_change_fk_columns"},
             {"type_change_fk_columns"}, [](Schema& s) {
               column(s, "tags", "name").type = Type::string(60);
               column(s, "post_tags", "tag").type = Type::string(60);
             });
}

}  // namespace migcmd::convergence
