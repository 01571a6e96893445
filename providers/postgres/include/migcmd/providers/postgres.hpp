#pragma once
// The PostgreSQL provider: the dialect (transactional DDL, schemas, every ALTER in place),
// connections to PostgreSQL servers and the migration lock.

#include <cstdint>
#include <memory>
#include <string_view>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/provider.hpp"

namespace migcmd::postgres {

// The "postgres" dialect: identifiers quoted with "", literals that mean the same whatever
// standard_conforming_strings is, and a render-time error for anything the server would reject
// or silently change (identifiers over 63 bytes, NUL characters).
[[nodiscard]] std::unique_ptr<Dialect> make_dialect();

// `url` is postgres://user:password@host:port/database?param=value (also postgresql://).
// Percent-encoded parts are decoded; parameters (sslmode, connect_timeout, options...) are passed
// to libpq as they are. Errors name the URL with its password replaced by "***".
[[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url);

// The provider for "postgres:" and "postgresql:" URLs.
//
// Migration lock: an advisory lock on advisory_lock_key(options.name), polled with
// pg_try_advisory_lock (every 10 ms at first, then less often, up to every 200 ms) rather than
// waited for with pg_advisory_lock, so that the wait ends at options.timeout with
// Error(lock_timeout) and a waiting runner can give up cleanly.
// - LockScope::session: held by the connection until release() (pg_advisory_unlock) or until the
//   session ends (disconnect, crash, terminate_session).
// - LockScope::transaction: pg_try_advisory_xact_lock inside the transaction the caller has
//   begun (Error(usage) when none is open); COMMIT or ROLLBACK releases it, release() does
//   nothing. Works behind transaction poolers such as PgBouncer.
// Session ids are pg_backend_pid(); terminate_session uses pg_terminate_backend, which needs the
// same role as the holder or pg_signal_backend, and returns before the backend has exited.
// The statement lock timeout is `SET lock_timeout`; SQLSTATE 55P03 is a lock timeout.
[[nodiscard]] std::shared_ptr<const Provider> make_provider();

// The advisory-lock key of a migration lock name: the first 8 bytes of its SHA-256 as a signed
// 64-bit integer, the same on every platform and in every migcmd version. pg_locks shows it as
// classid (high 32 bits) and objid (low 32 bits) with objsubid 1.
[[nodiscard]] std::int64_t advisory_lock_key(std::string_view lock_name);

}  // namespace migcmd::postgres
