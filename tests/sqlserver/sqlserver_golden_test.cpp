// Every sample case rendered as T-SQL, compared with tests/sqlserver/golden/<case>.sql.
#include <doctest/doctest.h>

#include "migcmd/providers/sqlserver.hpp"
#include "support/golden.hpp"

TEST_CASE("sqlserver: golden SQL for every sample case") {
  const auto dialect = migcmd::sqlserver::make_dialect();
  migcmd::test::check_golden(*dialect, MIGCMD_SQLSERVER_GOLDEN_DIR);
}
