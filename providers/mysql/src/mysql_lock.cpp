// The migration lock: GET_LOCK, a named lock the server holds for the session until
// RELEASE_LOCK or until the session ends (so a runner that dies frees it).

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "mysql_provider.hpp"

namespace migcmd::mysql {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The only cell of a one-row, one-column answer (NULL as std::nullopt).
std::optional<std::string> single_value(Connection& connection, const std::string& sql) {
  QueryResult result = connection.query(sql);
  if (result.rows.size() != 1 || result.rows.front().size() != 1) {
    throw DatabaseError(
        fmt::format("{} returned {} rows instead of one value", sql, result.rows.size()), sql);
  }
  return result.rows.front()[0];
}

// One GET_LOCK call: true when the lock was taken, false when `seconds` passed first.
bool get_lock(Connection& connection, const std::string& name_literal, int seconds) {
  const std::string sql = fmt::format("SELECT GET_LOCK({}, {})", name_literal, seconds);
  const std::optional<std::string> answer = single_value(connection, sql);
  if (!answer) {
    throw DatabaseError(fmt::format("{} returned NULL: the server could not take the lock", sql),
                        sql);
  }
  return *answer == "1";
}

class MySqlLock final : public MigrationLock {
 public:
  MySqlLock(Connection& connection, std::string key, std::string name_literal)
      : connection_(connection), key_(std::move(key)), name_literal_(std::move(name_literal)) {}

  ~MySqlLock() override {
    // A destructor may run while an exception unwinds, or after the session was killed: the
    // server frees the lock with the session anyway.
    try {
      release();
    } catch (...) {
    }
  }

  MySqlLock(const MySqlLock&) = delete;
  MySqlLock& operator=(const MySqlLock&) = delete;

  void release() override {
    if (released_) return;
    released_ = true;  // whatever happens below, a second release must not try again
    const std::string sql = fmt::format("SELECT RELEASE_LOCK({})", name_literal_);
    // 1: released; 0: another session holds it; NULL: nobody does. Either of the last two means
    // this session lost it while it ran, which the caller must hear about.
    if (single_value(connection_, sql) != "1") {
      throw Error(ErrorCode::database_error,
                  fmt::format("the migration lock {} was no longer held by this session", key_),
                  "its session may have been terminated (`migcmd lock release --force`) while "
                  "migrations ran; check the history with `migcmd status`");
    }
  }

 private:
  Connection& connection_;
  std::string key_;
  std::string name_literal_;
  bool released_ = false;
};

}  // namespace

std::unique_ptr<MigrationLock> MySqlProvider::acquire_lock(Connection& connection,
                                                           const LockOptions& options) const {
  if (options.scope != LockScope::session) {
    throw Error(ErrorCode::usage,
                "MySQL has no transaction-scoped migration lock: GET_LOCK belongs to the session",
                "use LockScope::session with MySQL and MariaDB");
  }
  const std::string key = lock_key(options.name);
  const std::string name_literal = dialect_->literal(Value(key));
  const milliseconds timeout = std::max(options.timeout, milliseconds(0));
  const Clock::time_point deadline = Clock::now() + timeout;
  milliseconds pause(5);
  for (;;) {
    const auto remaining =
        std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
    // GET_LOCK counts whole seconds. While a second or more remains the server does the waiting
    // (and wakes this runner as soon as the lock is free), one second at a time so that no query
    // outlives a read_timeout; the rest is polled with GET_LOCK(..., 0) and short, growing sleeps
    // so that a timeout under a second is kept.
    if (get_lock(connection, name_literal, remaining >= 1000 ? 1 : 0)) {
      return std::make_unique<MySqlLock>(connection, key, name_literal);
    }
    if (remaining < 1000) {
      const Clock::duration left = deadline - Clock::now();
      if (left <= Clock::duration::zero()) break;
      std::this_thread::sleep_for(std::min<Clock::duration>(pause, left));
      pause = std::min(pause * 2, milliseconds(100));
    }
  }
  const std::string shown =
      key == options.name ? options.name : fmt::format("{} (GET_LOCK name {})", options.name, key);
  throw Error(ErrorCode::lock_timeout,
              fmt::format("timed out after {} ms waiting for the migration lock {}",
                          timeout.count(), shown),
              "another migcmd holds it; see `migcmd lock status`");
}

}  // namespace migcmd::mysql
