// The migration lock: SQLite's write lock, held by an immediate transaction.

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <string>
#include <thread>

#include "migcmd/error.hpp"
#include "sqlite_provider.hpp"

namespace migcmd::sqlite {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int sqlite_busy = 5;   // SQLITE_BUSY; extended codes keep it in the low byte
constexpr int sqlite_error = 1;  // SQLITE_ERROR
constexpr int primary_code_mask = 0xff;

int result_code(const DatabaseError& error) {
  const std::string& text = error.sqlstate();  // the extended result code, in decimal
  int code = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
  return ec == std::errc{} && end == text.data() + text.size() ? code : -1;
}

// ROLLBACK with nothing to roll back fails with SQLITE_ERROR and this text; it is the one way to
// ask "is a transaction open?" through a Connection (sqlite3_get_autocommit needs the handle).
bool is_no_transaction(const DatabaseError& error) {
  return result_code(error) == sqlite_error &&
         error.message().find("no transaction is active") != std::string::npos;
}

class ImmediateTransactionLock final : public MigrationLock {
 public:
  explicit ImmediateTransactionLock(Connection& connection) : connection_(connection) {}
  ImmediateTransactionLock(const ImmediateTransactionLock&) = delete;
  ImmediateTransactionLock& operator=(const ImmediateTransactionLock&) = delete;

  ~ImmediateTransactionLock() override {
    try {
      release();
    } catch (...) {
    }
  }

  // The migrator COMMITs the transaction that is the lock; one still open here belongs to a run
  // that did not finish, and is rolled back so that the database is left as it was and unlocked.
  void release() override {
    if (released_) return;
    released_ = true;
    try {
      connection_.execute("ROLLBACK");
    } catch (const DatabaseError& e) {
      if (!is_no_transaction(e)) throw;
    }
  }

 private:
  Connection& connection_;
  bool released_ = false;
};

// The connection's busy_timeout, put back when the lock has been taken or given up: the
// migration's own statements keep the wait the connection was opened with.
class BusyTimeoutRestorer {
 public:
  explicit BusyTimeoutRestorer(Connection& connection) : connection_(connection) {
    const QueryResult result = connection_.query("PRAGMA busy_timeout");
    if (!result.rows.empty() && !result.rows.front().empty() && result.rows.front().front()) {
      const std::string& text = *result.rows.front().front();
      long long value = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec == std::errc{} && end == text.data() + text.size()) saved_ = value;
    }
  }
  BusyTimeoutRestorer(const BusyTimeoutRestorer&) = delete;
  BusyTimeoutRestorer& operator=(const BusyTimeoutRestorer&) = delete;
  ~BusyTimeoutRestorer() {
    try {
      if (saved_ >= 0) connection_.execute(fmt::format("PRAGMA busy_timeout = {}", saved_));
    } catch (...) {
    }
  }

 private:
  Connection& connection_;
  long long saved_ = -1;
};

[[noreturn]] void throw_timeout(const LockOptions& options) {
  throw Error(ErrorCode::lock_timeout,
              fmt::format("timed out after {} ms waiting for the migration lock {}",
                          options.timeout.count(), options.name),
              "another migcmd holds it; see `migcmd lock status`");
}

}  // namespace

bool is_busy(const DatabaseError& error) {
  const int code = result_code(error);
  return code >= 0 && (code & primary_code_mask) == sqlite_busy;
}

std::unique_ptr<MigrationLock> acquire_immediate_lock(Connection& connection,
                                                      const LockOptions& options) {
  if (options.scope != LockScope::session) {
    throw Error(ErrorCode::usage,
                fmt::format("SQLite has no transaction-scoped migration lock ({})", options.name),
                "use LockScope::session: SQLite's lock is the run's own immediate transaction");
  }
  // Polled here, not by SQLite's busy handler: that one sleeps up to 100 ms between tries, so
  // waiters slept while the lock was free and sixteen replicas starting at once took five times
  // as long as one. A try is a failed BEGIN IMMEDIATE (microseconds); short waits are polled every
  // few milliseconds, long ones (a migration running for minutes) every 100 ms.
  constexpr milliseconds first_delay{1};
  constexpr milliseconds short_wait_delay{8};
  constexpr milliseconds long_wait_delay{100};
  constexpr std::chrono::seconds short_wait{2};
  const auto started = Clock::now();
  const auto deadline = started + options.timeout;
  BusyTimeoutRestorer restore_busy_timeout(connection);
  connection.execute("PRAGMA busy_timeout = 0");
  milliseconds delay = first_delay;
  for (;;) {
    try {
      connection.execute("BEGIN IMMEDIATE");
      return std::make_unique<ImmediateTransactionLock>(connection);
    } catch (const DatabaseError& e) {
      if (!is_busy(e)) throw;
    }
    const auto now = Clock::now();
    if (now >= deadline) throw_timeout(options);
    std::this_thread::sleep_for(std::min<Clock::duration>(delay, deadline - now));
    delay = std::min(delay * 2, now - started < short_wait ? short_wait_delay : long_wait_delay);
  }
}

}  // namespace migcmd::sqlite
