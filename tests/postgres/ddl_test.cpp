// Tables and columns on the server: every portable type, defaults, identity, comments, renames,
// ALTER COLUMN with data, and transactional DDL.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>

#include "pg_fixture.hpp"

using namespace migcmd;
using migcmd::test::PgSchema;
using migcmd::test::sqlstate_of;

namespace {

Table all_types_table() {
  Table t;
  t.name = "all_types";
  t.columns = {
      {"c_bool", Type::boolean(), false, ColumnDefault{Value{false}}},
      {"c_int16", Type::int16()},
      {"c_int32", Type::int32()},
      {"c_int64", Type::int64(), false, {}, true},
      {"c_decimal", Type::decimal(18, 4)},
      {"c_float32", Type::float32()},
      {"c_float64", Type::float64(), true, ColumnDefault{Value{1.5}}},
      {"c_string", Type::string(100), true, ColumnDefault{Value{"it's \\ here"}}},
      {"c_text", Type::text()},
      {"c_binary", Type::binary()},
      {"c_binary16", Type::binary(16)},
      {"c_date", Type::date()},
      {"c_time", Type::time()},
      {"c_datetime", Type::datetime()},
      {"c_timestamptz", Type::timestamp_tz(), false,
       ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}}},
      {"c_uuid", Type::uuid()},
      {"c_json", Type::json()},
      {"c_raw", Type::raw("VARCHAR(7)")},
  };
  t.columns[8].comment = "free text; it's \\ long";
  t.primary_key = PrimaryKey{"pk_all_types", {"c_int64"}};
  t.comment = "one column of each portable type";
  return t;
}

// Removes an extra schema a test created, whatever happens.
struct DropSchemaAfter {
  PgSchema& db;
  std::string name;
  ~DropSchemaAfter() {
    try {
      db.execute(
          fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", db.dialect().quote_identifier(name)));
    } catch (...) {
    }
  }
};

}  // namespace

TEST_CASE("create_table: every portable type with its nullability, default and identity") {
  PgSchema db;
  db.apply({CreateTable{all_types_table()}});
  struct Expected {
    const char* column;
    const char* type;
    bool not_null;
    const char* default_sql;
  };
  const Expected expected[] = {
      {"c_bool", "boolean", true, "false"},
      {"c_int16", "smallint", false, ""},
      {"c_int32", "integer", false, ""},
      {"c_int64", "bigint", true, ""},
      {"c_decimal", "numeric(18,4)", false, ""},
      {"c_float32", "real", false, ""},
      {"c_float64", "double precision", false, "1.5"},
      {"c_string", "character varying(100)", false, "'it''s \\ here'::character varying"},
      {"c_text", "text", false, ""},
      {"c_binary", "bytea", false, ""},
      {"c_binary16", "bytea", false, ""},
      {"c_date", "date", false, ""},
      {"c_time", "time without time zone", false, ""},
      {"c_datetime", "timestamp without time zone", false, ""},
      {"c_timestamptz", "timestamp with time zone", true, "CURRENT_TIMESTAMP"},
      {"c_uuid", "uuid", false, ""},
      {"c_json", "jsonb", false, ""},
      {"c_raw", "character varying(7)", false, ""},
  };
  for (const auto& e : expected) {
    INFO("column ", e.column);
    test::ColumnInfo c = db.column("all_types", e.column);
    CHECK(c.type == e.type);
    CHECK(c.not_null == e.not_null);
    CHECK(c.default_sql == e.default_sql);
    CHECK(c.identity == (std::string(e.column) == "c_int64" ? "d" : ""));
  }
  // The same through information_schema.
  auto info = db.rows(
      "SELECT is_identity, coalesce(identity_generation, ''), is_nullable FROM "
      "information_schema.columns WHERE table_schema = current_schema() AND table_name = "
      "'all_types' AND column_name = 'c_int64'");
  REQUIRE(info.size() == 1);
  CHECK(info[0] == Row{"YES", "BY DEFAULT", "NO"});
  CHECK(db.value("SELECT character_maximum_length::text FROM information_schema.columns WHERE "
                 "table_schema = current_schema() AND table_name = 'all_types' AND "
                 "column_name = 'c_string'") == "100");
  CHECK(db.value("SELECT numeric_precision || ',' || numeric_scale FROM "
                 "information_schema.columns WHERE table_schema = current_schema() AND "
                 "table_name = 'all_types' AND column_name = 'c_decimal'") == "18,4");
  // Comments.
  CHECK(db.value("SELECT obj_description('all_types'::regclass, 'pg_class')") ==
        "one column of each portable type");
  CHECK(db.column("all_types", "c_text").comment == "free text; it's \\ long");

  // Defaults and identity act.
  db.execute("INSERT INTO all_types DEFAULT VALUES");
  db.execute("INSERT INTO all_types DEFAULT VALUES");
  CHECK(db.value("SELECT string_agg(c_int64::text, ',' ORDER BY c_int64) FROM all_types") == "1,2");
  CHECK(db.value("SELECT c_bool::text || '|' || c_float64::text || '|' || c_string || '|' || "
                 "(c_timestamptz IS NOT NULL)::text FROM all_types WHERE c_int64 = 1") ==
        "false|1.5|it's \\ here|true");
}

