// A constant number of catalog queries; migcmd's own tables and excluded tables left out; other
// schemas read with qualified names.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "migcmd/diff.hpp"
#include "postgres_reader/reader_support.hpp"

namespace migcmd::test {
namespace {

// Forwards to a real connection, counting the queries and statements.
class CountingConnection final : public Connection {
 public:
  explicit CountingConnection(Connection& inner) : inner_(inner) {}

  [[nodiscard]] std::string_view dialect_name() const noexcept override {
    return inner_.dialect_name();
  }
  [[nodiscard]] std::string redacted_url() const override { return inner_.redacted_url(); }
  void execute(const std::string& sql, const std::vector<Value>& parameters) override {
    ++calls;
    inner_.execute(sql, parameters);
  }
  QueryResult query(const std::string& sql, const std::vector<Value>& parameters) override {
    ++calls;
    return inner_.query(sql, parameters);
  }
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }

  int calls = 0;

 private:
  Connection& inner_;
};

// `count` tables t0..tN, each with a key, a unique, a check, an index, a comment and a foreign
// key to the one before.
void create_tables(PgSchema& db, int count) {
  for (int i = 0; i < count; ++i) {
    db.execute(fmt::format(
        "CREATE TABLE t{0} (id int PRIMARY KEY, code varchar(10) UNIQUE, n int CHECK (n > 0), "
        "prev int{1})",
        i, i > 0 ? fmt::format(" REFERENCES t{}(id)", i - 1) : ""));
    db.execute(fmt::format("CREATE INDEX ix_t{0}_n ON t{0} (n DESC)", i));
    db.execute(fmt::format("COMMENT ON COLUMN t{0}.n IS 'n of {0}'", i));
  }
}

std::vector<std::string> table_names(const Schema& schema) {
  std::vector<std::string> out;
  for (const auto& t : schema.tables) out.push_back(to_string(t.name));
  std::sort(out.begin(), out.end());
  return out;
}

// The table the named foreign key of `table` references.
QualifiedName referenced(const Schema& schema, const QualifiedName& table, const std::string& key) {
  const Table* t = schema.find_table(table);
  REQUIRE(t != nullptr);
  for (const auto& fk : t->foreign_keys) {
    if (fk.name == key) return fk.referenced_table;
  }
  FAIL("no foreign key ", key);
  return {};
}

}  // namespace

TEST_CASE("the reader runs the same number of queries for 2 tables and for 60") {
  PgSchema small, large;
  create_tables(small, 2);
  create_tables(large, 60);
  CountingConnection count_small(small.connection()), count_large(large.connection());
  const Schema read_small = read(count_small);
  const Schema read_large = read(count_large);
  REQUIRE(read_small.tables.size() == 2);
  REQUIRE(read_large.tables.size() == 60);
  CHECK(count_small.calls == 5);
  CHECK(count_large.calls == count_small.calls);
  // Everything was read for every table, not just for the first.
  for (const auto& t : read_large.tables) {
    INFO(to_string(t.name));
    CHECK(t.columns.size() == 4);
    CHECK(t.primary_key.has_value());
    CHECK(t.uniques.size() == 1);
    CHECK(t.checks.size() == 1);
    CHECK(t.indexes.size() == 1);
    CHECK(t.foreign_keys.size() == (t.name.name == "t0" ? 0U : 1U));
  }
}

TEST_CASE("migcmd's own tables and excluded tables are left out") {
  PgSchema db;
  for (const char* name :
       {"migcmd_history", "migcmd_history_lock", "users", "flyway_schema_history", "audit"}) {
    db.execute(fmt::format("CREATE TABLE {} (id int)", name));
  }
  CHECK(table_names(read(db.connection())) ==
        std::vector<std::string>{"audit", "flyway_schema_history", "users"});

  ReadOptions options;
  options.exclude = {QualifiedName("flyway_schema_history")};
  CHECK(table_names(read(db.connection(), options)) == std::vector<std::string>{"audit", "users"});

  // A different history table: the default one is then an ordinary table.
  options = {};
  options.history_table = QualifiedName("users");
  CHECK(table_names(read(db.connection(), options)) ==
        std::vector<std::string>{"audit", "flyway_schema_history", "migcmd_history",
                                 "migcmd_history_lock"});
}

