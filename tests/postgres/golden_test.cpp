#include <doctest/doctest.h>

#include "migcmd/providers/postgres.hpp"
#include "support/golden.hpp"

TEST_CASE("postgres renders every sample case as in its golden file") {
  auto dialect = migcmd::postgres::make_dialect();
  migcmd::test::check_golden(*dialect, MIGCMD_POSTGRES_GOLDEN_DIR);
}
