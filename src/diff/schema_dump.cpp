#include "migcmd/schema_dump.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/diff.hpp"

namespace migcmd {
namespace {

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const T& a, const T& b) { return a.name < b.name; });
}

}  // namespace

Schema sorted_schema(Schema schema) {
  std::sort(schema.namespaces.begin(), schema.namespaces.end());
  std::stable_sort(schema.tables.begin(), schema.tables.end(), [](const Table& a, const Table& b) {
    return std::tie(a.name.schema, a.name.name) < std::tie(b.name.schema, b.name.name);
  });
  for (auto& table : schema.tables) {
    sort_by_name(table.uniques);
    sort_by_name(table.checks);
    sort_by_name(table.foreign_keys);
    sort_by_name(table.indexes);
    sort_by_name(table.triggers);
  }
  return schema;
}

std::string dump_schema(const Schema& schema, const Dialect& dialect) {
  std::string out = fmt::format("-- Schema dumped by migcmd ({}). Do not edit: regenerate it.\n\n",
                                dialect.name());
  const Schema sorted = sorted_schema(schema);
  OperationList ops;
  if (dialect.capabilities().alter_constraints) {
    ops = create_operations(sorted);
  } else {
    // Foreign keys cannot be added later (SQLite would rebuild each table); SQLite accepts a
    // reference to a table created after, so each table is created whole.
    for (const auto& name : sorted.namespaces) ops.push_back(EnsureSchema{name});
    for (const auto& table : sorted.tables) ops.push_back(CreateTable{table});
  }
  for (const auto& command : dialect.generate(ops)) {
    if (!command.fail_if_rows.empty()) continue;  // a guard query, not part of the schema
    std::string sql = command.sql;
    while (!sql.empty() && (sql.back() == ';' || sql.back() == '\n' || sql.back() == ' ')) {
      sql.pop_back();
    }
    out += sql + ";\n\n";
  }
  return out;
}

}  // namespace migcmd
