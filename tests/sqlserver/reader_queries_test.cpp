// The SQL Server reader's catalog queries, pinned by golden files (tests/sqlserver/golden/reader):
// no SQL Server runs here, so a change to a query text must show as a reviewed diff.
// MIGCMD_UPDATE_GOLDEN=1 rewrites the files.

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "sqlserver_reader_queries.hpp"

namespace migcmd::sqlserver {
namespace {

std::vector<std::pair<std::string, std::string>> named(const CatalogQueries& q) {
  return {{"scope", q.scope},  {"tables", q.tables},   {"columns", q.columns},
          {"keys", q.keys},    {"indexes", q.indexes}, {"foreign_keys", q.foreign_keys},
          {"checks", q.checks}};
}

}  // namespace

TEST_CASE("sqlserver reader: the catalog queries match their golden files") {
  const bool update = std::getenv("MIGCMD_UPDATE_GOLDEN") != nullptr;
  const auto queries = named(catalog_queries(ReadOptions{}));
  CHECK(queries.size() == 7);
  for (const auto& [name, sql] : queries) {
    const std::string path = std::string(MIGCMD_SQLSERVER_GOLDEN_DIR) + "/reader/" + name + ".sql";
    const std::string actual = sql + ";\n";
    if (update) {
      std::ofstream(path, std::ios::binary) << actual;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    INFO("query ", name, ", golden file ", path);
    REQUIRE_MESSAGE(in, "golden file missing; run with MIGCMD_UPDATE_GOLDEN=1 and review it");
    std::stringstream expected;
    expected << in.rdbuf();
    CHECK(actual == expected.str());
  }
}

TEST_CASE("sqlserver reader: the selected schemas in the queries") {
  SUBCASE("none listed: the session's default schema") {
    CHECK(schema_list_sql(ReadOptions{}) == "SCHEMA_NAME()");
    for (const auto& [name, sql] : named(catalog_queries(ReadOptions{}))) {
      INFO(name);
      CHECK(sql.find("s.name IN (SCHEMA_NAME())") != std::string::npos);
    }
  }
  SUBCASE("listed schemas, as escaped Unicode literals") {
    ReadOptions options;
    options.schemas = {"dbo", "o'brien", "Größe"};
    const std::string list = "N'dbo', N'o''brien', N'Größe'";
    CHECK(schema_list_sql(options) == list);
    for (const auto& [name, sql] : named(catalog_queries(options))) {
      INFO(name);
      CHECK(sql.find("s.name IN (" + list + ")") != std::string::npos);
      CHECK(sql.find("{schemas}") == std::string::npos);
      CHECK(sql.find("SCHEMA_NAME()") == (name == "scope" ? 7 : std::string::npos));
    }
  }
  SUBCASE("every query but the scope reads the same selected tables") {
    const auto queries = named(catalog_queries(ReadOptions{}));
    const std::string prefix = queries[1].second.substr(0, queries[1].second.find("\n)\n") + 3);
    CHECK(prefix.rfind("WITH t AS (", 0) == 0);
    for (std::size_t i = 1; i < queries.size(); ++i) {
      INFO(queries[i].first);
      CHECK(queries[i].second.rfind(prefix, 0) == 0);
    }
    CHECK(queries[0].second.find("WITH t AS") == std::string::npos);
  }
}

}  // namespace migcmd::sqlserver
