// The SQLite dialect without a database: vocabulary, choices between ALTER TABLE and a rebuild,
// and the errors raised at render time.

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "migcmd/migcmd.hpp"
#include "migcmd/providers/sqlite.hpp"
#include "support/sample_operations.hpp"

using namespace migcmd;

namespace {

const auto dialect = sqlite::make_dialect();
const Schema sample = test::sample_schema();

SqlCommands render(const OperationList& ops, const Schema& schema = sample) {
  return dialect->generate(ops, schema);
}

bool has_statement(const SqlCommands& commands, const std::string& prefix) {
  return std::any_of(commands.begin(), commands.end(),
                     [&](const SqlCommand& c) { return c.sql.starts_with(prefix); });
}

}  // namespace

TEST_CASE("capabilities") {
  const Capabilities c = dialect->capabilities();
  CHECK(dialect->name() == "sqlite");
  CHECK(c.transactional_ddl);
  CHECK_FALSE(c.schemas);
  CHECK_FALSE(c.alter_column);
  CHECK_FALSE(c.alter_constraints);
  CHECK_FALSE(c.rename_index);
  CHECK(c.partial_indexes);
  CHECK(c.expression_indexes);
  CHECK(c.descending_indexes);
  CHECK(c.check_constraints);
  CHECK_FALSE(c.comments);
  CHECK_FALSE(c.concurrent_index);
}

TEST_CASE("identifiers are double-quoted with embedded quotes doubled; NUL is refused") {
  CHECK(dialect->quote_identifier("users") == "\"users\"");
  CHECK(dialect->quote_identifier("a\"b") == "\"a\"\"b\"");
  CHECK(dialect->quote_identifier("it's `x` [y]") == "\"it's `x` [y]\"");
  CHECK_THROWS_WITH_AS((void)dialect->quote_identifier(std::string("a\0b", 3)),
                       doctest::Contains("NUL"), Error);
}

TEST_CASE("literals") {
  CHECK(dialect->literal(Value{}) == "NULL");
  CHECK(dialect->literal(Value{true}) == "1");
  CHECK(dialect->literal(Value{false}) == "0");
  CHECK(dialect->literal(Value{42}) == "42");
  CHECK(dialect->literal(Value{std::numeric_limits<std::int64_t>::min()}) ==
        "-9223372036854775808");
  CHECK(dialect->literal(Value{0.1}) == "0.1");
  CHECK(dialect->literal(Value{2.0}) == "2.0");
  CHECK(dialect->literal(Value{-0.5}) == "-0.5");
  CHECK(dialect->literal(Value{1e300}) == "1e+300");
  CHECK(dialect->literal(Value{"it's"}) == "'it''s'");
  CHECK(dialect->literal(Value{"a\\b\"c"}) == "'a\\b\"c'");
  CHECK(dialect->literal(Value{Bytes{0x00, 0xAB, 0xFF}}) == "X'00ABFF'");
  CHECK(dialect->literal(Value{Bytes{}}) == "X''");
  CHECK_THROWS_WITH_AS((void)dialect->literal(Value{std::nan("")}), doctest::Contains("NaN"),
                       Error);
  CHECK_THROWS_AS((void)dialect->literal(Value{std::numeric_limits<double>::infinity()}), Error);
  CHECK_THROWS_WITH_AS((void)dialect->literal(Value{std::string("a\0b", 3)}),
                       doctest::Contains("NUL"), Error);
}

