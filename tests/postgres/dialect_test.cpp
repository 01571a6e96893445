// Rendering beyond the shared golden cases: ALTER COLUMN combinations, what PostgreSQL would
// reject (caught at render time), comments, schema-qualified names and raw SQL.

#include <doctest/doctest.h>

#include <string>

#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"
#include "support/sample_operations.hpp"

using namespace migcmd;

namespace {

const Dialect& pg() {
  static const auto dialect = postgres::make_dialect();
  return *dialect;
}

// The statements alone, in order.
std::vector<std::string> sql_of(const OperationList& ops, const Schema& schema = {},
                                const RenderOptions& options = {}) {
  std::vector<std::string> out;
  for (const auto& c : pg().generate(ops, schema, options)) out.push_back(c.sql);
  return out;
}

std::string one_sql(const Operation& op, const Schema& schema = {}) {
  auto all = sql_of({op}, schema);
  REQUIRE(all.size() == 1);
  return all.front();
}

ColumnChange type_change(Type type) {
  ColumnChange c;
  c.type = std::move(type);
  return c;
}

}  // namespace

TEST_CASE("the dialect names itself and its capabilities") {
  CHECK(pg().name() == "postgres");
  Capabilities c = pg().capabilities();
  CHECK(c.transactional_ddl);
  CHECK(c.schemas);
  CHECK(c.alter_column);
  CHECK(c.alter_constraints);
  CHECK(c.rename_index);
  CHECK(c.partial_indexes);
  CHECK(c.expression_indexes);
  CHECK(c.descending_indexes);
  CHECK(c.check_constraints);
  CHECK(c.comments);
  CHECK(c.concurrent_index);
  CHECK(c.max_identifier_length == 63);
}

TEST_CASE("several column changes go into one ALTER TABLE") {
  ColumnChange change = type_change(Type::string(300));
  change.nullable = false;
  change.default_value = std::optional<ColumnDefault>(Value{"none"});
  CHECK(one_sql(AlterColumn{"users", "name", change, {}}, test::sample_schema()) ==
        "ALTER TABLE \"users\" ALTER COLUMN \"name\" DROP DEFAULT, ALTER COLUMN \"name\" TYPE "
        "varchar(300) USING \"name\"::varchar, ALTER COLUMN \"name\" SET NOT NULL, ALTER COLUMN "
        "\"name\" SET DEFAULT 'none'");
}

TEST_CASE("a type change keeps the column's default by setting it again") {
  CHECK(one_sql(AlterColumn{"orders", "status", type_change(Type::text()), {}},
                test::sample_schema()) ==
        "ALTER TABLE \"orders\" ALTER COLUMN \"status\" DROP DEFAULT, ALTER COLUMN \"status\" "
        "TYPE text USING \"status\"::text, ALTER COLUMN \"status\" SET DEFAULT 'new'");
  // Known only from the operation itself.
  Column from{"status", Type::string(20), false, ColumnDefault{SqlExpression{"'x' || 'y'"}}};
  CHECK(one_sql(AlterColumn{{"s", "t"}, "status", type_change(Type::text()), from}) ==
        "ALTER TABLE \"s\".\"t\" ALTER COLUMN \"status\" DROP DEFAULT, ALTER COLUMN \"status\" "
        "TYPE text USING \"status\"::text, ALTER COLUMN \"status\" SET DEFAULT 'x' || 'y'");
}

TEST_CASE("a type change that drops the default drops it first, once") {
  ColumnChange change = type_change(Type::int64());
  change.default_value = std::optional<ColumnDefault>{};
  CHECK(one_sql(AlterColumn{"users", "score", change, {}}, test::sample_schema()) ==
        "ALTER TABLE \"users\" ALTER COLUMN \"score\" DROP DEFAULT, ALTER COLUMN \"score\" TYPE "
        "bigint USING \"score\"::bigint");
}

