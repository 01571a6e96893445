#pragma once
// The SQLite provider: dialect (with table rebuilds for what ALTER TABLE cannot do),
// connections to database files and the migration lock.

#include <memory>
#include <string_view>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/provider.hpp"

namespace migcmd::sqlite {

[[nodiscard]] std::unique_ptr<Dialect> make_dialect();

// `url` is "sqlite:path/to.db" (also "sqlite://path") or a bare path; ":memory:" works.
// Foreign keys are enforced on the connection (PRAGMA foreign_keys = ON).
[[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url);

// The provider for "sqlite:" and "sqlite3:" URLs.
//
// Migration lock: SQLite's own write lock, taken by `BEGIN IMMEDIATE` on the connection. While
// it is held other connections can read but not write or take the lock. acquire_lock retries
// while the database is busy until options.timeout (using busy_timeout for the wait, restored
// afterwards), then throws Error(lock_timeout). The lock *is* that transaction
// (lock_is_transaction()): the migrator runs each migration in a SAVEPOINT inside it and COMMITs
// once at the end, which also lets other writers in. release() (and the lock's destructor) ends
// a transaction still open on the connection with ROLLBACK, so that a run that failed without
// ending it leaves the database unlocked and unchanged; after a COMMIT it does nothing. The
// connection must not start another transaction between that COMMIT and release().
// Only LockScope::session exists. Closing the connection, or the process ending, releases the
// lock, so terminate_session returns false; session_id is the process id. SQLite has no
// statement lock timeout (busy_timeout covers it): statement_lock_timeout_sql is empty, and
// is_lock_timeout recognises SQLITE_BUSY and its extended codes.
[[nodiscard]] std::shared_ptr<const Provider> make_provider();

}  // namespace migcmd::sqlite
