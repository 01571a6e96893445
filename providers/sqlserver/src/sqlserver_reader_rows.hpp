#pragma once
// The rows of the SQL Server reader's catalog queries (internal), one struct per query, holding
// the cells as the driver returns them: text, with std::nullopt for NULL where NULL means
// something. object_id ties the rows of one table together. fetch_*() run one query through
// Connection::query and check the shape of its answer.

#include <optional>
#include <string>
#include <vector>

#include "migcmd/connection.hpp"

namespace migcmd::sqlserver {

// SCHEMA_NAME(), the database's collation, and each listed schema that exists (one row, with a
// NULL schema, when none does).
struct ScopeRow {
  std::string default_schema;
  std::string database_collation;
  std::optional<std::string> schema;
};

struct TableRow {
  std::string object_id;
  std::string schema;
  std::string name;
  std::optional<std::string> comment;  // MS_Description
};

// One per column, in column_id order.
struct ColumnRow {
  std::string object_id;
  std::string name;
  std::string type_name;                   // sys.types.name
  std::optional<std::string> type_schema;  // set for user-defined types only
  std::string max_length;                  // bytes; -1 for (max)
  std::string precision;
  std::string scale;
  std::string is_nullable;  // "1" / "0"
  std::string is_identity;
  std::string is_computed;
  std::optional<std::string> default_definition;  // sys.default_constraints.definition
  std::optional<std::string> collation;           // NULL for non-character types
  std::optional<std::string> comment;
};

// One per key column of a primary key or unique constraint, in key order.
struct KeyRow {
  std::string object_id;
  std::string name;
  std::string type;  // "PK" or "UQ"
  std::string column;
};

// One per column of an index that backs no constraint, key columns in key order first.
struct IndexRow {
  std::string object_id;
  std::string index_id;
  std::string name;
  std::string type_desc;  // CLUSTERED, NONCLUSTERED, XML, SPATIAL, CLUSTERED COLUMNSTORE...
  std::string is_unique;
  std::optional<std::string> filter_definition;
  std::string column;
  std::string is_descending_key;
  std::string is_included_column;
};

// One per column pair of a foreign key, in order.
struct ForeignKeyRow {
  std::string object_id;
  std::string name;
  std::string column;
  std::string referenced_schema;
  std::string referenced_table;
  std::string referenced_column;
  std::string delete_action;  // NO_ACTION, CASCADE, SET_NULL, SET_DEFAULT
  std::string update_action;
};

struct CheckRow {
  std::string object_id;
  std::string name;
  std::string definition;
};

// Everything the queries returned.
struct CatalogRows {
  std::vector<ScopeRow> scope;
  std::vector<TableRow> tables;
  std::vector<ColumnRow> columns;
  std::vector<KeyRow> keys;
  std::vector<IndexRow> indexes;
  std::vector<ForeignKeyRow> foreign_keys;
  std::vector<CheckRow> checks;
};

// Each runs `sql` and converts its rows; throws Error(internal) naming the query when the answer
// has another number of columns than the struct has fields.
[[nodiscard]] std::vector<ScopeRow> fetch_scope(Connection& connection, const std::string& sql);
[[nodiscard]] std::vector<TableRow> fetch_tables(Connection& connection, const std::string& sql);
[[nodiscard]] std::vector<ColumnRow> fetch_columns(Connection& connection, const std::string& sql);
[[nodiscard]] std::vector<KeyRow> fetch_keys(Connection& connection, const std::string& sql);
[[nodiscard]] std::vector<IndexRow> fetch_indexes(Connection& connection, const std::string& sql);
[[nodiscard]] std::vector<ForeignKeyRow> fetch_foreign_keys(Connection& connection,
                                                            const std::string& sql);
[[nodiscard]] std::vector<CheckRow> fetch_checks(Connection& connection, const std::string& sql);

}  // namespace migcmd::sqlserver