TEST_CASE("a type change keeps the column's collation") {
  Column from{"code", Type::string(10)};
  from.collation = "C";
  CHECK(one_sql(AlterColumn{"t", "code", type_change(Type::string(20)), from}) ==
        "ALTER TABLE \"t\" ALTER COLUMN \"code\" TYPE varchar(20) COLLATE \"C\" USING "
        "\"code\"::varchar");
}

TEST_CASE("column changes PostgreSQL rejects fail at render time") {
  const Schema s = test::sample_schema();
  ColumnChange set_default;
  set_default.default_value = std::optional<ColumnDefault>(Value{1});
  CHECK_THROWS_WITH_AS(sql_of({AlterColumn{"users", "id", set_default, {}}}, s),
                       doctest::Contains("identity"), Error);
  ColumnChange drop_default;
  drop_default.default_value = std::optional<ColumnDefault>{};
  CHECK_THROWS_WITH_AS(sql_of({AlterColumn{"users", "id", drop_default, {}}}, s),
                       doctest::Contains("identity"), Error);
  CHECK_THROWS_WITH_AS(sql_of({AlterColumn{"users", "id", type_change(Type::text()), {}}}, s),
                       doctest::Contains("identity"), Error);
  ColumnChange nullable;
  nullable.nullable = true;
  CHECK_THROWS_WITH_AS(sql_of({AlterColumn{"orders", "id", nullable, {}}}, s),
                       doctest::Contains("primary key column nullable"), Error);
  // Still fine: an identity column may change between integer types.
  CHECK(one_sql(AlterColumn{"users", "id", type_change(Type::int32()), {}}, s) ==
        "ALTER TABLE \"users\" ALTER COLUMN \"id\" TYPE integer USING \"id\"::integer");
}

TEST_CASE("column definitions PostgreSQL rejects fail at render time") {
  Column both{"id", Type::int64(), false, ColumnDefault{Value{1}}, true};
  CHECK_THROWS_WITH_AS(sql_of({AddColumn{"t", both}}), doctest::Contains("identity"), Error);
  Column text_identity{"id", Type::text(), false, {}, true};
  CHECK_THROWS_WITH_AS(sql_of({AddColumn{"t", text_identity}}), doctest::Contains("identity"),
                       Error);
  Column collated_int{"n", Type::int32()};
  collated_int.collation = "C";
  CHECK_THROWS_WITH_AS(sql_of({AddColumn{"t", collated_int}}), doctest::Contains("collation"),
                       Error);
  CHECK_THROWS_AS(sql_of({CreateIndex{"t", Index{"ix_empty", {}, false, ""}}}), Error);
}

TEST_CASE("a name over 63 bytes anywhere fails before any SQL is returned") {
  const std::string long_name(64, 'n');
  Table t{"ok", {{"id", Type::int64()}}};
  t.indexes = {{long_name, {{"id", "", false}}, false, ""}};
  CHECK_THROWS_WITH_AS(sql_of({CreateTable{t}}), doctest::Contains(long_name.c_str()), Error);
  CHECK_THROWS_AS(sql_of({RenameTable{"ok", long_name}}), Error);
  CHECK_THROWS_AS(sql_of({AddColumn{"ok", {long_name, Type::text()}}}), Error);
  CHECK_THROWS_AS(sql_of({AddCheck{"ok", {long_name, "id > 0"}}}), Error);
  CHECK_THROWS_AS(sql_of({CreateTable{Table{{long_name, "t"}, {{"id", Type::int64()}}}}}), Error);
}

TEST_CASE("comments follow CREATE TABLE and ADD COLUMN, schema-qualified and escaped") {
  Table t{{"audit", "events"}, {{"id", Type::int64(), false}}};
  t.columns[0].comment = "the \\ id's";
  t.comment = "what happened";
  auto sql = sql_of({CreateTable{t}});
  REQUIRE(sql.size() == 3);
  CHECK(sql[1] == "COMMENT ON TABLE \"audit\".\"events\" IS 'what happened'");
  CHECK(sql[2] == "COMMENT ON COLUMN \"audit\".\"events\".\"id\" IS E'the \\\\ id''s'");
  Column c{"note", Type::text()};
  c.comment = "free text";
  CHECK(sql_of({AddColumn{{"audit", "events"}, c}}) ==
        std::vector<std::string>{"ALTER TABLE \"audit\".\"events\" ADD COLUMN \"note\" text",
                                 "COMMENT ON COLUMN \"audit\".\"events\".\"note\" IS 'free text'"});
}

