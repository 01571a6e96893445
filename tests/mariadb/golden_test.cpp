#include <doctest/doctest.h>

#include "migcmd/providers/mysql.hpp"
#include "support/golden.hpp"

TEST_CASE("mysql dialect renders every sample operation as in tests/mariadb/golden") {
  const auto dialect = migcmd::mysql::make_dialect();
  migcmd::test::check_golden(*dialect, MIGCMD_MYSQL_GOLDEN_DIR);
}
