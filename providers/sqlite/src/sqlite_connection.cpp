#include <fmt/format.h>

#include <soci/soci.h>
// SOCI declares the SQLite C API inside namespace sqlite_api; <sqlite3.h> must not come first.
#include <soci/sqlite3/soci-sqlite3.h>

#include "connection/soci_connection.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/sqlite.hpp"
#include "migcmd/url.hpp"

namespace migcmd::sqlite {
namespace {

// sqlite3_exec on the session's handle: no placeholder rewriting, and the extended result code.
void execute_directly(soci::session& session, const std::string& sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  using namespace sqlite_api;
  char* message = nullptr;
  int rc = sqlite3_exec(backend->conn_, sql.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw DatabaseError(fmt::format("{} failed: {}", sql.size() > 200 ? sql.substr(0, 200) + "..." : sql, text),
                        sql, fmt::format("{}", sqlite3_extended_errcode(backend->conn_)));
  }
}

}  // namespace

std::unique_ptr<Connection> connect(std::string_view url) {
  std::string path(url);
  if (url.starts_with("sqlite:") || url.starts_with("sqlite3:")) path = parse_url(url).database;
  // SOCI splits its connect string on spaces; quoting keeps paths with spaces whole.
  std::string connect_string = fmt::format("db=\"{}\" timeout=5", path);
  auto connection = detail::open_soci_connection(*soci::factory_sqlite3(), connect_string, "sqlite",
                                                 "sqlite:" + path, execute_directly);
  connection->execute("PRAGMA foreign_keys = ON");
  return connection;
}

}  // namespace migcmd::sqlite
