// Connections: SOCI's MySQL backend for queries and bound statements, the client library
// directly for plain statements (see DirectExecute).

#include <fmt/format.h>

#include <soci/mysql/soci-mysql.h>
#include <soci/soci.h>

#include "connection/soci_connection.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/mysql.hpp"
#include "migcmd/url.hpp"

namespace migcmd::mysql {
namespace {

// Strict, backtick identifiers, backslash escapes on: what the dialect's SQL assumes. Every
// mode named here exists in MySQL 8 and MariaDB 10.5+.
constexpr const char* session_setup =
    "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone = '+00:00', "
    "explicit_defaults_for_timestamp = ON";

std::string excerpt(const std::string& sql) {
  constexpr std::size_t limit = 200;
  return sql.size() <= limit ? sql : sql.substr(0, limit) + "...";
}

[[noreturn]] void throw_error(MYSQL* conn, const std::string& sql) {
  throw DatabaseError(fmt::format("{} failed: {} (MySQL error {})", excerpt(sql), mysql_error(conn),
                                  mysql_errno(conn)),
                      sql, mysql_sqlstate(conn));
}

// mysql_real_query on the session's handle: the text reaches the server as written (SOCI would
// rewrite ":name" inside it as a placeholder). Every result is consumed so that the connection
// stays usable (CALL returns several).
void execute_directly(soci::session& session, const std::string& sql) {
  auto* backend = static_cast<soci::mysql_session_backend*>(session.get_backend());
  MYSQL* conn = backend->conn_;
  if (mysql_real_query(conn, sql.data(), static_cast<unsigned long>(sql.size())) != 0) {
    throw_error(conn, sql);
  }
  for (;;) {
    if (MYSQL_RES* result = mysql_store_result(conn)) {
      mysql_free_result(result);
    } else if (mysql_field_count(conn) != 0) {
      throw_error(conn, sql);
    }
    const int next = mysql_next_result(conn);
    if (next > 0) throw_error(conn, sql);
    if (next < 0) break;
  }
}

// The first result set as text, exactly as the server sent it (SOCI's rows would read DECIMAL
// as double); any further results are consumed so the connection stays usable.
QueryResult query_directly(soci::session& session, const std::string& sql) {
  auto* backend = static_cast<soci::mysql_session_backend*>(session.get_backend());
  MYSQL* conn = backend->conn_;
  if (mysql_real_query(conn, sql.data(), static_cast<unsigned long>(sql.size())) != 0) {
    throw_error(conn, sql);
  }
  QueryResult out;
  bool first = true;
  for (;;) {
    if (MYSQL_RES* result = mysql_store_result(conn)) {
      if (first) {
        const unsigned columns = mysql_num_fields(result);
        MYSQL_FIELD* fields = mysql_fetch_fields(result);
        for (unsigned c = 0; c < columns; ++c) out.columns.emplace_back(fields[c].name);
        while (MYSQL_ROW values = mysql_fetch_row(result)) {
          unsigned long* lengths = mysql_fetch_lengths(result);
          Row row;
          row.reserve(columns);
          for (unsigned c = 0; c < columns; ++c) {
            if (values[c] == nullptr)
              row.emplace_back(std::nullopt);
            else
              row.emplace_back(std::string(values[c], lengths[c]));
          }
          out.rows.push_back(std::move(row));
        }
        first = false;
      }
      mysql_free_result(result);
    } else if (mysql_field_count(conn) != 0) {
      throw_error(conn, sql);
    }
    const int next = mysql_next_result(conn);
    if (next > 0) throw_error(conn, sql);
    if (next < 0) break;
  }
  return out;
}

// A value of SOCI's MySQL connect string: quoted, with ' and \ escaped by a backslash.
std::string quoted(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string seconds(const std::string& name, const std::string& value, const DatabaseUrl& url) {
  if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos ||
      value.size() > 6 || value == std::string(value.size(), '0')) {
    throw Error(ErrorCode::usage,
                fmt::format("database URL {}: {} must be a positive number of seconds, not \"{}\"",
                            url.redacted(), name, value));
  }
  return value;
}

std::string connect_string(const DatabaseUrl& url) {
  std::string out =
      fmt::format("host={} charset=utf8mb4", quoted(url.host.empty() ? "localhost" : url.host));
  if (url.port) out += fmt::format(" port={}", *url.port);
  if (!url.user.empty()) out += " user=" + quoted(url.user);
  if (!url.password.empty()) out += " password=" + quoted(url.password);
  if (!url.database.empty()) out += " db=" + quoted(url.database);
  bool timeout_given = false;
  for (const auto& [key, value] : url.parameters) {
    if (key == "connect_timeout" || key == "read_timeout" || key == "write_timeout") {
      out += fmt::format(" {}={}", key, seconds(key, value, url));
      timeout_given = timeout_given || key == "connect_timeout";
    } else if (key == "unix_socket" || key == "sslca" || key == "sslcert" || key == "sslkey") {
      out += fmt::format(" {}={}", key, quoted(value));
    } else {
      throw Error(ErrorCode::usage,
                  fmt::format("database URL {}: unknown parameter \"{}\"", url.redacted(), key),
                  "MySQL URLs take connect_timeout, read_timeout, write_timeout, unix_socket, "
                  "sslca, sslcert and sslkey");
    }
  }
  // A server that does not answer fails in seconds, not after the TCP default.
  if (!timeout_given) out += " connect_timeout=10";
  return out;
}

}  // namespace

std::unique_ptr<Connection> connect(std::string_view url) {
  DatabaseUrl parsed = parse_url(url);
  if (parsed.scheme != "mysql" && parsed.scheme != "mariadb") {
    throw Error(ErrorCode::usage, fmt::format("{} is not a MySQL URL", parsed.redacted()),
                "use mysql://user:password@host:port/database (or mariadb://...)");
  }
  auto connection =
      detail::open_soci_connection(*soci::factory_mysql(), connect_string(parsed), "mysql",
                                   parsed.redacted(), execute_directly, query_directly);
  connection->execute(session_setup);
  return connection;
}

}  // namespace migcmd::mysql
