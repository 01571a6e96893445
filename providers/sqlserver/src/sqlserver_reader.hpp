#pragma once
// The SQL Server schema reader (internal): the catalog queries (sqlserver_reader_queries.hpp) run
// through Connection::query (sqlserver_reader_rows.hpp), and the rows assembled into the model
// by a pure function, tested on rows recorded as SQL Server returns them.

#include "migcmd/connection.hpp"
#include "migcmd/schema.hpp"
#include "migcmd/schema_reader.hpp"
#include "sqlserver_reader_queries.hpp"
#include "sqlserver_reader_rows.hpp"

namespace migcmd::sqlserver {

// The schema the rows describe. Tables of a listed schema carry its name, those of the default
// schema (when none is listed) an empty one; the history table, its "_lock" companion and
// ReadOptions::exclude are left out. Tables are sorted by schema and name, their unique, check
// and foreign key constraints and indexes by name; columns and key columns keep the catalog's
// order.
//
// What the model cannot hold is left out or flattened: computed columns read as plain columns of
// their type (without the expression), included columns of an index are dropped, XML, spatial
// and columnstore indexes are skipped, and CLUSTERED/NONCLUSTERED, identity seeds and
// increments, and default constraint names are not kept. Constraints the server named keep the
// generated name.
[[nodiscard]] Schema assemble_schema(const CatalogRows& rows, const ReadOptions& options);

// Runs `queries` (one each) and assembles their rows.
[[nodiscard]] Schema read_catalog(Connection& connection, const ReadOptions& options,
                                  const CatalogQueries& queries);

// read_catalog() with catalog_queries(options).
[[nodiscard]] Schema read_schema(Connection& connection, const ReadOptions& options);

}  // namespace migcmd::sqlserver
