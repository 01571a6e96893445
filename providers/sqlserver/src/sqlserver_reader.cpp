// Provider::read_schema for SQL Server: seven catalog queries, then assemble_schema().

#include "sqlserver_reader.hpp"

namespace migcmd::sqlserver {

Schema read_catalog(Connection& connection, const ReadOptions& options,
                    const CatalogQueries& queries) {
  CatalogRows rows;
  rows.scope = fetch_scope(connection, queries.scope);
  rows.tables = fetch_tables(connection, queries.tables);
  rows.columns = fetch_columns(connection, queries.columns);
  rows.keys = fetch_keys(connection, queries.keys);
  rows.indexes = fetch_indexes(connection, queries.indexes);
  rows.foreign_keys = fetch_foreign_keys(connection, queries.foreign_keys);
  rows.checks = fetch_checks(connection, queries.checks);
  return assemble_schema(rows, options);
}

Schema read_schema(Connection& connection, const ReadOptions& options) {
  return read_catalog(connection, options, catalog_queries(options));
}

}  // namespace migcmd::sqlserver
