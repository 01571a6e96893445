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
    throw DatabaseError(
        fmt::format("{} failed: {}", sql.size() > 200 ? sql.substr(0, 200) + "..." : sql, text),
        sql, fmt::format("{}", sqlite3_extended_errcode(backend->conn_)));
  }
}

// sqlite3_prepare/bind/step with sqlite3_column_text: every cell exactly as SQLite holds it
// (SOCI's rows read an INTEGER column through a 32-bit int). Parameters are bound by name
// (:p0, :p1...), or by position when the statement names none.
QueryResult query_natively(soci::session& session, const std::string& sql,
                           const std::vector<Value>& parameters) {
  using namespace sqlite_api;
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  sqlite3_stmt* stmt = nullptr;
  auto fail = [&](int rc) {
    std::string text = sqlite3_errmsg(backend->conn_);
    sqlite3_finalize(stmt);
    throw DatabaseError(
        fmt::format("{} failed: {}", sql.size() > 200 ? sql.substr(0, 200) + "..." : sql, text),
        sql, fmt::format("{}", rc));
  };
  int rc =
      sqlite3_prepare_v2(backend->conn_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) fail(rc);
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    int index = sqlite3_bind_parameter_index(stmt, fmt::format(":p{}", i).c_str());
    if (index == 0) index = static_cast<int>(i) + 1;
    const Value& v = parameters[i];
    if (v.is_null()) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (v.holds<bool>()) {
      rc = sqlite3_bind_int64(stmt, index, v.get<bool>() ? 1 : 0);
    } else if (v.holds<std::int64_t>()) {
      rc = sqlite3_bind_int64(stmt, index, v.get<std::int64_t>());
    } else if (v.holds<double>()) {
      rc = sqlite3_bind_double(stmt, index, v.get<double>());
    } else if (v.holds<std::string>()) {
      const auto& text = v.get<std::string>();
      rc = sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()),
                             SQLITE_TRANSIENT);
    } else {
      const auto& bytes = v.get<Bytes>();
      rc = sqlite3_bind_blob(stmt, index, bytes.data(), static_cast<int>(bytes.size()),
                             SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) fail(rc);
  }
  QueryResult result;
  const int columns = sqlite3_column_count(stmt);
  for (int i = 0; i < columns; ++i) result.columns.emplace_back(sqlite3_column_name(stmt, i));
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    Row row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i) {
      if (sqlite3_column_type(stmt, i) == SQLITE_NULL) {
        row.emplace_back(std::nullopt);
      } else {
        const auto* text = sqlite3_column_text(stmt, i);
        row.emplace_back(std::string(reinterpret_cast<const char*>(text),
                                     static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
      }
    }
    result.rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) fail(rc);
  sqlite3_finalize(stmt);
  return result;
}

QueryResult query_directly(soci::session& session, const std::string& sql) {
  return query_natively(session, sql, {});
}

}  // namespace

std::unique_ptr<Connection> connect(std::string_view url) {
  std::string path(url);
  if (url.starts_with("sqlite:") || url.starts_with("sqlite3:")) path = parse_url(url).database;
  // SOCI splits its connect string on spaces; quoting keeps paths with spaces whole.
  std::string connect_string = fmt::format("db=\"{}\" timeout=5", path);
  auto connection = detail::open_soci_connection(*soci::factory_sqlite3(), connect_string, "sqlite",
                                                 "sqlite:" + path, execute_directly, query_directly,
                                                 query_natively);
  connection->execute("PRAGMA foreign_keys = ON");
  return connection;
}

}  // namespace migcmd::sqlite