TEST_CASE("type mapping") {
  CHECK(dialect->type_sql(Type::boolean()) == "BOOLEAN");
  CHECK(dialect->type_sql(Type::int16()) == "SMALLINT");
  CHECK(dialect->type_sql(Type::int32()) == "INT");
  CHECK(dialect->type_sql(Type::int64()) == "BIGINT");
  CHECK(dialect->type_sql(Type::decimal(10, 2)) == "NUMERIC(10,2)");
  CHECK(dialect->type_sql(Type{TypeKind::decimal}) == "NUMERIC");
  CHECK(dialect->type_sql(Type::float32()) == "REAL");
  CHECK(dialect->type_sql(Type::float64()) == "DOUBLE");
  CHECK(dialect->type_sql(Type::string(20)) == "VARCHAR(20)");
  CHECK(dialect->type_sql(Type::text()) == "TEXT");
  CHECK(dialect->type_sql(Type::binary()) == "BLOB");
  CHECK(dialect->type_sql(Type::binary(16)) == "BLOB(16)");
  CHECK(dialect->type_sql(Type::date()) == "DATE");
  CHECK(dialect->type_sql(Type::time()) == "TIME");
  CHECK(dialect->type_sql(Type::datetime()) == "DATETIME");
  CHECK(dialect->type_sql(Type::timestamp_tz()) == "TIMESTAMPTZ");
  CHECK(dialect->type_sql(Type::uuid()) == "UUID TEXT");
  CHECK(dialect->type_sql(Type::json()) == "JSON TEXT");
  CHECK(dialect->type_sql(Type::raw("GEOMETRY")) == "GEOMETRY");
  CHECK(dialect->type_sql(Type::int64().with_store_type("INT8")) == "INT8");
  CHECK_THROWS_AS((void)dialect->type_sql(Type{TypeKind::custom}), Error);
}

TEST_CASE("an identity column must be the table's only primary key column") {
  Table t{"t", {{"id", Type::int64(), false, {}, true}, {"k", Type::int32(), false}}};
  t.primary_key = PrimaryKey{"pk_t", {"id", "k"}};
  CHECK_THROWS_WITH_AS(render({CreateTable{t}}, {}),
                       doctest::Contains("sqlite cannot make t.id an identity column"), Error);
  t.primary_key.reset();
  CHECK_THROWS_WITH_AS(render({CreateTable{t}}, {}), doctest::Contains("whole primary key"), Error);
  t.primary_key = PrimaryKey{"", {"id"}};
  t.columns[0].type = Type::string(10);
  CHECK_THROWS_AS(render({CreateTable{t}}, {}), Error);
  t.columns[0].type = Type::int32();  // any integer kind becomes the 64-bit rowid alias
  CHECK(render({CreateTable{t}}, {})
            .at(0)
            .sql.find("\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT") != std::string::npos);

  // Adding an identity column, or dropping the key it needs, cannot be expressed either.
  try {
    (void)render({AddColumn{"orders", {"seq", Type::int64(), false, {}, true}}});
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::unsupported_operation);
    CHECK(e.message().find("orders.seq") != std::string::npos);
    CHECK(e.message().find("add_column seq to orders") != std::string::npos);
  }
  CHECK_THROWS_WITH_AS(render({DropPrimaryKey{"users", "pk_users", {}}}),
                       doctest::Contains("users.id an identity column"), Error);
}

TEST_CASE("schema-qualified names and schemas are refused, naming the operation") {
  const QualifiedName q{"audit", "t"};
  Table t{q, {{"id", Type::int64(), false}}};
  Table refers{"r", {{"id", Type::int64(), false}}};
  refers.foreign_keys = {{"fk", {"id"}, q, {"id"}}};
  Schema schema;
  schema.tables = {t};
  const OperationList ops = {
      CreateTable{t},
      CreateTable{refers},
      DropTable{q, {}},
      RenameTable{q, "u"},
      AddColumn{q, {"c", Type::text()}},
      DropColumn{q, "id", {}},
      RenameColumn{q, "id", "id2"},
      AlterColumn{q, "id", ColumnChange{Type::text(), {}, {}}, {}},
      CreateIndex{q, Index{"ix", {{"id", "", false}}, false, ""}},
      DropIndex{q, "ix", {}},
      RenameIndex{q, "ix", "ix2"},
      AddPrimaryKey{q, {"pk", {"id"}}},
      DropPrimaryKey{q, "pk", {}},
      AddUnique{q, {"uq", {"id"}}},
      DropUnique{q, "uq", {}},
      AddCheck{q, {"ck", "id > 0"}},
      DropCheck{q, "ck", {}},
      AddForeignKey{q, {"fk", {"id"}, {"x"}, {"id"}}},
      DropForeignKey{q, "fk", {}},
      InsertRows{q, {"id"}, {{1}}},
      UpdateRows{q, {{"id", 2}}, {}},
      DeleteRows{q, {}},
  };
  for (const auto& op : ops) {
    CAPTURE(describe(op));
    try {
      (void)render({op}, schema);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::unsupported_operation);
      CHECK(e.message().find("schema-qualified name audit.t") != std::string::npos);
      CHECK(e.message().find(describe(op)) != std::string::npos);
    }
  }
  CHECK_THROWS_WITH_AS(render({EnsureSchema{"audit"}}), doctest::Contains("create schema audit"),
                       Error);
}

