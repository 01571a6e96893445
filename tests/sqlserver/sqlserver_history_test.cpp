// The history and lock-info tables in T-SQL: no SQL Server runs here, so their DDL is compared
// with a reviewed golden file (MIGCMD_UPDATE_GOLDEN=1 rewrites it).

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "migcmd/migrator/history.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "support/golden.hpp"

TEST_CASE("the history tables' T-SQL matches the golden file") {
  auto dialect = migcmd::sqlserver::make_dialect();
  const std::string actual = migcmd::test::golden_text(
      migcmd::HistoryStore::create_sql(*dialect, {"ops", "migcmd_history"}));
  const std::string path = std::string(MIGCMD_SQLSERVER_GOLDEN_DIR) + "/history_tables.sql";
  if (std::getenv("MIGCMD_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << actual;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "missing ", path, "; run with MIGCMD_UPDATE_GOLDEN=1 and review it");
  std::stringstream expected;
  expected << in.rdbuf();
  CHECK(actual == expected.str());
}
