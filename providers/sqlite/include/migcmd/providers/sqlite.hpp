#pragma once
// The SQLite provider: dialect (with table rebuilds for what ALTER TABLE cannot do) and
// connections to database files.

#include <memory>
#include <string_view>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"

namespace migcmd::sqlite {

[[nodiscard]] std::unique_ptr<Dialect> make_dialect();

// `url` is "sqlite:path/to.db" (also "sqlite://path") or a bare path; ":memory:" works.
// Foreign keys are enforced on the connection (PRAGMA foreign_keys = ON).
[[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url);

}  // namespace migcmd::sqlite
