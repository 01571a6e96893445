#include "postgres_provider.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"
#include "postgres_reader.hpp"

namespace migcmd::postgres {
namespace {

// The first cell of a one-row result; PostgreSQL prints booleans as "t" and "f".
std::string first_cell(const QueryResult& result, const std::string& sql) {
  if (result.rows.empty() || result.rows.front().empty() || !result.rows.front().front()) {
    throw Error(ErrorCode::internal, fmt::format("{} returned no value", sql));
  }
  return *result.rows.front().front();
}

// pg_terminate_backend takes an integer: anything else in the lock-info row is not a backend pid
// (and must not reach the SQL text).
bool is_backend_pid(const std::string& id) {
  constexpr std::size_t max_digits = 10;  // 2147483647
  if (id.empty() || id.size() > max_digits) return false;
  if (!std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return false;
  }
  return std::stoll(id) <= 2147483647LL;
}

}  // namespace

PostgresProvider::PostgresProvider() : dialect_(make_dialect()) {}

std::vector<std::string> PostgresProvider::url_schemes() const {
  return {"postgres", "postgresql"};
}

std::unique_ptr<Connection> PostgresProvider::connect(std::string_view url) const {
  return postgres::connect(url);
}

std::unique_ptr<MigrationLock> PostgresProvider::acquire_lock(Connection& connection,
                                                              const LockOptions& options) const {
  return acquire_advisory_lock(connection, options);
}

bool PostgresProvider::terminate_session(Connection& connection,
                                         const std::string& session_id) const {
  if (!is_backend_pid(session_id)) {
    throw Error(ErrorCode::usage,
                fmt::format("'{}' is not a PostgreSQL session id (a backend pid)", session_id),
                "the lock-info row records pg_backend_pid() of the holder");
  }
  const std::string sql = fmt::format("SELECT pg_terminate_backend({})", session_id);
  return first_cell(connection.query(sql), sql) == "t";
}

std::string PostgresProvider::session_id(Connection& connection) const {
  const std::string sql = "SELECT pg_backend_pid()";
  return first_cell(connection.query(sql), sql);
}

std::string set_lock_timeout_sql(std::chrono::milliseconds timeout) {
  constexpr std::chrono::milliseconds::rep max_setting = 2147483647;  // an int GUC
  return fmt::format("SET lock_timeout = '{}ms'", std::min(timeout.count(), max_setting));
}

std::vector<std::string> PostgresProvider::statement_lock_timeout_sql(
    std::chrono::milliseconds timeout) const {
  if (timeout.count() <= 0) return {};
  return {set_lock_timeout_sql(timeout)};
}

std::vector<std::string> PostgresProvider::deferred_commit_sql() const {
  // LOCAL: only this transaction; any role may set it.
  return {"SET LOCAL synchronous_commit = off"};
}

bool PostgresProvider::is_lock_timeout(const DatabaseError& error) const {
  return error.sqlstate() == "55P03";  // lock_not_available
}

Schema PostgresProvider::read_schema(Connection& connection, const ReadOptions& options) const {
  return postgres::read_schema(connection, options);
}

// A new schema first on the search path: unqualified names of the replayed migrations land there,
// and the reader's default (current_schema()) reads it back.
std::unique_ptr<ScratchDatabase> PostgresProvider::open_scratch(std::string_view dev_url) const {
  auto connection = connect(dev_url);
  const std::string schema = scratch_name();
  connection->execute(fmt::format("CREATE SCHEMA {}", schema));
  connection->execute(fmt::format("SET search_path TO {}", schema));
  const std::string description =
      fmt::format("schema {} on {}", schema, connection->redacted_url());
  return std::make_unique<DroppingScratchDatabase>(std::move(connection), description,
                                                   fmt::format("DROP SCHEMA {} CASCADE", schema));
}

std::shared_ptr<const Provider> make_provider() {
  return std::make_shared<const PostgresProvider>();
}

}  // namespace migcmd::postgres
