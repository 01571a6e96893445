// Values and names on real SQLite files: every portable type keeps its values, literals
// round-trip exactly, and hostile identifiers and values stay data.

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "sqlite_fixture.hpp"

using namespace migcmd;
using migcmd::test::sqlite::TestDatabase;

TEST_CASE("every portable type keeps its values with the affinity its declared type gives") {
  TestDatabase t;
  Table all{"all_types",
            {
                {"id", Type::int64(), false, {}, true},
                {"c_bool", Type::boolean(), false, ColumnDefault{Value{false}}},
                {"c_int16", Type::int16()},
                {"c_int32", Type::int32()},
                {"c_decimal", Type::decimal(18, 4)},
                {"c_float32", Type::float32()},
                {"c_float64", Type::float64(), true, ColumnDefault{Value{1.5}}},
                {"c_string", Type::string(100), true, ColumnDefault{Value{"it's"}}},
                {"c_text", Type::text()},
                {"c_binary", Type::binary()},
                {"c_date", Type::date()},
                {"c_time", Type::time()},
                {"c_datetime", Type::datetime()},
                {"c_timestamptz", Type::timestamp_tz()},
                {"c_uuid", Type::uuid()},
                {"c_json", Type::json()},
            }};
  all.primary_key = PrimaryKey{"", {"id"}};
  t.apply({CreateTable{all}});
  test::sqlite::check_catalog_matches_model(t);

  t.apply(
      {InsertRows{"all_types",
                  {"c_bool", "c_int16", "c_int32", "c_decimal", "c_float32", "c_float64",
                   "c_string", "c_text", "c_binary", "c_date", "c_time", "c_datetime",
                   "c_timestamptz", "c_uuid", "c_json"},
                  {{true, -32768, 2147483647, 12.5, 0.25, 0.1, "x", "two\nlines",
                    Bytes{0x00, 0xFF, 0x27, 0x22}, "2024-02-29", "23:59:59", "2024-02-29 23:59:59",
                    "2024-02-29T23:59:59+02:00", "00000000000000000000000000000000", "1.50"}}},
       InsertRows{"all_types", {"c_int16"}, {{1}}}});
  CHECK(t.rows("SELECT typeof(id), id, typeof(c_bool), c_bool, typeof(c_int16), c_int16, "
               "c_int32, typeof(c_decimal), c_decimal, typeof(c_float32), c_float32 "
               "FROM all_types WHERE id = 1") ==
        std::vector<Row>{{"integer", "1", "integer", "1", "integer", "-32768", "2147483647", "real",
                          "12.5", "real", "0.25"}});
  CHECK(t.scalar("SELECT count(*) FROM all_types WHERE id = 1 AND c_float64 = :p0", {Value{0.1}}) ==
        "1");
  CHECK(t.rows("SELECT c_text, typeof(c_binary), hex(c_binary) FROM all_types WHERE id = 1") ==
        std::vector<Row>{{"two\nlines", "blob", "00FF2722"}});
  // Dates and times stay the ISO-8601 text they were written as; a digits-only UUID and a JSON
  // number document stay text too (TEXT affinity), not numbers.
  CHECK(t.rows("SELECT typeof(c_date), c_date, typeof(c_time), c_time, typeof(c_datetime), "
               "c_datetime, typeof(c_timestamptz), c_timestamptz, typeof(c_uuid), c_uuid, "
               "typeof(c_json), c_json FROM all_types WHERE id = 1") ==
        std::vector<Row>{{"text", "2024-02-29", "text", "23:59:59", "text", "2024-02-29 23:59:59",
                          "text", "2024-02-29T23:59:59+02:00", "text",
                          "00000000000000000000000000000000", "text", "1.50"}});
  // Defaults of the second row; the identity column numbered it.
  CHECK(t.rows("SELECT id, c_bool, typeof(c_float64), c_float64, c_string FROM all_types "
               "WHERE c_int16 = 1") == std::vector<Row>{{"2", "0", "real", "1.5", "it's"}});
}