TEST_CASE("operations that need a definition the schema lacks fail clearly") {
  auto code_of = [](const OperationList& ops, const Schema& schema) {
    try {
      (void)render(ops, schema);
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::internal;
  };
  CHECK_THROWS_WITH_AS(render({AlterColumn{"nowhere", "c", ColumnChange{{}, false, {}}, {}}}),
                       doctest::Contains("needs the definition of table nowhere"), Error);
  CHECK(code_of({AddUnique{"nowhere", {"uq", {"c"}}}}, sample) == ErrorCode::invalid_migration);
  CHECK(code_of({RenameIndex{"users", "ix_missing", "ix_new"}}, sample) ==
        ErrorCode::invalid_migration);
  CHECK(code_of({DropUnique{"users", "uq_missing", {}}}, sample) == ErrorCode::invalid_migration);
  CHECK(code_of({AlterColumn{"users", "missing", ColumnChange{{}, false, {}}, {}}}, sample) ==
        ErrorCode::invalid_migration);
  Table one{"one", {{"only", Type::text()}}};
  Schema with_one;
  with_one.tables = {one};
  CHECK_THROWS_WITH_AS(render({DropColumn{"one", "only", {}}}, with_one),
                       doctest::Contains("without columns"), Error);
  // Without the table's definition DROP COLUMN is left to SQLite, which refuses what it cannot do.
  CHECK(render({DropColumn{"unknown", "c", {}}}, {}) ==
        SqlCommands{{"ALTER TABLE \"unknown\" DROP COLUMN \"c\""}});
}

TEST_CASE("ADD COLUMN where SQLite allows it, a rebuild otherwise") {
  auto add = [](Column c) { return render({AddColumn{"users", std::move(c)}}); };
  CHECK(add({"a", Type::text()}) == SqlCommands{{"ALTER TABLE \"users\" ADD COLUMN \"a\" TEXT"}});
  CHECK(add({"b", Type::int32(), false, ColumnDefault{Value{0}}}) ==
        SqlCommands{{"ALTER TABLE \"users\" ADD COLUMN \"b\" INT DEFAULT 0 NOT NULL"}});
  CHECK(add({"c", Type::int32(), true, ColumnDefault{Value{-1.5}}}).size() == 1);
  CHECK(has_statement(add({"d", Type::int32(), false}), "CREATE TABLE \"__migcmd_new_users\""));
  CHECK(has_statement(add({"e", Type::int32(), false, ColumnDefault{Value{}}}),
                      "CREATE TABLE \"__migcmd_new_users\""));
  CHECK(has_statement(
      add({"f", Type::datetime(), true, ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}}}),
      "CREATE TABLE \"__migcmd_new_users\""));
}

TEST_CASE("expression defaults are parenthesised unless SQLite takes them bare") {
  auto default_of = [](std::string expression) {
    Table t{"t", {{"c", Type::text(), true, ColumnDefault{SqlExpression{std::move(expression)}}}}};
    const std::string sql = render({CreateTable{t}}, {}).at(0).sql;
    const auto at = sql.find("DEFAULT ");
    return sql.substr(at + 8, sql.find('\n', at) - at - 8);
  };
  CHECK(default_of("CURRENT_TIMESTAMP") == "CURRENT_TIMESTAMP");
  CHECK(default_of("current_date") == "current_date");
  CHECK(default_of("-1.5e3") == "-1.5e3");
  CHECK(default_of("datetime('now')") == "(datetime('now'))");
  CHECK(default_of("(1 + 2)") == "(1 + 2)");
  CHECK(default_of("(1) + (2)") == "((1) + (2))");
  CHECK(default_of("'a)b'") == "('a)b')");
}

