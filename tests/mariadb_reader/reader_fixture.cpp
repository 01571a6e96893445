#include "reader_fixture.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <variant>

#include "migcmd/providers/mysql.hpp"

namespace mariadb_reader_test {
namespace {

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.name < b.name; });
}

std::string describe_default(const std::optional<ColumnDefault>& value) {
  if (!value) return "-";
  if (const auto* e = std::get_if<SqlExpression>(&*value)) return "expr:" + e->sql;
  return "value:" + describe(std::get<Value>(*value));
}

std::string describe_column(const Column& c) {
  return fmt::format("{} {}{}{} default={} collation={} comment={}", c.name, describe(c.type),
                     c.nullable ? "" : " NOT NULL", c.identity ? " IDENTITY" : "",
                     describe_default(c.default_value), c.collation, c.comment);
}

}  // namespace

const Provider& provider() {
  static const auto instance = mysql::make_provider();
  return *instance;
}

Schema read(Connection& connection, const ReadOptions& options) {
  return provider().read_schema(connection, options);
}

void CountingConnection::execute(const std::string& sql, const std::vector<Value>& parameters) {
  ++statements_;
  inner_.execute(sql, parameters);
}

QueryResult CountingConnection::query(const std::string& sql,
                                      const std::vector<Value>& parameters) {
  ++statements_;
  return inner_.query(sql, parameters);
}

Schema as_read(Schema schema) {
  sort_by_name(schema.tables);
  for (auto& t : schema.tables) {
    if (t.primary_key) t.primary_key->name.clear();
    sort_by_name(t.uniques);
    sort_by_name(t.checks);
    sort_by_name(t.foreign_keys);
    sort_by_name(t.indexes);
  }
  return schema;
}

std::string describe_table(const Table& t) {
  std::string out = fmt::format("table {} comment={}\n", to_string(t.name), t.comment);
  for (const auto& c : t.columns) out += "  column " + describe_column(c) + "\n";
  if (t.primary_key) {
    out +=
        fmt::format("  pk {} ({})\n", t.primary_key->name, fmt::join(t.primary_key->columns, ","));
  }
  for (const auto& u : t.uniques)
    out += fmt::format("  unique {} ({})\n", u.name, fmt::join(u.columns, ","));
  for (const auto& c : t.checks) out += fmt::format("  check {} [{}]\n", c.name, c.expression);
  for (const auto& k : t.foreign_keys) {
    out += fmt::format("  fk {} ({}) -> {} ({}) delete={} update={}\n", k.name,
                       fmt::join(k.columns, ","), to_string(k.referenced_table),
                       fmt::join(k.referenced_columns, ","), to_string(k.on_delete),
                       to_string(k.on_update));
  }
  for (const auto& i : t.indexes) {
    std::vector<std::string> parts;
    for (const auto& p : i.parts) {
      parts.push_back((p.is_expression() ? "(" + p.expression + ")" : p.column) +
                      (p.descending ? " DESC" : ""));
    }
    out += fmt::format("  index {}{} ({}) where [{}]\n", i.name, i.unique ? " unique" : "",
                       fmt::join(parts, ","), i.where);
  }
  return out;
}

void check_same(const Schema& expected, const Schema& actual) {
  CHECK(expected.namespaces == actual.namespaces);
  CHECK(expected.tables.size() == actual.tables.size());
  for (const auto& e : expected.tables) {
    INFO("table ", to_string(e.name));
    const Table* a = actual.find_table(e.name);
    REQUIRE(a != nullptr);
    CHECK(e.columns.size() == a->columns.size());
    for (std::size_t i = 0; i < std::min(e.columns.size(), a->columns.size()); ++i) {
      CHECK(describe_column(e.columns[i]) == describe_column(a->columns[i]));
      CHECK(e.columns[i] == a->columns[i]);
    }
    CHECK(describe_table(e) == describe_table(*a));
    CHECK(e == *a);
  }
  CHECK(expected == actual);
}

}  // namespace mariadb_reader_test