TEST_CASE("literals round-trip exactly") {
  TestDatabase t;
  // c_any has BLOB affinity: what the literal says is what gets stored, no conversion.
  Table v{"v", {{"id", Type::int64(), false}, {"c_any", Type::binary()}}};
  v.primary_key = PrimaryKey{"pk_v", {"id"}};
  t.apply({CreateTable{v}});
  const std::vector<Value> values = {
      Value{std::numeric_limits<std::int64_t>::min()},
      Value{std::numeric_limits<std::int64_t>::max()},
      Value{0.1},
      Value{-2.0},
      Value{1e300},
      Value{5e-324},
      Value{-123456789.125},
      Value{"it's \"quoted\" \\ ; -- /* */"},
      Value{Bytes{0x00, 0x01, 0xFE, 0xFF}},
      Value{true},
      Value{},
  };
  std::vector<std::vector<Value>> rows;
  for (std::size_t i = 0; i < values.size(); ++i) {
    rows.push_back({Value{static_cast<std::int64_t>(i)}, values[i]});
  }
  t.apply({InsertRows{"v", {"id", "c_any"}, rows}});
  const std::vector<std::string> types = {"integer", "integer", "real", "real",    "real", "real",
                                          "real",    "text",    "blob", "integer", "null"};
  for (std::size_t i = 0; i < values.size(); ++i) {
    CAPTURE(i);
    const std::string id = std::to_string(i);
    CHECK(t.scalar("SELECT typeof(c_any) FROM v WHERE id = " + id) == types[i]);
    if (values[i].holds<Bytes>()) {
      CHECK(t.scalar("SELECT hex(c_any) FROM v WHERE id = " + id) == "0001FEFF");
    } else if (values[i].holds<bool>()) {
      CHECK(t.scalar("SELECT c_any FROM v WHERE id = " + id) == "1");
    } else if (!values[i].is_null()) {
      // Compared by SQLite against the same value bound as a parameter: exact equality.
      CHECK(t.scalar("SELECT count(*) FROM v WHERE id = " + id + " AND c_any = :p0", {values[i]}) ==
            "1");
    }
  }
}