TEST_CASE("several rebuilds switch foreign keys off once and restore them once, at the end") {
  const SqlCommands commands =
      render({AlterColumn{"users", "name", ColumnChange{{}, false, {}}, {}},
              DropCheck{"users", "ck_users_score", {}}, AddCheck{"orders", {"ck", "total >= 0"}}});
  auto count = [&](const std::string& sql, Placement placement) {
    return std::count_if(commands.begin(), commands.end(), [&](const SqlCommand& c) {
      return c.sql == sql && c.placement == placement;
    });
  };
  CHECK(count("PRAGMA foreign_keys = OFF", Placement::before_transaction) == 1);
  CHECK(count("PRAGMA foreign_keys = ON", Placement::after_transaction) == 1);
  CHECK(count("PRAGMA legacy_alter_table = OFF", Placement::after_transaction) == 1);
  CHECK(commands.back().placement == Placement::after_transaction);
  CHECK(std::count_if(commands.begin(), commands.end(),
                      [](const SqlCommand& c) { return c.sql.starts_with("DROP TABLE"); }) == 3);
  // Every rebuild of users checks orders, which references it; the orders rebuild checks itself.
  CHECK(std::count_if(commands.begin(), commands.end(), [](const SqlCommand& c) {
          return c.sql == "PRAGMA foreign_key_check(\"orders\")" && !c.fail_if_rows.empty();
        }) == 3);
  // An empty change renders nothing.
  CHECK(render({AlterColumn{"users", "name", ColumnChange{}, {}}}).empty());
}

TEST_CASE("data operations bind values as :pN parameters on request") {
  RenderOptions bind;
  bind.bind_values = true;
  const SqlCommands commands = dialect->generate(
      {InsertRows{"users", {"email", "name"}, {{"a@x", Value{}}}},
       UpdateRows{"users", {{"name", "it's"}}, {{"email", "a@x"}, {"score", Value{}}}}},
      sample, bind);
  REQUIRE(commands.size() == 2);
  CHECK(commands[0].sql == "INSERT INTO \"users\" (\"email\", \"name\") VALUES (:p0, :p1)");
  CHECK(commands[0].parameters == std::vector<Value>{Value{"a@x"}, Value{}});
  CHECK(commands[1].sql ==
        "UPDATE \"users\" SET \"name\" = :p0 WHERE \"email\" = :p1 AND \"score\" IS NULL");
  CHECK(commands[1].parameters == std::vector<Value>{Value{"it's"}, Value{"a@x"}});
}

TEST_CASE("comments: nothing to render, the names still checked") {
  ColumnChange comment;
  comment.comment = "shown in lists";
  CHECK(render({AlterColumn{"users", "email", comment, {}}}).empty());
  CHECK(render({SetTableComment{"users", "people", {}}, SetTableComment{"users", "", {}}}).empty());
  CHECK_THROWS_WITH_AS(render({SetTableComment{{"app", "users"}, "people", {}}}),
                       doctest::Contains("schema-qualified name app.users"), Error);
  // With a real change the comment rides along in the one rebuild.
  ColumnChange both = comment;
  both.collation = "NOCASE";
  const auto commands = render({AlterColumn{"users", "email", both, {}}});
  CHECK(std::count_if(commands.begin(), commands.end(), [](const SqlCommand& c) {
          return c.sql.find("\"email\" VARCHAR(255) COLLATE \"NOCASE\" NOT NULL") !=
                 std::string::npos;
        }) == 1);
}

TEST_CASE("PRAGMAs in SQL files are placed as the dialect places its own") {
  auto placed = [](std::string sql) {
    SqlCommand command{std::move(sql), Placement::transaction, {}, {}};
    dialect->place_file_statement(command);
    return command;
  };
  CHECK(placed("-- rebuild users\n  pragma Foreign_Keys = off").placement ==
        Placement::before_transaction);
  CHECK(placed("PRAGMA foreign_keys = ON;").placement == Placement::after_transaction);
  const auto check = placed("-- a\n-- b\nPRAGMA foreign_key_check(\"users\")");
  CHECK(check.placement == Placement::transaction);
  CHECK_FALSE(check.fail_if_rows.empty());
  // Anything else stays as written, PRAGMAs included.
  for (const char* sql : {"PRAGMA legacy_alter_table = ON", "SELECT 'PRAGMA foreign_keys = OFF'",
                          "-- PRAGMA foreign_keys = OFF\nCREATE TABLE t (id INT)", ""}) {
    const auto c = placed(sql);
    CHECK_MESSAGE(c.placement == Placement::transaction, sql);
    CHECK_MESSAGE(c.fail_if_rows.empty(), sql);
  }
}