TEST_CASE("indexes are dropped and renamed in their table's schema") {
  CHECK(one_sql(DropIndex{{"audit", "events"}, "ix_events_at", {}}) ==
        "DROP INDEX \"audit\".\"ix_events_at\"");
  CHECK(one_sql(RenameIndex{{"audit", "events"}, "ix_a", "ix_b"}) ==
        "ALTER INDEX \"audit\".\"ix_a\" RENAME TO \"ix_b\"");
  CHECK(one_sql(CreateIndex{{"audit", "events"},
                            Index{"ix_x",
                                  {{"", "lower(\"name\")", true}, {"at", "", false}},
                                  true,
                                  "\"at\" IS NOT NULL"}}) ==
        "CREATE UNIQUE INDEX \"ix_x\" ON \"audit\".\"events\" ((lower(\"name\")) DESC, \"at\") "
        "WHERE \"at\" IS NOT NULL");
}

TEST_CASE("a primary key without a known name is looked up in the catalog") {
  Schema s = test::sample_schema();
  CHECK(one_sql(DropPrimaryKey{"orders", "", {}}, s) ==
        "ALTER TABLE \"orders\" DROP CONSTRAINT \"pk_orders\"");
  const std::string sql = one_sql(DropPrimaryKey{{"s", "t$migcmd$"}, "", {}});
  CHECK(sql.starts_with("DO $migcmd_1$"));
  CHECK(sql.ends_with("$migcmd_1$"));
  CHECK(sql.find("'\"s\".\"t$migcmd$\"'::regclass") != std::string::npos);
  CHECK(sql.find("contype = 'p'") != std::string::npos);
}

TEST_CASE("other constraints need a name to be dropped") {
  CHECK_THROWS_WITH_AS(sql_of({DropUnique{"t", "", {}}}), doctest::Contains("unnamed"), Error);
  CHECK_THROWS_AS(sql_of({DropCheck{"t", "", {}}}), Error);
  CHECK_THROWS_AS(sql_of({DropForeignKey{"t", "", {}}}), Error);
  CHECK(one_sql(DropCheck{"t", "", CheckConstraint{"ck_t", "x > 0"}}) ==
        "ALTER TABLE \"t\" DROP CONSTRAINT \"ck_t\"");
}

TEST_CASE("raw SQL: the postgres variant, and no transaction when asked") {
  RawSql raw{"SELECT 1", {{"postgres", "SELECT 2"}, {"sqlite", "SELECT 3"}}, true};
  auto commands = pg().generate({raw});
  REQUIRE(commands.size() == 1);
  CHECK(commands[0].sql == "SELECT 2");
  CHECK(commands[0].placement == Placement::no_transaction);
  CHECK(pg().generate({RawSql{"SELECT 1", {}, false}})[0].placement == Placement::transaction);
  CHECK_THROWS_WITH_AS(pg().generate({RawSql{"", {{"sqlite", "SELECT 3"}}, false}}),
                       doctest::Contains("no text for this dialect"), Error);
}

TEST_CASE("data operations: literals, or placeholders when values are bound") {
  InsertRows insert{"t", {"a", "b"}, {{"x\\y", Value{}}}};
  CHECK(one_sql(insert) == "INSERT INTO \"t\" (\"a\", \"b\") VALUES (E'x\\\\y', NULL)");
  auto bound = pg().generate({insert}, {}, RenderOptions{true});
  REQUIRE(bound.size() == 1);
  CHECK(bound[0].sql == "INSERT INTO \"t\" (\"a\", \"b\") VALUES (:p0, :p1)");
  CHECK(bound[0].parameters == std::vector<Value>{Value{"x\\y"}, Value{}});
  CHECK_THROWS_WITH_AS(sql_of({InsertRows{"t", {"a"}, {{std::string("a\0b", 3)}}}}),
                       doctest::Contains("NUL"), Error);
}

