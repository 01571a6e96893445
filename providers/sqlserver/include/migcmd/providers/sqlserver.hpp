#pragma once
// The SQL Server provider: the T-SQL dialect and connections through ODBC (Microsoft's "ODBC
// Driver 18 for SQL Server" by default, or any configured data source).

#include <memory>
#include <string>
#include <string_view>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/provider.hpp"

namespace migcmd::sqlserver {

[[nodiscard]] std::unique_ptr<Dialect> make_dialect();

// The ODBC connection string for a URL, and the same with the password replaced by "***" (for
// logs and messages).
struct OdbcConnectionString {
  std::string value;
  std::string redacted;
};

// `url` is one of
//   sqlserver://user:pass@host:port/database?param=value
//       Driver={<driver parameter, default "ODBC Driver 18 for SQL Server">};Server=host,port;
//       Database=database;UID=user;PWD=pass and every other parameter as it is
//       (e.g. ?TrustServerCertificate=yes&Encrypt=no);
//   odbc://DSN or odbc://user:pass@/DSN, with parameters passed through likewise.
// Values holding ";", "=", "{" or "}" are braced. Throws Error(usage), without the password, for
// another scheme, a missing host or DSN, or a parameter that would override one set from the URL.
[[nodiscard]] OdbcConnectionString odbc_connection_string(std::string_view url);

// Opens an ODBC connection for `url` (see odbc_connection_string). Statements without parameters
// run through SQLExecDirect as written: SOCI's ODBC backend would rewrite ":name" inside them.
[[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url);

// The provider for sqlserver:// and odbc:// URLs: connect() above, a dialect of its own, and
// - the migration lock: sp_getapplock in Exclusive mode, owned by the session (released by
//   sp_releaseapplock or when the session ends) or by the caller's transaction
//   (LockScope::transaction, released by its COMMIT or ROLLBACK). Names longer than 255
//   characters, or holding NUL or a backslash before a line break, become "migcmd_" + 32 hex
//   digits of their SHA-256;
// - session ids: @@SPID, ended with KILL;
// - statement lock timeouts: SET LOCK_TIMEOUT <ms>, recognised by error 1222.
[[nodiscard]] std::shared_ptr<const Provider> make_provider();

}  // namespace migcmd::sqlserver
