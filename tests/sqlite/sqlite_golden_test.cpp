// Every sample case rendered by the SQLite dialect, compared with tests/sqlite/golden/*.sql.

#include <doctest/doctest.h>

#include "migcmd/providers/sqlite.hpp"
#include "support/golden.hpp"

TEST_CASE("sqlite dialect renders the sample operations as in the golden files") {
  const auto dialect = migcmd::sqlite::make_dialect();
  migcmd::test::check_golden(*dialect, MIGCMD_SQLITE_GOLDEN_DIR);
}
