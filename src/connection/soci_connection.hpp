#pragma once
// migcmd::Connection over a SOCI session (internal: providers create it with their backend).

#include <functional>
#include <memory>
#include <string>

#include "migcmd/connection.hpp"

namespace soci {
class backend_factory;
class session;
}  // namespace soci

namespace migcmd::detail {

// Runs one statement without parameters through the backend's native API. SOCI's PostgreSQL,
// MySQL and ODBC backends rewrite ":name" in statement text as placeholders, even inside dollar
// quotes and quoted identifiers, so migration SQL must not go through that path. The function
// throws DatabaseError (with the SQLSTATE where the driver gives one).
using DirectExecute = std::function<void(soci::session&, const std::string& sql)>;

// Runs one query without parameters through the backend's native API and returns every cell as
// the database's own text. SOCI's dynamic rows convert cells by declared type and lose data
// (SQLite INTEGER read as 32-bit int, NUMERIC/DECIMAL read as double), which a migration tool
// reading versions, checksums and catalog values cannot afford. Optional: without it, queries
// go through SOCI.
using DirectQuery = std::function<QueryResult(soci::session&, const std::string& sql)>;

// Runs a query with parameters (:p0, :p1...) through the native API, for a backend whose SOCI rows
// lose data even then (SQLite reads an INTEGER column through a 32-bit int). Optional.
using DirectBoundQuery = std::function<QueryResult(soci::session&, const std::string& sql,
                                                   const std::vector<Value>& parameters)>;

// `message` with the connect string and every password=... / PWD={...} value masked.
[[nodiscard]] std::string scrub_secrets(std::string message, const std::string& connect_string);

// Opens a session; SOCI errors become Error(connection_error) naming the redacted URL.
[[nodiscard]] std::unique_ptr<Connection> open_soci_connection(
    const soci::backend_factory& backend, const std::string& connect_string,
    std::string dialect_name, std::string redacted_url, DirectExecute direct_execute,
    DirectQuery direct_query = {}, DirectBoundQuery direct_bound_query = {});

}  // namespace migcmd::detail
