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

// Opens a session; SOCI errors become Error(connection_error) naming the redacted URL.
[[nodiscard]] std::unique_ptr<Connection> open_soci_connection(const soci::backend_factory& backend,
                                                               const std::string& connect_string,
                                                               std::string dialect_name,
                                                               std::string redacted_url,
                                                               DirectExecute direct_execute);

}  // namespace migcmd::detail
