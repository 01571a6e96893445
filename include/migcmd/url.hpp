#pragma once
// Connection URLs in the forms users already know: sqlite:path/to.db, postgres://user:pass@host:
// port/db?param=value, mysql://..., sqlserver://..., odbc://DSN. Passwords never leave through
// redact().

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace migcmd {

struct DatabaseUrl {
  std::string scheme;  // "sqlite", "postgres" (also "postgresql"), "mysql", "mariadb"...
  std::string user;
  std::string password;
  std::string host;
  std::optional<int> port;
  std::string database;  // path for sqlite, database name for servers, DSN for odbc
  std::map<std::string, std::string> parameters;

  // The URL as given, with the password replaced by "***".
  [[nodiscard]] std::string redacted() const;
};

// Throws Error(usage) with the redacted URL when it cannot be parsed.
[[nodiscard]] DatabaseUrl parse_url(std::string_view url);

// `url` with any password replaced by "***"; safe on malformed input.
[[nodiscard]] std::string redact_url(std::string_view url);

}  // namespace migcmd
