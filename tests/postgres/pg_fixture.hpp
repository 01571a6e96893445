#pragma once
// What the PostgreSQL integration tests share: a connection to the test server (the test fails,
// naming tools/dev/dbs.sh, when it cannot connect) and a schema of its own per test case.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/error.hpp"
#include "migcmd/operations.hpp"
#include "migcmd/schema.hpp"

namespace migcmd::test {

// MIGCMD_TEST_POSTGRES_URL, or the server tools/dev/dbs.sh starts.
[[nodiscard]] std::string postgres_url();

// A connection to the test server; FAILs the test case when there is none.
[[nodiscard]] std::unique_ptr<Connection> connect_or_fail(const std::string& url = postgres_url());

// A column as pg_catalog describes it.
struct ColumnInfo {
  std::string type;         // format_type(): "character varying(100)", "timestamp with time zone"
  bool not_null = false;    // attnotnull
  std::string default_sql;  // pg_get_expr() of the default, empty when none
  std::string identity;     // attidentity: "d" (BY DEFAULT), "a" (ALWAYS) or empty
  std::string comment;      // col_description(), empty when none
};

// A freshly created schema with a unique name, first on the connection's search_path, dropped
// with everything in it at the end. Unqualified names in operations land in it.
class PgSchema {
 public:
  PgSchema();
  ~PgSchema();
  PgSchema(const PgSchema&) = delete;
  PgSchema& operator=(const PgSchema&) = delete;

  [[nodiscard]] Connection& connection() { return *connection_; }
  [[nodiscard]] const Dialect& dialect() const { return *dialect_; }
  [[nodiscard]] const std::string& name() const { return name_; }

  // Renders `ops` against `before` and runs them as one unit with run_commands.
  void apply(const OperationList& ops, const Schema& before = {});
  // Runs one statement (through the provider's direct path).
  void execute(const std::string& sql);
  // The first cell of the first row (std::nullopt for SQL NULL); FAILs when there is no row.
  [[nodiscard]] std::optional<std::string> value(const std::string& sql);
  [[nodiscard]] std::vector<Row> rows(const std::string& sql);
  // A string literal of `text`, for building catalog queries.
  [[nodiscard]] std::string lit(const std::string& text) const;
  // '"schema"."table"'::regclass, resolved on the search_path when the schema is empty.
  [[nodiscard]] std::string regclass(const QualifiedName& table) const;
  // The column's catalog entry; FAILs when the column does not exist.
  [[nodiscard]] ColumnInfo column(const QualifiedName& table, const std::string& column);
  // Whether a table, index or other relation of that name exists.
  [[nodiscard]] bool relation_exists(const QualifiedName& name);
  // SELECT count(*) of a query's rows.
  [[nodiscard]] long count(const std::string& from_where);

  // A unique name with this prefix (for extra schemas and roles); dropped by the caller.
  [[nodiscard]] static std::string unique_name(const std::string& prefix);

 private:
  std::unique_ptr<Connection> connection_;
  std::unique_ptr<Dialect> dialect_;
  std::string name_;
};

// The SQLSTATE of the DatabaseError `f` throws, or "none" when it throws nothing.
template <typename F>
[[nodiscard]] std::string sqlstate_of(F&& f) {
  try {
    f();
  } catch (const DatabaseError& e) {
    return e.sqlstate().empty() ? "(no sqlstate) " + std::string(e.what()) : e.sqlstate();
  }
  return "none";
}

}  // namespace migcmd::test
