// The migration lock: an exclusive application lock (sp_getapplock), held by the session until
// sp_releaseapplock or the session's end, or by the transaction until it ends.

#include <fmt/format.h>

#include <charconv>
#include <memory>
#include <optional>
#include <string>

#include "sqlserver_lock_sql.hpp"
#include "sqlserver_provider.hpp"

namespace migcmd::sqlserver {
namespace {

// sp_getapplock's return code from the one cell the statement selects.
int applock_result(Connection& connection, const std::string& sql) {
  const QueryResult result = connection.query(sql);
  if (result.rows.size() == 1 && result.rows.front().size() == 1 && result.rows.front()[0]) {
    const std::string& text = *result.rows.front()[0];
    int code = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
    if (ec == std::errc() && end == text.data() + text.size()) return code;
  }
  throw DatabaseError("sp_getapplock gave no return code", sql);
}

class SqlServerLock final : public MigrationLock {
 public:
  // `release_sql` empty: the transaction owns the lock, and its end releases it.
  SqlServerLock(Connection& connection, std::string release_sql)
      : connection_(connection), release_sql_(std::move(release_sql)) {}

  ~SqlServerLock() override {
    // A destructor may run while an exception unwinds, or after the session was killed: the
    // server frees the lock with the session anyway.
    try {
      release();
    } catch (...) {
    }
  }

  SqlServerLock(const SqlServerLock&) = delete;
  SqlServerLock& operator=(const SqlServerLock&) = delete;

  void release() override {
    if (released_) return;
    released_ = true;  // whatever happens below, a second release must not try again
    // SQL Server raises error 1223 when the session no longer holds the lock.
    if (!release_sql_.empty()) connection_.execute(release_sql_);
  }

 private:
  Connection& connection_;
  std::string release_sql_;
  bool released_ = false;
};

}  // namespace

std::unique_ptr<MigrationLock> SqlServerProvider::acquire_lock(Connection& connection,
                                                               const LockOptions& options) const {
  const std::string resource = lock_sql::resource(options.name);
  const std::string sql = lock_sql::get_applock(resource, options.scope, options.timeout);
  const int code = applock_result(connection, sql);
  const std::string shown = resource == options.name
                                ? options.name
                                : fmt::format("{} (resource {})", options.name, resource);
  if (code >= 0) {
    return std::make_unique<SqlServerLock>(connection, options.scope == LockScope::session
                                                           ? lock_sql::release_applock(resource)
                                                           : std::string());
  }
  if (code == -1) {
    throw Error(ErrorCode::lock_timeout,
                fmt::format("timed out after {} ms waiting for the migration lock {}",
                            std::max(options.timeout.count(), 0L), shown),
                "another migcmd holds it; see `migcmd lock status`");
  }
  throw Error(ErrorCode::database_error,
              fmt::format("sp_getapplock returned {} for the migration lock {}: {}", code, shown,
                          lock_sql::describe_applock_result(code)),
              code == -3 ? "another session waited for a lock this one holds; run again"
                         : "check the lock name and the session's permissions");
}

}  // namespace migcmd::sqlserver
