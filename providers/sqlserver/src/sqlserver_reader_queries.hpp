#pragma once
// The SQL Server reader's catalog queries (internal): one per kind of object, each over every
// table of the selected schemas at once, so reading costs seven queries whatever the number of
// tables. The texts are constants; "{schemas}" in them stands for the selected schemas
// (SCHEMA_NAME() when ReadOptions::schemas is empty). Their columns are, in order, the fields of
// the matching row struct (sqlserver_reader_rows.hpp).

#include <string>
#include <string_view>

#include "migcmd/schema_reader.hpp"

namespace migcmd::sqlserver {

// The tables read: user tables of the selected schemas, without the history tables of
// system-versioned (temporal) tables, which SQL Server creates and maintains itself.
inline constexpr std::string_view selected_tables =
    "WITH t AS (\n"
    "  SELECT tb.object_id, s.name AS schema_name, tb.name\n"
    "  FROM sys.tables AS tb\n"
    "  JOIN sys.schemas AS s ON s.schema_id = tb.schema_id\n"
    "  WHERE tb.is_ms_shipped = 0 AND tb.temporal_type <> 1 AND s.name IN ({schemas})\n"
    ")\n";

// ScopeRow: the default schema, the database collation (columns with another one carry it), and
// which of the listed schemas exist.
inline constexpr std::string_view scope_query =
    "SELECT SCHEMA_NAME(),\n"
    "  CONVERT(nvarchar(128), DATABASEPROPERTYEX(DB_NAME(), 'Collation')),\n"
    "  s.name\n"
    "FROM (SELECT 1 AS one) AS o\n"
    "LEFT JOIN sys.schemas AS s ON s.name IN ({schemas})";

// TableRow (after selected_tables).
inline constexpr std::string_view tables_query =
    "SELECT t.object_id, t.schema_name, t.name, CONVERT(nvarchar(max), ep.value)\n"
    "FROM t\n"
    "LEFT JOIN sys.extended_properties AS ep ON ep.class = 1 AND ep.major_id = t.object_id\n"
    "  AND ep.minor_id = 0 AND ep.name = N'MS_Description'\n"
    "ORDER BY t.object_id";

// ColumnRow (after selected_tables).
inline constexpr std::string_view columns_query =
    "SELECT c.object_id, c.name, ty.name,\n"
    "  CASE WHEN ty.is_user_defined = 1 THEN SCHEMA_NAME(ty.schema_id) END,\n"
    "  c.max_length, c.[precision], c.scale, c.is_nullable, c.is_identity, c.is_computed,\n"
    "  dc.definition, c.collation_name, CONVERT(nvarchar(max), ep.value)\n"
    "FROM sys.columns AS c\n"
    "JOIN t ON t.object_id = c.object_id\n"
    "JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id\n"
    "LEFT JOIN sys.default_constraints AS dc ON dc.parent_object_id = c.object_id\n"
    "  AND dc.parent_column_id = c.column_id\n"
    "LEFT JOIN sys.extended_properties AS ep ON ep.class = 1 AND ep.major_id = c.object_id\n"
    "  AND ep.minor_id = c.column_id AND ep.name = N'MS_Description'\n"
    "ORDER BY c.object_id, c.column_id";

// KeyRow (after selected_tables): primary keys and unique constraints.
inline constexpr std::string_view keys_query =
    "SELECT kc.parent_object_id, kc.name, kc.type, c.name\n"
    "FROM sys.key_constraints AS kc\n"
    "JOIN t ON t.object_id = kc.parent_object_id\n"
    "JOIN sys.index_columns AS ic ON ic.object_id = kc.parent_object_id\n"
    "  AND ic.index_id = kc.unique_index_id\n"
    "JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id\n"
    "WHERE ic.key_ordinal > 0\n"
    "ORDER BY kc.parent_object_id, kc.object_id, ic.key_ordinal";

// IndexRow (after selected_tables): indexes that back no primary key or unique constraint.
inline constexpr std::string_view indexes_query =
    "SELECT i.object_id, i.index_id, i.name, i.type_desc, i.is_unique, i.filter_definition,\n"
    "  c.name, ic.is_descending_key, ic.is_included_column\n"
    "FROM sys.indexes AS i\n"
    "JOIN t ON t.object_id = i.object_id\n"
    "JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id\n"
    "JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id\n"
    "WHERE i.type > 0 AND i.is_primary_key = 0 AND i.is_unique_constraint = 0\n"
    "  AND i.is_hypothetical = 0\n"
    "ORDER BY i.object_id, i.index_id, ic.is_included_column, ic.key_ordinal, "
    "ic.index_column_id";

// ForeignKeyRow (after selected_tables).
inline constexpr std::string_view foreign_keys_query =
    "SELECT fk.parent_object_id, fk.name, pc.name, rs.name, rt.name, rc.name,\n"
    "  fk.delete_referential_action_desc, fk.update_referential_action_desc\n"
    "FROM sys.foreign_keys AS fk\n"
    "JOIN t ON t.object_id = fk.parent_object_id\n"
    "JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id\n"
    "JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id\n"
    "  AND pc.column_id = fkc.parent_column_id\n"
    "JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id\n"
    "  AND rc.column_id = fkc.referenced_column_id\n"
    "JOIN sys.tables AS rt ON rt.object_id = fk.referenced_object_id\n"
    "JOIN sys.schemas AS rs ON rs.schema_id = rt.schema_id\n"
    "ORDER BY fk.parent_object_id, fk.object_id, fkc.constraint_column_id";

// CheckRow (after selected_tables).
inline constexpr std::string_view checks_query =
    "SELECT cc.parent_object_id, cc.name, cc.definition\n"
    "FROM sys.check_constraints AS cc\n"
    "JOIN t ON t.object_id = cc.parent_object_id\n"
    "ORDER BY cc.parent_object_id, cc.object_id";

// The queries as they run for one ReadOptions.
struct CatalogQueries {
  std::string scope;
  std::string tables;
  std::string columns;
  std::string keys;
  std::string indexes;
  std::string foreign_keys;
  std::string checks;
};

// "N'dbo', N'sales'" for the listed schemas, or "SCHEMA_NAME()" when none is listed.
[[nodiscard]] std::string schema_list_sql(const ReadOptions& options);

[[nodiscard]] CatalogQueries catalog_queries(const ReadOptions& options);

}  // namespace migcmd::sqlserver
