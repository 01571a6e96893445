#include "postgres_reader/reader_support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

#include "migcmd/diff.hpp"
#include "migcmd/providers/postgres.hpp"
#include "migcmd/schema_json.hpp"

namespace migcmd::test {
namespace {

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.name < b.name; });
}

std::string table_json(const Table& table) {
  Schema one;
  one.tables = {table};
  return to_json(one);
}

}  // namespace

Schema read(Connection& connection, const ReadOptions& options) {
  return postgres::make_provider()->read_schema(connection, options);
}

Schema sorted(Schema schema) {
  sort_by_name(schema.tables);
  for (auto& t : schema.tables) {
    sort_by_name(t.uniques);
    sort_by_name(t.checks);
    sort_by_name(t.foreign_keys);
    sort_by_name(t.indexes);
  }
  return schema;
}

Schema catalog_form(Schema schema) {
  for (auto& t : schema.tables) {
    for (auto& c : t.checks) {
      if (c.expression == "score BETWEEN 1 AND 5") c.expression = "score >= 1 AND score <= 5";
    }
  }
  return schema;
}

void check_same(const Schema& expected_schema, const Schema& actual_schema) {
  const Schema expected = sorted(expected_schema), actual = sorted(actual_schema);
  CHECK(expected.namespaces == actual.namespaces);
  REQUIRE(expected.tables.size() == actual.tables.size());
  for (std::size_t i = 0; i < expected.tables.size(); ++i) {
    const Table &e = expected.tables[i], &a = actual.tables[i];
    INFO("table ", to_string(e.name), "\nexpected: ", table_json(e), "\nread:     ", table_json(a));
    CHECK(e.name == a.name);
    CHECK(e.columns == a.columns);
    CHECK(e.primary_key == a.primary_key);
    CHECK(e.uniques == a.uniques);
    CHECK(e.checks == a.checks);
    CHECK(e.foreign_keys == a.foreign_keys);
    CHECK(e.indexes == a.indexes);
    CHECK(e.comment == a.comment);
  }
  CHECK(expected == actual);
}

std::string diff_sql(const Schema& from, const Schema& to, bool with_dialect) {
  const auto dialect = postgres::make_dialect();
  DiffOptions options;
  if (with_dialect) options.dialect = dialect.get();
  const SchemaDiff d = diff(from, to, options);
  std::string out;
  for (const auto& command : dialect->generate(d.operations, from)) out += command.sql + ";\n";
  return out;
}

}  // namespace migcmd::test
