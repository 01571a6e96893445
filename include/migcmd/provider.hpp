#pragma once
// A provider is everything migcmd knows about one database: how to connect, its dialect, its
// migration lock and its lock-timeout settings. The migrator works with any provider through this
// interface; a new database is one new folder under providers/ and one registration line.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/error.hpp"
#include "migcmd/schema.hpp"
#include "migcmd/schema_reader.hpp"
#include "migcmd/scratch_database.hpp"

namespace migcmd {

// Where the lock is held, and so when it is released.
enum class LockScope {
  session,      // held by the connection for the whole run (released on unlock or disconnect)
  transaction,  // taken inside each migration's transaction and released by its COMMIT/ROLLBACK;
                // works behind transaction poolers such as PgBouncer
};

struct LockOptions {
  std::string name;                           // the lock's key, derived from the history table
  std::chrono::milliseconds timeout{60'000};  // how long to wait for another runner
  LockScope scope = LockScope::session;
};

// A held lock; released by its destructor (or earlier by release()).
class MigrationLock {
 public:
  virtual ~MigrationLock() = default;
  virtual void release() = 0;
};

class Provider {
 public:
  virtual ~Provider() = default;

  [[nodiscard]] virtual std::string_view name() const noexcept = 0;  // "postgres"
  [[nodiscard]] virtual std::vector<std::string> url_schemes()
      const = 0;  // {"postgres", "postgresql"}
  [[nodiscard]] virtual std::unique_ptr<Connection> connect(std::string_view url) const = 0;
  [[nodiscard]] virtual const Dialect& dialect() const = 0;

  // Waits up to options.timeout for the database's own lock (PostgreSQL advisory lock, MySQL
  // GET_LOCK, SQL Server sp_getapplock, SQLite BEGIN IMMEDIATE). Throws Error(lock_timeout) when
  // it does not come. With LockScope::transaction the caller has begun the transaction.
  [[nodiscard]] virtual std::unique_ptr<MigrationLock> acquire_lock(
      Connection& connection, const LockOptions& options) const = 0;
  [[nodiscard]] virtual bool supports(LockScope scope) const { return scope == LockScope::session; }
  // True when the lock is itself an open transaction (SQLite's BEGIN IMMEDIATE): the migrator
  // then runs each migration in a SAVEPOINT inside it and commits once at the end.
  [[nodiscard]] virtual bool lock_is_transaction() const { return false; }
  // Ends the session holding the lock (`migcmd lock release --force`), identified by the session
  // id recorded in the lock-info row. Returns false when the database cannot do that.
  virtual bool terminate_session(Connection& connection, const std::string& session_id) const;
  // This connection's session id as the database names it (pg_backend_pid, CONNECTION_ID...).
  [[nodiscard]] virtual std::string session_id(Connection& connection) const;

  // Statements run before migration statements so that one waiting on a table lock fails fast
  // instead of stalling production (PostgreSQL lock_timeout, MySQL lock_wait_timeout). Empty when
  // the database has no such setting or `timeout` is zero (off).
  [[nodiscard]] virtual std::vector<std::string> statement_lock_timeout_sql(
      std::chrono::milliseconds timeout) const;
  // True when `error` is such a lock timeout, worth retrying.
  [[nodiscard]] virtual bool is_lock_timeout(const DatabaseError& error) const;

  // Statements run inside a migration's transaction that let its COMMIT return before the
  // commit is on disk (PostgreSQL: SET LOCAL synchronous_commit = off). The migrator runs them in
  // every migration's transaction but the run's last: its durable COMMIT makes the earlier ones
  // durable too, the log being written in order. Each migration stays atomic with its history
  // row and locks are held as long as before; a crash of the server during the run can lose only
  // whole migrations at its end, with their history rows. Empty (the default): every COMMIT is
  // durable.
  [[nodiscard]] virtual std::vector<std::string> deferred_commit_sql() const { return {}; }

  // Reads the live schema from the catalog, with a constant number of queries whatever the number
  // of tables. Types are mapped back to portable types where they are one (else Type::raw), and
  // literal defaults to values, so that a schema read, rendered and read again compares equal.
  // Default: Error(unsupported_operation).
  [[nodiscard]] virtual Schema read_schema(Connection& connection,
                                           const ReadOptions& options) const;

  // A private scratch space on the development database at `dev_url` (see scratch_database.hpp),
  // where migrations can be replayed and read back. Default: Error(unsupported_operation).
  [[nodiscard]] virtual std::unique_ptr<ScratchDatabase> open_scratch(
      std::string_view dev_url) const;

  // Whether statements of a migration that ran before a failure stay applied (no transactional
  // DDL): the migrator then records how far it got, for `up --resume`.
  [[nodiscard]] bool transactional_ddl() const {
    return dialect().capabilities().transactional_ddl;
  }
};

// Providers by URL scheme. Registration is explicit: a program registers the providers it links,
// e.g. registry.add(migcmd::postgres::make_provider()).
class ProviderRegistry {
 public:
  void add(std::shared_ptr<const Provider> provider);
  // The provider for the URL's scheme; Error(usage) listing the known schemes otherwise.
  [[nodiscard]] const Provider& for_url(std::string_view url) const;
  [[nodiscard]] const std::vector<std::shared_ptr<const Provider>>& providers() const noexcept {
    return providers_;
  }

 private:
  std::vector<std::shared_ptr<const Provider>> providers_;
};

}  // namespace migcmd
