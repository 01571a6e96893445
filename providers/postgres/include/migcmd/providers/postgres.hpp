#pragma once
// The PostgreSQL provider: the dialect (transactional DDL, schemas, every ALTER in place) and
// connections to PostgreSQL servers.

#include <memory>
#include <string_view>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"

namespace migcmd::postgres {

// The "postgres" dialect: identifiers quoted with "", literals that mean the same whatever
// standard_conforming_strings is, and a render-time error for anything the server would reject
// or silently change (identifiers over 63 bytes, NUL characters).
[[nodiscard]] std::unique_ptr<Dialect> make_dialect();

// `url` is postgres://user:password@host:port/database?param=value (also postgresql://).
// Percent-encoded parts are decoded; parameters (sslmode, connect_timeout, options...) are passed
// to libpq as they are. Errors name the URL with its password replaced by "***".
[[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url);

}  // namespace migcmd::postgres