TEST_CASE("hostile identifiers and values stay data, through every kind of statement") {
  TestDatabase t;
  const std::string parent_name = "pa'r\"en`t\\;--/*x*/";
  const std::string child_name = "ch'ild\"; DROP TABLE x; --";
  const std::string key = "k'e\"y`\\;--/*";
  const std::string label = "la\"bel'; --";
  const std::string hostile_default = "d'e\"f`au\\lt; -- /* x */";
  const std::vector<std::string> hostile = {
      "it's",
      "say \"hi\"",
      "back`tick",
      "back\\slash",
      "semi; DROP TABLE x; --",
      "/* open",
      "-- dash",
      "'); DROP TABLE users; --",
      ":p0 ? $1 @x",
      "\n\t\r",
      "h\xC3\xA9llo \xE2\x9C\x93",
  };

  Table parent{parent_name,
               {{"id", Type::int64(), false, {}, true},
                {key, Type::string(100), false},
                {label, Type::text(), true, ColumnDefault{Value{hostile_default}}}}};
  parent.primary_key = PrimaryKey{"pk'\"", {"id"}};
  parent.uniques = {{"uq'\";--", {key}}};
  parent.checks = {{"ck'\"/*", "length(\"k'e\"\"y`\\;--/*\") > 0"}};
  parent.indexes = {{"ix'\"`;--", {{label, "", true}}, false, ""}};
  Table child{child_name,
              {{"id", Type::int64(), false}, {"parent'id", Type::int64()}, {label, Type::text()}}};
  child.primary_key = PrimaryKey{"", {"id"}};
  child.foreign_keys = {
      {"fk'\"--", {"parent'id"}, {parent_name}, {"id"}, ReferentialAction::cascade}};
  t.apply({CreateTable{parent}, CreateTable{child}});
  test::sqlite::check_catalog_matches_model(t);
  // The names as SQLite reports them are the names as given.
  CHECK(t.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
               "ORDER BY name") == std::vector<Row>{{child_name}, {parent_name}});

  // Half the rows rendered as literals, half bound as parameters.
  RenderOptions bind;
  bind.bind_values = true;
  std::vector<std::vector<Value>> literal_rows;
  std::vector<std::vector<Value>> bound_rows;
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    (i % 2 ? bound_rows : literal_rows).push_back({Value{hostile[i]}, Value{hostile[i]}});
  }
  t.apply({InsertRows{parent_name, {key, label}, literal_rows}});
  t.apply({InsertRows{parent_name, {key, label}, bound_rows}}, bind);
  t.apply({InsertRows{parent_name, {key}, {{"uses the default"}}}});
  const std::string select = "SELECT " + t.q(key) + ", " + t.q(label) + " FROM " + t.q(parent_name);
  for (const auto& h : hostile) {
    CAPTURE(h);
    CHECK(t.rows(select + " WHERE " + t.q(key) + " = :p0", {Value{h}}) == std::vector<Row>{{h, h}});
  }
  CHECK(t.scalar("SELECT " + t.q(label) + " FROM " + t.q(parent_name) + " WHERE " + t.q(key) +
                 " = 'uses the default'") == hostile_default);
  const std::string total = "SELECT count(*) FROM " + t.q(parent_name);
  CHECK(t.scalar(total) == std::to_string(hostile.size() + 1));

  // Children referencing the hostile rows; updates and deletes filtered on hostile values.
  t.exec("INSERT INTO " + t.q(child_name) + " SELECT id, id, " + t.q(label) + " FROM " +
         t.q(parent_name));
  t.apply(
      {UpdateRows{parent_name, {{label, "it's \"updated\""}}, {{key, "semi; DROP TABLE x; --"}}},
       DeleteRows{parent_name, {{key, "'); DROP TABLE users; --"}}}});
  CHECK(t.scalar(
            "SELECT " + t.q(label) + " FROM " + t.q(parent_name) + " WHERE " + t.q(key) + " = :p0",
            {Value{"semi; DROP TABLE x; --"}}) == "it's \"updated\"");
  CHECK(t.scalar(total) == std::to_string(hostile.size()));
  CHECK(t.scalar("SELECT count(*) FROM " + t.q(child_name)) == std::to_string(hostile.size()));

  // Rebuilds of both tables: the temporary name, sqlite_sequence and foreign key checks all
  // carry the hostile names.
  t.apply(
      {AlterColumn{parent_name, label, ColumnChange{Type::string(200), {}, {}}, {}},
       AlterColumn{
           child_name, label, ColumnChange{{}, {}, std::optional<ColumnDefault>(Value{"x'y"})}, {}},
       RenameIndex{parent_name, "ix'\"`;--", "ix2'\"`;--"}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK(t.scalar(total) == std::to_string(hostile.size()));
  for (const auto& h : hostile) {
    if (h == "'); DROP TABLE users; --") continue;  // deleted above
    CAPTURE(h);
    CHECK(t.scalar("SELECT count(*) FROM " + t.q(parent_name) + " WHERE " + t.q(key) + " = :p0",
                   {Value{h}}) == "1");
  }
  t.exec("INSERT INTO " + t.q(parent_name) + " (" + t.q(key) + ") VALUES ('next')");
  CHECK(t.scalar("SELECT id FROM " + t.q(parent_name) + " WHERE " + t.q(key) + " = 'next'") ==
        std::to_string(hostile.size() + 2));  // AUTOINCREMENT carried over
  // The child's foreign key still cascades.
  t.exec("DELETE FROM " + t.q(parent_name) + " WHERE " + t.q(key) + " = 'it''s'");
  CHECK(t.scalar("SELECT count(*) FROM " + t.q(child_name)) == std::to_string(hostile.size() - 1));
}