TEST_CASE("ReadOptions::schemas reads other schemas with qualified names") {
  PgSchema db;
  const std::string other = PgSchema::unique_name("migcmd_rd");
  const std::string q_other = db.dialect().quote_identifier(other);
  db.execute("CREATE TABLE users (id int PRIMARY KEY)");
  db.execute(fmt::format("CREATE SCHEMA {}", q_other));
  struct Drop {
    PgSchema& db;
    std::string schema;
    ~Drop() {
      try {
        db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (const std::exception&) {
      }
    }
  } drop{db, q_other};
  db.execute(fmt::format(
      "CREATE TABLE {0}.events (id int PRIMARY KEY, user_id int CONSTRAINT fk_events_user "
      "REFERENCES users (id), parent_id int CONSTRAINT fk_events_parent REFERENCES {0}.events)",
      q_other));
  db.execute(fmt::format("CREATE TABLE {}.migcmd_history (id int)", q_other));

  SUBCASE("the default schema alone, unqualified") {
    const Schema s = read(db.connection());
    CHECK(table_names(s) == std::vector<std::string>{"users"});
    CHECK(s.namespaces.empty());
  }
  SUBCASE("another schema: its tables qualified, the default schema's unqualified") {
    ReadOptions options;
    options.schemas = {other};
    options.history_table = QualifiedName(other, "migcmd_history");
    const Schema s = read(db.connection(), options);
    CHECK(table_names(s) == std::vector<std::string>{other + ".events"});
    CHECK(s.namespaces == std::vector<std::string>{other});
    CHECK(referenced(s, {other, "events"}, "fk_events_parent") == QualifiedName(other, "events"));
    CHECK(referenced(s, {other, "events"}, "fk_events_user") == QualifiedName("users"));
  }
  SUBCASE("both schemas listed: both qualified; the history table of the default schema only") {
    ReadOptions options;
    options.schemas = {db.name(), other};
    const Schema s = read(db.connection(), options);
    std::vector<std::string> expected{db.name() + ".users", other + ".events",
                                      other + ".migcmd_history"};
    std::sort(expected.begin(), expected.end());
    CHECK(table_names(s) == expected);
    // The default schema is the connection's, not one to create.
    CHECK(s.namespaces == std::vector<std::string>{other});
    CHECK(referenced(s, {other, "events"}, "fk_events_user") == QualifiedName(db.name(), "users"));
  }
  SUBCASE("a schema that does not exist reads as nothing") {
    ReadOptions options;
    options.schemas = {other + "_missing"};
    const Schema s = read(db.connection(), options);
    CHECK(s.tables.empty());
    CHECK(s.namespaces.empty());
  }
}

}  // namespace migcmd::test

namespace migcmd::test {

TEST_CASE("a model in its own schema round-trips through ReadOptions::schemas") {
  PgSchema db;
  const std::string other = PgSchema::unique_name("migcmd_rn");
  Schema model;
  model.namespaces = {other};
  Table a;
  a.name = {other, "a"};
  a.columns = {Column{"id", Type::int32(), false}, Column{"code", Type::string(8)}};
  a.primary_key = PrimaryKey{"pk_a", {"id"}};
  a.indexes = {Index{"ix_a_code", {{"", "lower(code)", true}}, false, "code IS NOT NULL"}};
  Table b;
  b.name = {other, "b"};
  b.columns = {Column{"a_id", Type::int32(), false}};
  b.foreign_keys = {ForeignKey{"fk_b_a",
                               {"a_id"},
                               {other, "a"},
                               {"id"},
                               ReferentialAction::restrict,
                               ReferentialAction::cascade}};
  model.tables = {a, b};
  db.apply(create_operations(model));
  struct Drop {
    PgSchema& db;
    std::string schema;
    ~Drop() {
      try {
        db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (const std::exception&) {
      }
    }
  } drop{db, db.dialect().quote_identifier(other)};

  ReadOptions options;
  options.schemas = {other};
  const Schema live = read(db.connection(), options);
  check_same(model, live);
  CHECK(read(db.connection()).tables.empty());  // nothing in the default schema
}

}  // namespace migcmd::test
