// The migration lock: a PostgreSQL advisory lock. A session lock is waited for in the server's
// lock queue (woken the moment the holder lets go, in turn); a transaction lock is polled, because
// a lock_timeout set for its wait would stay on for the migration's statements.

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include "migcmd/checksum.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"
#include "postgres_provider.hpp"

namespace migcmd::postgres {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// A string literal cast, because the literal -9223372036854775808 would be numeric, not bigint.
std::string key_sql(std::int64_t key) {
  return fmt::format("'{}'::bigint", key);
}

bool returned_true(Connection& connection, const std::string& sql) {
  const QueryResult result = connection.query(sql);
  return !result.rows.empty() && !result.rows.front().empty() && result.rows.front().front() == "t";
}

Error lock_timeout_error(const LockOptions& options) {
  return Error(ErrorCode::lock_timeout,
               fmt::format("timed out after {} ms waiting for the migration lock {}",
                           options.timeout.count(), options.name),
               "another migcmd holds it; see `migcmd lock status`");
}

// Tries `try_sql` until it returns true, sleeping 10 ms at first and up to 200 ms between
// tries, so that a short wait ends soon after the holder lets go and a long one costs the server
// a query every 200 ms.
void poll_until_held(Connection& connection, const std::string& try_sql,
                     const LockOptions& options) {
  constexpr milliseconds first_delay{10};
  constexpr milliseconds max_delay{200};
  const auto deadline = Clock::now() + options.timeout;
  milliseconds delay = first_delay;
  while (!returned_true(connection, try_sql)) {
    const auto now = Clock::now();
    if (now >= deadline) throw lock_timeout_error(options);
    std::this_thread::sleep_for(std::min<Clock::duration>(delay, deadline - now));
    delay = std::min(delay * 2, max_delay);
  }
}

// pg_advisory_lock under a lock_timeout of what is left of the wait, the session's own
// lock_timeout put back afterwards. Polling instead made waiters that had just missed the lock
// sleep up to 200 ms while it was free: sixteen replicas starting at once took four times as
// long as one.
void wait_in_queue(Connection& connection, std::int64_t key, const LockOptions& options) {
  if (returned_true(connection, fmt::format("SELECT pg_try_advisory_lock({})", key_sql(key)))) {
    return;
  }
  if (options.timeout.count() <= 0) throw lock_timeout_error(options);
  const QueryResult shown = connection.query("SHOW lock_timeout");
  const std::string previous = shown.rows.at(0).at(0).value_or("0");
  auto restore = [&] {
    connection.execute(fmt::format("SELECT set_config('lock_timeout', {}, false)",
                                   make_dialect()->literal(Value{previous})));
  };
  connection.execute(set_lock_timeout_sql(options.timeout));
  try {
    (void)connection.query(fmt::format("SELECT pg_advisory_lock({})", key_sql(key)));
  } catch (const DatabaseError& e) {
    try {
      restore();
    } catch (const DatabaseError&) {  // the session is gone: the error says why
    }
    if (e.sqlstate() == "55P03") throw lock_timeout_error(options);  // lock_not_available
    throw;
  }
  restore();
}

class SessionAdvisoryLock final : public MigrationLock {
 public:
  SessionAdvisoryLock(Connection& connection, std::int64_t key)
      : connection_(connection), key_(key) {}
  SessionAdvisoryLock(const SessionAdvisoryLock&) = delete;
  SessionAdvisoryLock& operator=(const SessionAdvisoryLock&) = delete;

  ~SessionAdvisoryLock() override {
    // The session may be gone (terminated, network lost): its locks went with it.
    try {
      release();
    } catch (...) {
    }
  }

  void release() override {
    if (released_) return;
    released_ = true;  // one attempt: a failed unlock means the session, and the lock, is gone
    (void)connection_.query(fmt::format("SELECT pg_advisory_unlock({})", key_sql(key_)));
  }

 private:
  Connection& connection_;
  std::int64_t key_;
  bool released_ = false;
};

// COMMIT or ROLLBACK of the caller's transaction releases it; PostgreSQL has no early unlock.
class TransactionAdvisoryLock final : public MigrationLock {
 public:
  void release() override {}
};

// Outside a transaction each statement is its own, and the lock pg_try_advisory_xact_lock took is
// gone when it returns: then no lock is held although the call succeeded.
void require_held_by_transaction(Connection& connection, std::int64_t key,
                                 const LockOptions& options) {
  const auto bits = std::bit_cast<std::uint64_t>(key);
  const std::string sql = fmt::format(
      "SELECT count(*) > 0 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted "
      "AND pid = pg_backend_pid() AND classid = '{}'::oid AND objid = '{}'::oid AND objsubid = 1",
      bits >> 32U, bits & 0xffffffffU);
  if (!returned_true(connection, sql)) {
    throw Error(ErrorCode::usage,
                fmt::format("the transaction-scoped migration lock {} needs an open transaction",
                            options.name),
                "begin the transaction before acquiring the lock, or use LockScope::session");
  }
}

}  // namespace

std::int64_t advisory_lock_key(std::string_view lock_name) {
  constexpr std::size_t hex_digits = 16;  // 8 bytes
  const std::string hex = sha256_hex(lock_name).substr(0, hex_digits);
  return std::bit_cast<std::int64_t>(static_cast<std::uint64_t>(std::stoull(hex, nullptr, 16)));
}

std::unique_ptr<MigrationLock> acquire_advisory_lock(Connection& connection,
                                                     const LockOptions& options) {
  const std::int64_t key = advisory_lock_key(options.name);
  if (options.scope == LockScope::transaction) {
    poll_until_held(connection, fmt::format("SELECT pg_try_advisory_xact_lock({})", key_sql(key)),
                    options);
    require_held_by_transaction(connection, key, options);
    return std::make_unique<TransactionAdvisoryLock>();
  }
  wait_in_queue(connection, key, options);
  return std::make_unique<SessionAdvisoryLock>(connection, key);
}

}  // namespace migcmd::postgres
