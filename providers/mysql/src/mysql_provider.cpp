// Everything of the provider but the lock itself (mysql_lock.cpp).

#include "mysql_provider.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/checksum.hpp"
#include "migcmd/providers/mysql.hpp"
#include "mysql_reader.hpp"
#include "mysql_text.hpp"

namespace migcmd::mysql {
namespace {

// The largest value lock_wait_timeout accepts (one year); innodb_lock_wait_timeout takes more.
constexpr long long max_wait_seconds = 31'536'000;

// The server's error number, which the connection writes into every message it raises.
bool has_error_number(const DatabaseError& error, int number) {
  return error.message().find(fmt::format("(MySQL error {})", number)) != std::string::npos;
}

bool is_connection_id(std::string_view text) {
  return !text.empty() && text.size() <= 20 &&
         text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string lock_key(std::string_view name) {
  if (name.empty()) {
    throw Error(ErrorCode::usage, "the migration lock needs a name",
                "derive it from the history table's name");
  }
  if (name.size() <= max_lock_name_bytes && utf8_info(name)) return std::string(name);
  return "migcmd_" + sha256_hex(name).substr(0, 32);
}

MySqlProvider::MySqlProvider() : dialect_(make_dialect()) {}

std::vector<std::string> MySqlProvider::url_schemes() const {
  return {"mysql", "mariadb"};
}

std::unique_ptr<Connection> MySqlProvider::connect(std::string_view url) const {
  return mysql::connect(url);
}

std::string MySqlProvider::session_id(Connection& connection) const {
  const QueryResult result = connection.query("SELECT CONNECTION_ID()");
  if (result.rows.size() != 1 || result.rows.front().size() != 1 || !result.rows.front()[0]) {
    throw DatabaseError("SELECT CONNECTION_ID() returned no id", "SELECT CONNECTION_ID()");
  }
  return *result.rows.front()[0];
}

bool MySqlProvider::terminate_session(Connection& connection, const std::string& session_id) const {
  // Only digits reach the statement: the id comes from a lock-info row anyone could have written.
  if (!is_connection_id(session_id)) {
    throw Error(ErrorCode::usage,
                fmt::format("\"{}\" is not a MySQL connection id", printable(session_id)),
                "give the number `migcmd lock status` shows");
  }
  if (session_id == this->session_id(connection)) {
    throw Error(ErrorCode::usage,
                fmt::format("connection {} is this migcmd's own session", session_id),
                "nothing to terminate: this session does not hold the lock");
  }
  try {
    connection.execute("KILL " + session_id);
  } catch (const DatabaseError& e) {
    if (has_error_number(e, 1094)) return false;  // ER_NO_SUCH_THREAD: already gone
    throw;
  }
  return true;
}

std::vector<std::string> MySqlProvider::statement_lock_timeout_sql(
    std::chrono::milliseconds timeout) const {
  if (timeout.count() <= 0) return {};
  const long long seconds =
      std::clamp(static_cast<long long>((timeout.count() + 999) / 1000), 1LL, max_wait_seconds);
  return {fmt::format("SET SESSION lock_wait_timeout = {}", seconds),
          fmt::format("SET SESSION innodb_lock_wait_timeout = {}", seconds)};
}

bool MySqlProvider::is_lock_timeout(const DatabaseError& error) const {
  // Errors raised through SOCI (statements with bound values) carry only the server's text.
  return has_error_number(error, 1205) ||
         error.message().find("Lock wait timeout exceeded") != std::string::npos;
}

Schema MySqlProvider::read_schema(Connection& connection, const ReadOptions& options) const {
  return read_catalog(connection, options);
}

// A new database made the session's default (USE), so DATABASE() and unqualified names point at it.
std::unique_ptr<ScratchDatabase> MySqlProvider::open_scratch(std::string_view dev_url) const {
  auto connection = connect(dev_url);
  const std::string database = scratch_name();
  connection->execute(fmt::format("CREATE DATABASE `{}`", database));
  connection->execute(fmt::format("USE `{}`", database));
  const std::string description =
      fmt::format("database {} on {}", database, connection->redacted_url());
  return std::make_unique<DroppingScratchDatabase>(std::move(connection), description,
                                                   fmt::format("DROP DATABASE `{}`", database));
}

std::shared_ptr<const Provider> make_provider() {
  return std::make_shared<const MySqlProvider>();
}

}  // namespace migcmd::mysql
