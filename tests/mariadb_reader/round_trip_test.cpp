// The realistic schemas survive create -> read -> create -> read; a read schema diffs empty
// against itself and its model; the number of catalog queries does not grow with the tables;
// migcmd's own tables, excluded tables and other databases.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "migcmd/diff.hpp"
#include "reader_fixture.hpp"
#include "support/realistic_schemas.hpp"

namespace mariadb_reader_test {
namespace {

std::string describe_operations(const Dialect& dialect, const SchemaDiff& d, const Schema& from) {
  std::string out;
  try {
    for (const auto& c : dialect.generate(d.operations, from)) out += c.sql + ";\n";
  } catch (const std::exception& e) {
    out += fmt::format("({} operations; not rendered: {})", d.operations.size(), e.what());
  }
  return out;
}

TEST_CASE("the realistic schemas round-trip through MariaDB's catalog") {
  const auto schemas = test::realistic_schemas(provider().dialect().capabilities());
  REQUIRE(schemas.size() == 3);
  for (const auto& [name, model] : schemas) {
    SUBCASE(name.c_str()) {
      TestDatabase first;
      first.apply(create_operations(model));
      const Schema read_first = read(first.connection());
      CHECK(read_first.tables.size() == model.tables.size());
      check_same(as_read(model), read_first);

      TestDatabase second;
      second.apply(create_operations(read_first));
      const Schema read_second = read(second.connection());
      check_same(read_first, read_second);

      // A schema diffed against itself is empty, and so is the model against what was read.
      const SchemaDiff self = diff(read_first, read_first);
      INFO("self diff:\n", describe_operations(first.dialect(), self, read_first));
      CHECK(self.empty());
      const SchemaDiff from_model = diff(model, read_first, {.dialect = &first.dialect()});
      INFO("model diff:\n", describe_operations(first.dialect(), from_model, model));
      CHECK(from_model.empty());
      CHECK(from_model.likely_renames.empty());
    }
  }
}

void create_tables(TestDatabase& db, int count) {
  db.execute(
      "CREATE TABLE parent (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, code "
      "VARCHAR(10) NOT NULL UNIQUE)");
  for (int i = 1; i < count; ++i) {
    db.execute(fmt::format(
        "CREATE TABLE child_{0} (id INT NOT NULL PRIMARY KEY, parent_id BIGINT, label VARCHAR(20) "
        "DEFAULT 'x', CONSTRAINT ck_child_{0} CHECK (id > 0), CONSTRAINT fk_child_{0} FOREIGN KEY "
        "(parent_id) REFERENCES parent (id), INDEX ix_child_{0} (label DESC))",
        i));
  }
}

TEST_CASE("reading takes the same number of queries for 2 tables and for 60") {
  TestDatabase small;
  create_tables(small, 2);
  CountingConnection small_counter(small.connection());
  const Schema small_schema = read(small_counter);
  CHECK(small_schema.tables.size() == 2);

  TestDatabase large;
  create_tables(large, 60);
  CountingConnection large_counter(large.connection());
  const Schema large_schema = read(large_counter);
  REQUIRE(large_schema.tables.size() == 60);
  const Table* child = large_schema.find_table("child_59");
  REQUIRE(child != nullptr);
  CHECK(child->foreign_keys.size() == 1);
  CHECK(child->checks.size() == 1);
  CHECK(child->indexes.size() == 1);

  CHECK(small_counter.statements() > 0);
  CHECK(small_counter.statements() == large_counter.statements());
}

TEST_CASE("migcmd's tables and excluded tables are left out; other databases are read qualified") {
  TestDatabase db;
  db.execute("CREATE TABLE migcmd_history (version VARCHAR(50) NOT NULL PRIMARY KEY)");
  db.execute("CREATE TABLE migcmd_history_lock (id INT NOT NULL PRIMARY KEY)");
  db.execute("CREATE TABLE custom_history (id INT NOT NULL PRIMARY KEY)");
  db.execute("CREATE TABLE custom_history_lock (id INT NOT NULL PRIMARY KEY)");
  db.execute("CREATE TABLE flyway_schema_history (id INT NOT NULL PRIMARY KEY)");
  db.execute("CREATE TABLE kept (id INT NOT NULL PRIMARY KEY)");
  db.execute("CREATE VIEW kept_view AS SELECT id FROM kept");

  SUBCASE("defaults: the migcmd_history tables are left out, views are not tables") {
    const Schema s = read(db.connection());
    std::vector<std::string> names;
    for (const auto& t : s.tables) names.push_back(to_string(t.name));
    CHECK(names == std::vector<std::string>{"custom_history", "custom_history_lock",
                                            "flyway_schema_history", "kept"});
  }
  SUBCASE("another history table and an excluded table") {
    ReadOptions options;
    options.history_table = QualifiedName("custom_history");
    options.exclude = {QualifiedName("flyway_schema_history")};
    const Schema s = read(db.connection(), options);
    std::vector<std::string> names;
    for (const auto& t : s.tables) names.push_back(to_string(t.name));
    CHECK(names == std::vector<std::string>{"kept", "migcmd_history", "migcmd_history_lock"});
  }
  SUBCASE("ReadOptions::schemas reads another database, its tables qualified") {
    const std::string other = db.extra_database("other");
    const auto q = [&](const std::string& n) { return db.dialect().quote_identifier(n); };
    db.execute(fmt::format("CREATE DATABASE {} CHARACTER SET utf8mb4", q(other)));
    db.execute(fmt::format("CREATE TABLE {}.owners (id INT NOT NULL PRIMARY KEY)", q(other)));
    db.execute(fmt::format(
        "CREATE TABLE {0}.pets (id INT NOT NULL PRIMARY KEY, owner_id INT NOT NULL, CONSTRAINT "
        "fk_pets_owner FOREIGN KEY (owner_id) REFERENCES {0}.owners (id) ON DELETE CASCADE)",
        q(other)));
    db.execute(
        fmt::format("CREATE TABLE {}.migcmd_history (id INT NOT NULL PRIMARY KEY)", q(other)));
    ReadOptions options;
    options.schemas = {other};
    options.history_table = QualifiedName(other, "migcmd_history");
    const Schema s = read(db.connection(), options);
    CHECK(s.namespaces == std::vector<std::string>{other});
    REQUIRE(s.tables.size() == 2);
    CHECK(s.tables[0].name == QualifiedName(other, "owners"));
    CHECK(s.tables[1].name == QualifiedName(other, "pets"));
    REQUIRE(s.tables[1].foreign_keys.size() == 1);
    CHECK(s.tables[1].foreign_keys[0].referenced_table == QualifiedName(other, "owners"));
    CHECK(s.tables[1].foreign_keys[0].on_delete == ReferentialAction::cascade);
    CHECK(s.tables[1].indexes.empty());  // InnoDB's index for the foreign key is not the model's
  }
  SUBCASE("a database that does not exist reads as nothing, so a diff creates it") {
    ReadOptions options;
    options.schemas = {db.name() + "_missing"};
    const Schema s = read(db.connection(), options);
    CHECK(s.tables.empty());
    CHECK(s.namespaces.empty());
  }
}

}  // namespace
}  // namespace mariadb_reader_test