TEST_CASE("every portable type stores a value written as a literal") {
  PgSchema db;
  db.apply({CreateTable{all_types_table()}});
  db.apply({InsertRows{
      "all_types",
      {"c_bool", "c_int16", "c_int32", "c_int64", "c_decimal", "c_float32", "c_float64", "c_string",
       "c_text", "c_binary", "c_date", "c_time", "c_datetime", "c_timestamptz", "c_uuid", "c_json",
       "c_raw"},
      {{true, -32768, 2147483647, std::int64_t{9223372036854775807}, "12345678901234.5678", 1.5,
        0.1, "a'b\\c", "$$ :x ;-- /* */", Bytes{0x00, 0xff, 0x5c, 0x27}, "2024-02-29", "23:59:59.5",
        "2024-02-29 12:00:00", "2024-02-29 12:00:00+02", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
        "{\"k\": [1, \"x'y\\\\z\"]}", "1234567"}}}});
  auto r = db.rows(
      "SELECT c_bool::text, c_int16::text, c_int32::text, c_int64::text, c_decimal::text, "
      "c_float32::text, c_float64::text, c_string, c_text, encode(c_binary, 'hex'), "
      "c_date::text, c_time::text, c_datetime::text, "
      "to_char(c_timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), c_uuid::text, "
      "(c_json -> 'k' ->> 1), c_raw FROM all_types");
  REQUIRE(r.size() == 1);
  CHECK(r[0] == Row{"true", "-32768", "2147483647", "9223372036854775807", "12345678901234.5678",
                    "1.5", "0.1", "a'b\\c", "$$ :x ;-- /* */", "00ff5c27", "2024-02-29",
                    "23:59:59.5", "2024-02-29 12:00:00", "2024-02-29 10:00:00",
                    "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "x'y\\z", "1234567"});
}

TEST_CASE("ensure_schema, and tables created, renamed and dropped in it") {
  PgSchema db;
  const std::string other = PgSchema::unique_name("migcmd_s");
  DropSchemaAfter cleanup{db, other};
  Table events{{other, "events"}, {{"id", Type::int64(), false}}, PrimaryKey{"", {"id"}}};
  events.comment = "audit trail";
  db.apply({EnsureSchema{other}, EnsureSchema{other}, CreateTable{events}});
  CHECK(db.count(fmt::format("FROM pg_catalog.pg_namespace WHERE nspname = {}", db.lit(other))) ==
        1);
  CHECK(db.relation_exists({other, "events"}));
  CHECK_FALSE(db.relation_exists("events"));  // not in the test's own schema
  CHECK(db.value(fmt::format("SELECT obj_description({}, 'pg_class')",
                             db.regclass({other, "events"}))) == "audit trail");
  db.apply({RenameTable{{other, "events"}, "events_v2"}});
  CHECK_FALSE(db.relation_exists({other, "events"}));
  CHECK(db.relation_exists({other, "events_v2"}));
  db.apply({DropTable{{other, "events_v2"}, {}}});
  CHECK_FALSE(db.relation_exists({other, "events_v2"}));
}

TEST_CASE("add, rename and drop columns; rename and drop tables; data is kept") {
  PgSchema db;
  db.apply({CreateTable{Table{"people", {{"id", Type::int32(), false}, {"name", Type::text()}}}}});
  db.execute("INSERT INTO people VALUES (1, 'Ann'), (2, 'Bob')");

  Column nickname{"nickname", Type::string(50), false, ColumnDefault{Value{"n/a"}}};
  nickname.comment = "what friends say";
  db.apply({AddColumn{"people", nickname},
            AddColumn{"people", {"seq", Type::int64(), false, {}, true}},
            AddColumn{"people", {"bio", Type::text()}}});
  test::ColumnInfo c = db.column("people", "nickname");
  CHECK(c.type == "character varying(50)");
  CHECK(c.not_null);
  CHECK(c.default_sql == "'n/a'::character varying");
  CHECK(c.comment == "what friends say");
  CHECK(db.column("people", "seq").identity == "d");
  CHECK_FALSE(db.column("people", "bio").not_null);
  CHECK(db.value("SELECT string_agg(nickname || ':' || seq, ',' ORDER BY id) FROM people") ==
        "n/a:1,n/a:2");

  db.apply({RenameColumn{"people", "name", "full_name"}});
  CHECK(db.count("FROM pg_catalog.pg_attribute WHERE attrelid = 'people'::regclass AND attname "
                 "= 'name'") == 0);
  CHECK(db.value("SELECT string_agg(full_name, ',' ORDER BY id) FROM people") == "Ann,Bob");

  db.apply({DropColumn{"people", "nickname", {}}});
  CHECK(db.count("FROM pg_catalog.pg_attribute WHERE attrelid = 'people'::regclass AND attname "
                 "= 'nickname' AND NOT attisdropped") == 0);

  db.apply({RenameTable{"people", "persons"}});
  CHECK_FALSE(db.relation_exists("people"));
  CHECK(db.count("FROM persons") == 2);
  db.apply({DropTable{"persons", {}}});
  CHECK_FALSE(db.relation_exists("persons"));
}

TEST_CASE("alter_column: type changes keep the data and the default") {
  PgSchema db;
  Table t{"t",
          {{"id", Type::int32(), false},
           {"n", Type::text()},
           {"s", Type::string(10)},
           {"st", Type::string(20), false, ColumnDefault{Value{"7"}}},
           {"doc", Type::text()}}};
  Schema schema;
  schema.tables = {t};
  db.apply({CreateTable{t}});
  db.execute("INSERT INTO t VALUES (1, '42', 'hello', '12', '{\"a\": [1, 2]}')");

  auto change_type = [](Type type) {
    ColumnChange c;
    c.type = std::move(type);
    return c;
  };
  db.apply({AlterColumn{"t", "n", change_type(Type::int32()), {}},
            AlterColumn{"t", "s", change_type(Type::string(500)), {}},
            AlterColumn{"t", "st", change_type(Type::int32()), {}},
            AlterColumn{"t", "doc", change_type(Type::json()), {}}},
           schema);
  CHECK(db.column("t", "n").type == "integer");
  CHECK(db.column("t", "s").type == "character varying(500)");
  test::ColumnInfo st = db.column("t", "st");
  CHECK(st.type == "integer");
  CHECK(st.not_null);
  CHECK(st.default_sql == "7");  // the text default, read again for the new type
  CHECK(db.column("t", "doc").type == "jsonb");
  CHECK(db.value("SELECT (n + 1)::text || '|' || s || '|' || (st * 2)::text || '|' || "
                 "(doc -> 'a' ->> 1) FROM t") == "43|hello|24|2");
  db.execute("INSERT INTO t (id) VALUES (2)");
  CHECK(db.value("SELECT st::text FROM t WHERE id = 2") == "7");

  // Narrowing below the data's length fails instead of cutting it, and changes nothing.
  db.apply({AlterColumn{"t", "s", change_type(Type::string(10)), {}}});
  CHECK(sqlstate_of([&] {
          db.apply({AlterColumn{"t", "s", change_type(Type::string(3)), {}}});
        }) == "22001");
  CHECK(db.column("t", "s").type == "character varying(10)");
  CHECK(db.value("SELECT s FROM t WHERE id = 1") == "hello");
}

TEST_CASE("alter_column: nullability and defaults, alone and together") {
  PgSchema db;
  Table t{"t", {{"id", Type::int32(), false}, {"name", Type::text()}, {"score", Type::int32()}}};
  db.apply({CreateTable{t}});

  ColumnChange not_null;
  not_null.nullable = false;
  db.apply({AlterColumn{"t", "name", not_null, {}}});
  CHECK(db.column("t", "name").not_null);
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO t (id) VALUES (1)"); }) == "23502");

  ColumnChange nullable;
  nullable.nullable = true;
  db.apply({AlterColumn{"t", "name", nullable, {}}});
  CHECK_FALSE(db.column("t", "name").not_null);
  db.execute("INSERT INTO t (id) VALUES (1)");

  ColumnChange set_default;
  set_default.default_value = std::optional<ColumnDefault>(Value{"it's \\ new"});
  db.apply({AlterColumn{"t", "name", set_default, {}}});
  CHECK(db.column("t", "name").default_sql == "'it''s \\ new'::text");
  ColumnChange expression_default;
  expression_default.default_value =
      std::optional<ColumnDefault>(SqlExpression{"length(current_user)"});
  db.apply({AlterColumn{"t", "score", expression_default, {}}});
  CHECK(db.column("t", "score").default_sql == "length((CURRENT_USER)::text)");
  db.execute("INSERT INTO t (id) VALUES (2)");
  CHECK(db.value("SELECT name || '|' || (score > 0)::text FROM t WHERE id = 2") ==
        "it's \\ new|true");

  ColumnChange drop_default;
  drop_default.default_value = std::optional<ColumnDefault>{};
  db.apply({AlterColumn{"t", "name", drop_default, {}}});
  CHECK(db.column("t", "name").default_sql.empty());

  // Type, nullability and default in one statement.
  db.execute("UPDATE t SET score = 5");
  ColumnChange all;
  all.type = Type::int64();
  all.nullable = false;
  all.default_value = std::optional<ColumnDefault>(Value{-1});
  auto commands = db.dialect().generate({AlterColumn{"t", "score", all, {}}});
  CHECK(commands.size() == 1);
  run_commands(db.connection(), commands);
  test::ColumnInfo score = db.column("t", "score");
  CHECK(score.type == "bigint");
  CHECK(score.not_null);
  CHECK(score.default_sql == "'-1'::integer");
  CHECK(db.value("SELECT string_agg(score::text, ',') FROM t") == "5,5");
}

TEST_CASE("a failing statement rolls the whole unit back: transactional DDL") {
  PgSchema db;
  db.apply({CreateTable{Table{"keep", {{"id", Type::int32(), false}}}}});
  db.execute("INSERT INTO keep VALUES (1)");
  const OperationList ops = {
      RenameTable{"keep", "renamed"},
      AddColumn{"renamed", {"extra", Type::text()}},
      CreateTable{Table{"fresh", {{"id", Type::int32()}}}},
      CreateIndex{"fresh", Index{"ix_fresh", {{"id", "", false}}, false, ""}},
      InsertRows{"renamed", {"id"}, {{2}}},
      RawSql{"SELECT 1 / 0", {}, false},
  };
  CHECK(sqlstate_of([&] { db.apply(ops); }) == "22012");
  CHECK(db.relation_exists("keep"));
  CHECK_FALSE(db.relation_exists("renamed"));
  CHECK_FALSE(db.relation_exists("fresh"));
  CHECK_FALSE(db.relation_exists("ix_fresh"));
  CHECK(db.count("FROM pg_catalog.pg_attribute WHERE attrelid = 'keep'::regclass AND attnum > 0 "
                 "AND NOT attisdropped") == 1);
  CHECK(db.count("FROM keep") == 1);
}

TEST_CASE("the largest varchar and numeric the dialect renders are accepted") {
  PgSchema db;
  db.apply({CreateTable{
      Table{"limits", {{"s", Type::string(10485760)}, {"d", Type::decimal(1000, 1000)}}}}});
  CHECK(db.column("limits", "s").type == "character varying(10485760)");
  CHECK(db.column("limits", "d").type == "numeric(1000,1000)");
}
