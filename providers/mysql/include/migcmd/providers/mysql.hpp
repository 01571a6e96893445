#pragma once
// The MySQL / MariaDB provider: a dialect for MySQL 8.0.19+ and MariaDB 10.5+, and connections
// over SOCI's MySQL backend.
//
// What the dialect assumes, and connect() guarantees on its own sessions:
// - String literals escape backslashes ('a\\b'), so they must run with NO_BACKSLASH_ESCAPES off
//   (the server default). connect() sets sql_mode explicitly to
//   STRICT_TRANS_TABLES,STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,
//   NO_ENGINE_SUBSTITUTION: strict (bad values fail instead of being truncated), backtick
//   identifiers (no ANSI_QUOTES), backslash escapes on.
// - Sessions use time_zone '+00:00', so timestamp_tz values (TIMESTAMP(6), which MySQL stores in
//   UTC and converts from the session time zone) are read and written in UTC, and
//   explicit_defaults_for_timestamp = ON (no implicit DEFAULT CURRENT_TIMESTAMP).
// - Tables are InnoDB with utf8mb4. DDL commits implicitly: a migration's DDL is not rolled back.
// - A QualifiedName's schema is a database on the same server; ensure_schema creates it
//   (CREATE DATABASE IF NOT EXISTS ... CHARACTER SET utf8mb4).

#include <memory>
#include <string_view>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/provider.hpp"

namespace migcmd::mysql {

[[nodiscard]] std::unique_ptr<Dialect> make_dialect();

// `url` is mysql://user:password@host:port/database (mariadb:// is the same). Query parameters:
// connect_timeout, read_timeout, write_timeout (seconds), unix_socket, sslca, sslcert, sslkey.
// The password is percent-decoded and never appears in errors or in redacted_url().
// Throws Error(usage) for a malformed URL, Error(connection_error) when the server cannot be
// reached or refuses the login.
[[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url);

// The provider for mysql:// and mariadb:// URLs: connect() above, a dialect of its own, and
// - the migration lock: GET_LOCK on the session (LockScope::session only), released by
//   RELEASE_LOCK or when the session ends. Names over 64 bytes become "migcmd_" + 32 hex digits of
//   their SHA-256, as MySQL limits lock names to 64 characters;
// - session ids: CONNECTION_ID(), ended with KILL;
// - statement lock timeouts: lock_wait_timeout and innodb_lock_wait_timeout (whole seconds,
//   rounded up), recognised by error 1205.
[[nodiscard]] std::shared_ptr<const Provider> make_provider();

}  // namespace migcmd::mysql
