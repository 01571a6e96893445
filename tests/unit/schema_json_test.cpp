#include <doctest/doctest.h>

#include "migcmd/migcmd.hpp"

using namespace migcmd;

namespace {

Schema sample() {
  Table users;
  users.name = {"app", "users"};
  users.comment = "people";
  users.columns = {
      {"id", Type::int64(), false, {}, true, "", "key"},
      {"email", Type::string(255), false, {}, false, "C", ""},
      {"balance", Type::decimal(12, 2), false, ColumnDefault{Value{0}}},
      {"ratio", Type::float64(), true, ColumnDefault{Value{0.25}}},
      {"active", Type::boolean(), false, ColumnDefault{Value{true}}},
      {"nick", Type::text(), true, ColumnDefault{Value{"it's \"quoted\""}}},
      {"avatar", Type::binary(), true, ColumnDefault{Value{Bytes{0xde, 0xad}}}},
      {"born", Type::date()},
      {"wakes", Type::time()},
      {"seen", Type::datetime()},
      {"created", Type::timestamp_tz(), false, ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}}},
      {"uid", Type::uuid()},
      {"doc", Type::json()},
      {"tiny", Type::int16()},
      {"mid", Type::int32()},
      {"f", Type::float32()},
      {"geo", Type::raw("geometry(Point,4326)")},
      {"label", Type::text().with_store_type("citext")},
      {"nothing", Type::int32(), true, ColumnDefault{Value{}}},
  };
  users.primary_key = PrimaryKey{"pk_users", {"id"}};
  users.uniques = {{"uq_email", {"email"}}};
  users.checks = {{"ck_balance", "balance >= 0"}};
  users.foreign_keys = {{"fk_self",
                         {"mid"},
                         {"app", "users"},
                         {"id"},
                         ReferentialAction::set_null,
                         ReferentialAction::cascade}};
  users.indexes = {
      {"ix_lower", {{"", "lower(email)", false}, {"created", "", true}}, true, "active"}};
  users.triggers = {{"tr_x", "CREATE TRIGGER tr_x ..."}};
  Schema s;
  s.namespaces = {"app"};
  s.tables = {users};
  return s;
}

}  // namespace

TEST_CASE("a schema round-trips through JSON unchanged, with every type and constraint") {
  Schema s = sample();
  std::string json = to_json(s);
  CHECK(json.find("\"format_version\": 1") != std::string::npos);
  CHECK(schema_from_json(json) == s);
  CHECK(to_json(schema_from_json(json)) == json);  // stable output
}

TEST_CASE("bad schema JSON is reported with the JSON path of the mistake") {
  CHECK_THROWS_WITH_AS(schema_from_json("{"), doctest::Contains("not valid JSON"), Error);
  CHECK_THROWS_WITH_AS(schema_from_json(R"({"format_version": 99, "tables": []})"),
                       doctest::Contains("/format_version: format version 99 is not supported"),
                       Error);
  CHECK_THROWS_WITH_AS(
      schema_from_json(
          R"({"format_version": 1, "tables": [{"name": "t", "columns": [{"name": "a", "type": {"kind": "integer"}}]}]})"),
      doctest::Contains("/tables/0/columns/0/type/kind: unknown type kind \"integer\""), Error);
  CHECK_THROWS_WITH_AS(schema_from_json(R"({"format_version": 1, "tables": [{"columns": []}]})"),
                       doctest::Contains("/tables/0: missing \"name\""), Error);
}
