// Query answers into row structs: cells by position, NULL kept where the struct says optional.

#include "sqlserver_reader_rows.hpp"

#include <fmt/format.h>

#include "migcmd/error.hpp"

namespace migcmd::sqlserver {
namespace {

class Cells {
 public:
  explicit Cells(const Row& row) : row_(row) {}
  // A cell that NULL leaves empty (the catalog columns read this way are never NULL).
  std::string text() {
    const auto& cell = row_[next_++];
    return cell ? *cell : std::string();
  }
  std::optional<std::string> optional() { return row_[next_++]; }

 private:
  const Row& row_;
  std::size_t next_ = 0;
};

// The rows of `sql`, each converted by `convert` after the shape has been checked.
template <typename T, typename Convert>
std::vector<T> fetch(Connection& connection, const std::string& sql, std::size_t columns,
                     Convert convert) {
  const QueryResult result = connection.query(sql);
  auto wrong_shape = [&](std::size_t got) {
    return Error(ErrorCode::internal,
                 fmt::format("the schema reader's query returned {} columns where {} were "
                             "expected: {}",
                             got, columns, sql));
  };
  if (!result.columns.empty() && result.columns.size() != columns) {
    throw wrong_shape(result.columns.size());
  }
  std::vector<T> out;
  out.reserve(result.rows.size());
  for (const Row& row : result.rows) {
    if (row.size() != columns) throw wrong_shape(row.size());
    Cells cells(row);
    out.push_back(convert(cells));
  }
  return out;
}

}  // namespace

std::vector<ScopeRow> fetch_scope(Connection& connection, const std::string& sql) {
  return fetch<ScopeRow>(connection, sql, 3, [](Cells& c) {
    ScopeRow r;
    r.default_schema = c.text();
    r.database_collation = c.text();
    r.schema = c.optional();
    return r;
  });
}

std::vector<TableRow> fetch_tables(Connection& connection, const std::string& sql) {
  return fetch<TableRow>(connection, sql, 4, [](Cells& c) {
    TableRow r;
    r.object_id = c.text();
    r.schema = c.text();
    r.name = c.text();
    r.comment = c.optional();
    return r;
  });
}

std::vector<ColumnRow> fetch_columns(Connection& connection, const std::string& sql) {
  return fetch<ColumnRow>(connection, sql, 13, [](Cells& c) {
    ColumnRow r;
    r.object_id = c.text();
    r.name = c.text();
    r.type_name = c.text();
    r.type_schema = c.optional();
    r.max_length = c.text();
    r.precision = c.text();
    r.scale = c.text();
    r.is_nullable = c.text();
    r.is_identity = c.text();
    r.is_computed = c.text();
    r.default_definition = c.optional();
    r.collation = c.optional();
    r.comment = c.optional();
    return r;
  });
}

std::vector<KeyRow> fetch_keys(Connection& connection, const std::string& sql) {
  return fetch<KeyRow>(connection, sql, 4, [](Cells& c) {
    KeyRow r;
    r.object_id = c.text();
    r.name = c.text();
    r.type = c.text();
    r.column = c.text();
    return r;
  });
}

std::vector<IndexRow> fetch_indexes(Connection& connection, const std::string& sql) {
  return fetch<IndexRow>(connection, sql, 9, [](Cells& c) {
    IndexRow r;
    r.object_id = c.text();
    r.index_id = c.text();
    r.name = c.text();
    r.type_desc = c.text();
    r.is_unique = c.text();
    r.filter_definition = c.optional();
    r.column = c.text();
    r.is_descending_key = c.text();
    r.is_included_column = c.text();
    return r;
  });
}

std::vector<ForeignKeyRow> fetch_foreign_keys(Connection& connection, const std::string& sql) {
  return fetch<ForeignKeyRow>(connection, sql, 8, [](Cells& c) {
    ForeignKeyRow r;
    r.object_id = c.text();
    r.name = c.text();
    r.column = c.text();
    r.referenced_schema = c.text();
    r.referenced_table = c.text();
    r.referenced_column = c.text();
    r.delete_action = c.text();
    r.update_action = c.text();
    return r;
  });
}

std::vector<CheckRow> fetch_checks(Connection& connection, const std::string& sql) {
  return fetch<CheckRow>(connection, sql, 3, [](Cells& c) {
    CheckRow r;
    r.object_id = c.text();
    r.name = c.text();
    r.definition = c.text();
    return r;
  });
}

}  // namespace migcmd::sqlserver