TEST_CASE("identity, collation and comment changes, and what PostgreSQL would refuse of them") {
  const Schema s = test::sample_schema();
  ColumnChange identity_off;
  identity_off.identity = false;
  // Without the column's definition the identity may not be there.
  CHECK(one_sql(AlterColumn{"t", "id", identity_off, {}}) ==
        "ALTER TABLE \"t\" ALTER COLUMN \"id\" DROP IDENTITY IF EXISTS");
  // Dropping the identity first lets a default be set in the same change.
  ColumnChange to_default = identity_off;
  to_default.default_value = std::optional<ColumnDefault>(Value{0});
  CHECK(sql_of({AlterColumn{"users", "id", to_default, {}}}, s) ==
        std::vector<std::string>{"ALTER TABLE \"users\" ALTER COLUMN \"id\" DROP IDENTITY",
                                 "ALTER TABLE \"users\" ALTER COLUMN \"id\" SET DEFAULT 0"});
  // An identity column must be NOT NULL: made so in the same change, first.
  ColumnChange identity_on;
  identity_on.identity = true;
  Column nullable_id{"id", Type::int32()};
  CHECK_THROWS_WITH_AS(sql_of({AlterColumn{"t", "id", identity_on, nullable_id}}),
                       doctest::Contains("make it NOT NULL in the same change"), Error);
  ColumnChange not_null_identity = identity_on;
  not_null_identity.nullable = false;
  const auto made = sql_of({AlterColumn{{"app", "t"}, "id", not_null_identity, nullable_id}});
  REQUIRE(made.size() == 3);
  CHECK(made[0] == "ALTER TABLE \"app\".\"t\" ALTER COLUMN \"id\" SET NOT NULL");
  CHECK(made[1] ==
        "ALTER TABLE \"app\".\"t\" ALTER COLUMN \"id\" ADD GENERATED BY DEFAULT AS IDENTITY");
  CHECK(made[2] ==
        "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('\"app\".\"t\"', 'id'), "
        "GREATEST(COALESCE(MAX(\"id\"), 0), 0) + 1, false) FROM \"app\".\"t\"");
  CHECK_THROWS_WITH_AS(sql_of({AlterColumn{"users", "email", identity_on, {}}}, s),
                       doctest::Contains("make a string(255) column an identity"), Error);

  // The collation is restated with the type the column has; "" is the type's own.
  ColumnChange reset;
  reset.collation = "";
  CHECK(one_sql(AlterColumn{"users", "email", reset, {}}, s) ==
        "ALTER TABLE \"users\" ALTER COLUMN \"email\" TYPE varchar(255) COLLATE \"default\"");
  ColumnChange en;
  en.collation = "en-x-icu";
  CHECK_THROWS_WITH_AS(sql_of({AlterColumn{"t", "c", en, {}}}, Schema{}),
                       doctest::Contains("needs the definition of table t"), Error);
  CHECK_THROWS_WITH_AS(sql_of({AlterColumn{"users", "score", en, {}}}, s),
                       doctest::Contains("collation"), Error);

  ColumnChange remove;
  remove.comment = "";
  CHECK(one_sql(AlterColumn{"users", "email", remove, {}}, s) ==
        "COMMENT ON COLUMN \"users\".\"email\" IS NULL");
  CHECK(one_sql(SetTableComment{{"app", "t"}, "", {}}) == "COMMENT ON TABLE \"app\".\"t\" IS NULL");
  CHECK(one_sql(SetTableComment{"t", "it's \\", {}}) == "COMMENT ON TABLE \"t\" IS E'it''s \\\\'");
}
