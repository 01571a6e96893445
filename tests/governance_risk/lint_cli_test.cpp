// `migcmd lint` run as a separate process: one finding per statement with its file:line, the
// summary, --json, waivers shown, and the exit statuses around --fail-on.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/cli_fixture.hpp"

using migcmd_test::CliFixture;
using migcmd_test::CliResult;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Offline: no DATABASE_URL, the dialect named.
CliResult offline(const CliFixture& cli, std::vector<std::string> args) {
  return cli.run_with_env(args, std::string());
}

void write_risky(const CliFixture& cli) {
  cli.write_migration("20240101000000_create_users.sql",
                      "CREATE TABLE users (id bigint PRIMARY KEY, email text);",
                      "DROP TABLE users;");
  cli.write_migration("20240102000000_cleanup.sql",
                      "CREATE INDEX users_email ON users (email);\n"
                      "-- migcmd:allow drop_column: moved to user_profiles in 20231201\n"
                      "ALTER TABLE users DROP COLUMN email;\n"
                      "DELETE FROM sessions;",
                      "SELECT 1;");
}

}  // namespace

TEST_CASE("lint prints each finding with file:line, level, rule, suggestion and waiver") {
  CliFixture cli;
  write_risky(cli);
  const CliResult r = offline(cli, {"lint", "--dialect", "postgres"});
  INFO(r.out);
  INFO(r.err);
  CHECK(r.status == 9);  // a CRITICAL finding, default --fail-on high
  // The dbmate up section starts on line 2 of the file.
  CHECK(contains(r.out,
                 "20240102000000_cleanup.sql:2  HIGH  MG401 create_index_non_concurrent  "
                 "creates index users_email on table users without CONCURRENTLY\n"
                 "    suggestion: CREATE INDEX CONCURRENTLY"));
  CHECK(contains(r.out,
                 "20240102000000_cleanup.sql:4  HIGH  MG101 drop_column  drops column email of "
                 "table users\n"));
  CHECK(contains(r.out, "    waived: moved to user_profiles in 20231201\n"));
  CHECK(contains(r.out,
                 "20240102000000_cleanup.sql:5  CRITICAL  MG107 delete_without_where  deletes "
                 "every row of table sessions (no WHERE)\n"));
  CHECK(contains(r.out,
                 "3 finding(s) in 2 migration(s): 1 CRITICAL, 1 HIGH (1 waived); highest: "
                 "CRITICAL"));
  CHECK(contains(r.out, "lint failed"));
  // The first migration only creates a table: nothing to report on it.
  CHECK_FALSE(contains(r.out, "create_users.sql:"));
}

TEST_CASE("lint exits 9 at or above --fail-on and 0 below it") {
  CliFixture cli;
  cli.write_migration("20240101000000_drop_index.sql", "DROP INDEX users_email;", "SELECT 1;");
  // MG402 drop_index_non_concurrent is MEDIUM.
  const CliResult high = offline(cli, {"lint", "--dialect", "postgres"});
  INFO(high.out);
  CHECK(high.status == 0);
  CHECK(contains(high.out, "MEDIUM  MG402 drop_index_non_concurrent"));
  CHECK_FALSE(contains(high.out, "lint failed"));
  CHECK(offline(cli, {"lint", "--dialect", "postgres", "--fail-on", "medium"}).status == 9);
  CHECK(offline(cli, {"lint", "--dialect", "postgres", "--fail-on", "LOW"}).status == 9);
  CHECK(offline(cli, {"lint", "--dialect", "postgres", "--fail-on", "critical"}).status == 0);

  // Waived, the finding no longer fails the run, whatever the threshold.
  cli.write_migration("20240101000000_drop_index.sql",
                      "-- migcmd:allow MG402: the table has 40 rows\nDROP INDEX users_email;",
                      "SELECT 1;");
  const CliResult waived = offline(cli, {"lint", "--dialect", "postgres", "--fail-on", "low"});
  CHECK(waived.status == 0);
  CHECK(contains(waived.out, "    waived: the table has 40 rows"));

  // The same file on MySQL: DROP INDEX there is in place, nothing to say.
  cli.write_migration("20240101000000_drop_index.sql", "DROP INDEX users_email ON users;",
                      "SELECT 1;");
  const CliResult mysql = offline(cli, {"lint", "--dialect", "mysql", "--fail-on", "low"});
  CHECK(mysql.status == 0);
  CHECK(contains(mysql.out, "no risks found in 1 migration(s)"));
}

