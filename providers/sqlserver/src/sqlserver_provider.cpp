// Everything of the provider but the lock itself (sqlserver_lock.cpp).

#include "sqlserver_provider.hpp"

#include "migcmd/providers/sqlserver.hpp"
#include "sqlserver_lock_sql.hpp"
#include "sqlserver_reader.hpp"

namespace migcmd::sqlserver {

SqlServerProvider::SqlServerProvider() : dialect_(make_dialect()) {}

std::vector<std::string> SqlServerProvider::url_schemes() const {
  return {"sqlserver", "odbc"};
}

std::unique_ptr<Connection> SqlServerProvider::connect(std::string_view url) const {
  return sqlserver::connect(url);
}

std::string SqlServerProvider::session_id(Connection& connection) const {
  const std::string sql = lock_sql::session_id();
  const QueryResult result = connection.query(sql);
  if (result.rows.size() != 1 || result.rows.front().size() != 1 || !result.rows.front()[0]) {
    throw DatabaseError(sql + " returned no session id", sql);
  }
  return *result.rows.front()[0];
}

bool SqlServerProvider::terminate_session(Connection& connection,
                                          const std::string& session_id) const {
  const std::string sql = lock_sql::kill_session(session_id);  // validates the id first
  if (session_id == this->session_id(connection)) {
    throw Error(ErrorCode::usage, "session " + session_id + " is this migcmd's own session",
                "nothing to terminate: this session does not hold the lock");
  }
  try {
    connection.execute(sql);
  } catch (const DatabaseError& e) {
    // 6106: "Process ID n is not an active process ID": already gone.
    if (e.message().find("native error 6106)") != std::string::npos) return false;
    throw;
  }
  return true;
}

std::vector<std::string> SqlServerProvider::statement_lock_timeout_sql(
    std::chrono::milliseconds timeout) const {
  return lock_sql::lock_timeout(timeout);
}

bool SqlServerProvider::is_lock_timeout(const DatabaseError& error) const {
  return lock_sql::is_lock_timeout_message(error.message());
}

Schema SqlServerProvider::read_schema(Connection& connection, const ReadOptions& options) const {
  return sqlserver::read_schema(connection, options);
}

std::shared_ptr<const Provider> make_provider() {
  return std::make_shared<const SqlServerProvider>();
}

}  // namespace migcmd::sqlserver
