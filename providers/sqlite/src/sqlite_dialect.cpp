#include "migcmd/providers/sqlite.hpp"
#include "sqlite_dialect.hpp"

namespace migcmd::sqlite {

std::unique_ptr<Dialect> make_dialect() { return std::make_unique<SqliteDialect>(); }

}  // namespace migcmd::sqlite