TEST_CASE("lint --json prints the findings") {
  CliFixture cli;
  write_risky(cli);
  const CliResult r = offline(cli, {"lint", "--dialect", "postgres", "--json"});
  INFO(r.out);
  CHECK(r.status == 9);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["ok"] == true);
  CHECK(doc["command"] == "lint");
  CHECK(doc["dialect"] == "postgres");
  CHECK(doc["failed"] == true);
  CHECK(doc["level"] == "CRITICAL");
  CHECK(doc["fail_on"] == "HIGH");
  CHECK(doc["migrations"].size() == 2);
  REQUIRE(doc["findings"].size() == 3);
  const auto& first = doc["findings"][0];
  CHECK(first["code"] == "MG401");
  CHECK(first["rule"] == "create_index_non_concurrent");
  CHECK(first["level"] == "HIGH");
  CHECK(first["line"] == 2);
  CHECK(first["statement"] == 1);
  CHECK(first["sql"] == "CREATE INDEX users_email ON users (email)");
  CHECK(contains(first["file"].get<std::string>(), "20240102000000_cleanup.sql"));
  CHECK(first["migration"] == "20240102000000_cleanup");
  CHECK(first["waived"] == false);
  CHECK(first["waiver"].is_null());
  CHECK(doc["findings"][1]["waived"] == true);
  CHECK(doc["findings"][1]["waiver"] == "moved to user_profiles in 20231201");

  const CliResult below = offline(
      cli, {"lint", "--dialect", "postgres", "--json", "--fail-on", "critical", "20240101000000"});
  const auto quiet = nlohmann::json::parse(below.out);
  CHECK(below.status == 0);
  CHECK(quiet["failed"] == false);
  CHECK(quiet["findings"].empty());
}

TEST_CASE("with a database URL lint takes the pending migrations and the URL's dialect") {
  CliFixture cli;
  cli.write_migration("1_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, code char(2));",
                      "DROP TABLE users;");
  const CliResult up = cli.run({"up"});
  INFO(up.err);
  REQUIRE(up.status == 0);
  cli.write_migration("2_drop_code.sql", "ALTER TABLE users DROP COLUMN code;", "SELECT 1;");

  const CliResult pending = cli.run({"lint"});
  INFO(pending.out);
  INFO(pending.err);
  CHECK(pending.status == 9);
  CHECK(contains(pending.out, "2_drop_code.sql:2  HIGH  MG101 drop_column"));
  CHECK_FALSE(contains(pending.out, "MG603"));  // 1_users is applied
  CHECK(contains(pending.out, "in 1 migration(s)"));

  const CliResult all = cli.run({"lint", "--all", "--fail-on", "critical"});
  CHECK(all.status == 0);
  CHECK(contains(all.out, "1_users.sql:2  LOW  MG603 ban_char_type"));
  CHECK(contains(all.out, "MG101"));

  const CliResult one = cli.run({"lint", "1"});
  CHECK(one.status == 0);
  CHECK(contains(one.out, "MG603"));
  CHECK_FALSE(contains(one.out, "MG101"));
}

TEST_CASE("lint refuses what it cannot do, and lists its rules") {
  CliFixture cli;
  write_risky(cli);
  const CliResult no_dialect = offline(cli, {"lint"});
  CHECK(no_dialect.status == 2);
  CHECK(contains(no_dialect.err, "--dialect"));
  CHECK(offline(cli, {"lint", "--dialect", "postgres", "--fail-on", "severe"}).status == 2);
  CHECK(offline(cli, {"lint", "--dialect", "oracle"}).status == 2);
  CHECK(offline(cli, {"lint", "--dialect", "postgres", "99"}).status == 2);

  const CliResult rules = offline(cli, {"lint", "--rules"});
  CHECK(rules.status == 0);
  CHECK(contains(rules.out, "MG101  HIGH      drop_column"));
  CHECK(contains(rules.out, "MG401  HIGH      create_index_non_concurrent [postgres]"));
  const auto doc = nlohmann::json::parse(offline(cli, {"lint", "--rules", "--json"}).out);
  CHECK(doc["rules"].size() > 40);
}
