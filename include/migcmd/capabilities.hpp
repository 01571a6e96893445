#pragma once
// What a database can do, so that plans are checked before any SQL runs.

namespace migcmd {

struct Capabilities {
  bool transactional_ddl = false;  // DDL can be rolled back (PostgreSQL, SQLite, SQL Server)
  bool schemas = false;            // CREATE SCHEMA / qualified table names
  bool alter_column = false;       // type/nullability change in place (SQLite: rebuild)
  bool alter_constraints = false;  // add/drop constraints on an existing table (SQLite: rebuild)
  bool rename_index = false;
  bool partial_indexes = false;
  bool expression_indexes = false;
  bool descending_indexes = false;
  bool check_constraints = false;
  bool comments = false;
  bool concurrent_index = false;  // CREATE INDEX CONCURRENTLY (PostgreSQL)
  int max_identifier_length = 0;  // 0: no practical limit
};

}  // namespace migcmd
