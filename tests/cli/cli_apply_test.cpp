// up, down, status, validate, repair, baseline, script and lock against real SQLite files, each
// result checked in the database's catalog and history.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "cli/cli_fixture.hpp"
#include "migcmd/providers/sqlite.hpp"

using migcmd_test::CliFixture;
using migcmd_test::CliResult;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Two migrations: users, then posts.
void write_two(const CliFixture& cli) {
  cli.write_migration("20250101000000_create_users.sql",
                      "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);\n"
                      "INSERT INTO users (email) VALUES ('ada@example.com');",
                      "DROP TABLE users;");
  cli.write_migration("20250102000000_create_posts.sql",
                      "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INT REFERENCES "
                      "users (id));",
                      "DROP TABLE posts;");
}

}  // namespace

TEST_CASE("up applies pending migrations once; status shows them; up again has nothing to do") {
  CliFixture cli;
  write_two(cli);
  auto r = cli.run({"status"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "VERSION         NAME          STATE    APPLIED AT (UTC)"));
  CHECK(contains(r.out, "20250101000000  create_users  pending  -"));
  CHECK(contains(r.out, "2 migration(s): 2 pending"));
  CHECK_FALSE(cli.table_exists("migcmd_history"));  // status creates nothing

  r = cli.run({"up"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "applied 20250101000000_create_users ("));
  CHECK(contains(r.out, "applied 20250102000000_create_posts ("));
  CHECK(contains(r.out, " ms)\n"));
  CHECK_FALSE(contains(r.out, "\r"));  // not a terminal: no progress redraws
  CHECK(cli.table_exists("users"));
  CHECK(cli.table_exists("posts"));
  CHECK(cli.history_versions() == std::vector<std::string>{"20250101000000", "20250102000000"});

  r = cli.run({"status"});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "20250101000000  create_users  applied  20"));
  CHECK(contains(r.out, "2 migration(s): 2 applied"));

  r = cli.run({"up"});
  CHECK(r.status == 0);
  CHECK(r.out == "nothing to apply\n");
}

TEST_CASE("up --target and down --steps / --to / --batch; the tables follow") {
  CliFixture cli;
  write_two(cli);
  auto r = cli.run({"up", "--target", "20250101000000"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(cli.table_exists("users"));
  CHECK_FALSE(cli.table_exists("posts"));
  REQUIRE(cli.run({"up"}).status == 0);
  CHECK(cli.table_exists("posts"));

  r = cli.run({"down"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "rolled back 20250102000000_create_posts"));
  CHECK_FALSE(cli.table_exists("posts"));
  CHECK(cli.table_exists("users"));
  CHECK(cli.history_versions() == std::vector<std::string>{"20250101000000"});

  r = cli.run({"status"});
  CHECK(contains(r.out, "create_posts  rolled_back"));

  r = cli.run({"down", "--to", "20250101000000"});
  CHECK(r.status == 0);
  CHECK(r.out == "nothing to roll back\n");
  REQUIRE(cli.run({"down", "--steps", "1"}).status == 0);
  CHECK_FALSE(cli.table_exists("users"));
  CHECK(cli.history_versions().empty());

  // Both applied again by one run: one batch, rolled back together.
  REQUIRE(cli.run({"up"}).status == 0);
  r = cli.run({"down", "--batch"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK_FALSE(cli.table_exists("users"));
  CHECK_FALSE(cli.table_exists("posts"));
}

TEST_CASE("an applied file edited: validate and up exit 3 and change nothing") {
  CliFixture cli;
  write_two(cli);
  REQUIRE(cli.run({"up", "--target", "20250101000000"}).status == 0);
  cli.write_migration("20250101000000_create_users.sql",
                      "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT);",
                      "DROP TABLE users;");

  auto r = cli.run({"validate"});
  CHECK(r.status == 3);
  CHECK(contains(r.err, "changed after it was applied"));
  CHECK(contains(r.err, "20250101000000_create_users.sql"));
  CHECK(contains(r.err, "\nhint: "));

  r = cli.run({"up"});
  CHECK(r.status == 3);
  CHECK(contains(r.err, "changed after it was applied"));
  CHECK_FALSE(cli.table_exists("posts"));  // the pending one did not run either
  CHECK(cli.history_versions() == std::vector<std::string>{"20250101000000"});

  // repair needs a confirmation: no terminal here, so --yes.
  r = cli.run({"repair"});
  CHECK(r.status == 2);
  CHECK(contains(r.out, "re-record the checksum of"));
  CHECK(contains(r.err, "pass --yes"));
  CHECK(cli.run({"validate"}).status == 3);  // still refused: nothing was repaired

  r = cli.run({"repair", "--yes"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "re-recorded the checksum of"));
  r = cli.run({"validate"});
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "ok: 2 migration(s) checked"));
  r = cli.run({"repair", "--yes"});
  CHECK(r.out == "nothing to repair\n");
  REQUIRE(cli.run({"up"}).status == 0);
  CHECK(cli.table_exists("posts"));
}

TEST_CASE("migcmd.sum: up and validate refuse an unhashed edit before touching the database") {
  CliFixture cli;
  write_two(cli);
  REQUIRE(cli.run({"hash"}).status == 0);
  auto r = cli.run({"validate"});
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "against the database and migcmd.sum"));
  fs::remove(cli.root() / "app.db");

  cli.write_migration("20250102000000_create_posts.sql", "CREATE TABLE posts (id INT);",
                      "DROP TABLE posts;");
  for (const char* verb : {"up", "validate"}) {
    r = cli.run({verb});
    CHECK(r.status == 3);
    CHECK(contains(r.err, "migcmd.sum does not match"));
    CHECK(contains(r.err, "20250102000000_create_posts.sql"));
    CHECK(contains(r.err, "hint: if the change is intended"));
  }
  CHECK_FALSE(fs::exists(cli.root() / "app.db"));  // never opened
#ifdef MIGCMD_CLI_TEST_POSTGRES
  // Not even an unreachable database is tried: the files are refused first (3, not 5).
  r = cli.run({"--url", "postgres://u:p@127.0.0.1:1/db", "up"});
  CHECK(r.status == 3);
#endif
  REQUIRE(cli.run({"hash"}).status == 0);
  r = cli.run({"up"});
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(cli.table_exists("posts"));
}

TEST_CASE("a failing migration exits 1, names the statement, and is rolled back") {
  CliFixture cli;
  write_two(cli);
  cli.write_migration("20250103000000_bad.sql",
                      "CREATE TABLE comments (id INT);\nINSERT INTO no_such_table VALUES (1);",
                      "DROP TABLE comments;");
  auto r = cli.run({"up"});
  CHECK(r.status == 1);
  CHECK(contains(r.out, "applied 20250102000000_create_posts"));
  CHECK(contains(r.err, "migration 20250103000000_bad failed at statement 2 of 2"));
  CHECK(contains(r.err, "INSERT INTO no_such_table VALUES (1)"));
  CHECK(contains(r.err, "20250103000000_bad.sql:3"));
  CHECK(contains(r.err, "\nhint: "));
  CHECK(cli.table_exists("posts"));           // the migrations before it stay applied
  CHECK_FALSE(cli.table_exists("comments"));  // its first statement was rolled back

  r = cli.run({"--json", "status"});
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  const auto& last = doc.at("migrations").back();
  CHECK(last.at("version") == "20250103000000");
  CHECK(last.at("state") == "failed");
  CHECK(contains(last.at("error").get<std::string>(), "no_such_table"));
  CHECK(doc.at("counts").at("failed") == 1);
}

TEST_CASE("--dry-run shows the SQL and changes nothing") {
  CliFixture cli;
  write_two(cli);
  auto r = cli.run({"up", "--dry-run"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out,
                 "dry run: 2 migration(s) would be applied; they ran in a transaction that was "
                 "rolled back, so nothing was changed"));
  CHECK(contains(r.out, "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);"));
  CHECK_FALSE(cli.table_exists("users"));
  CHECK(cli.history_versions().empty());

  r = cli.run({"--json", "up", "--dry-run"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("dry_run") == true);
  CHECK(doc.at("applied").size() == 2);
  CHECK_FALSE(doc.at("sql").empty());
  CHECK_FALSE(cli.table_exists("users"));
}

TEST_CASE("--json documents of up, down, status and validate") {
  CliFixture cli;
  write_two(cli);
  auto r = cli.run({"--json", "up"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("ok") == true);
  CHECK(doc.at("command") == "up");
  CHECK(doc.at("dry_run") == false);
  REQUIRE(doc.at("applied").size() == 2);
  CHECK(doc.at("applied")[0].at("version") == "20250101000000");
  CHECK(doc.at("applied")[0].at("name") == "20250101000000_create_users");
  CHECK(doc.at("applied")[0].at("duration_ms").is_number_integer());
  CHECK(cli.table_exists("users"));

  r = cli.run({"up", "--json"});  // global options also after the command
  REQUIRE(r.status == 0);
  doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("applied").empty());

  r = cli.run({"--json", "status"});
  REQUIRE(r.status == 0);
  doc = nlohmann::json::parse(r.out);
  REQUIRE(doc.at("migrations").size() == 2);
  CHECK(doc.at("migrations")[1].at("name") == "create_posts");
  CHECK(doc.at("migrations")[1].at("state") == "applied");
  CHECK(doc.at("migrations")[1].at("applied_at").is_string());

  r = cli.run({"--json", "validate"});
  REQUIRE(r.status == 0);
  doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("problems").empty());
  CHECK(doc.at("migrations") == 2);

  r = cli.run({"--json", "down", "--steps", "2"});
  REQUIRE(r.status == 0);
  doc = nlohmann::json::parse(r.out);
  REQUIRE(doc.at("rolled_back").size() == 2);
  CHECK(doc.at("rolled_back")[0].at("version") == "20250102000000");
  CHECK_FALSE(cli.table_exists("users"));

  cli.write_migration("20250101000000_create_users.sql", "CREATE TABLE users (id INT);",
                      "DROP TABLE users;");
  REQUIRE(cli.run({"up"}).status == 0);
  cli.write_migration("20250101000000_create_users.sql", "CREATE TABLE users (id BIGINT);",
                      "DROP TABLE users;");
  r = cli.run({"--json", "validate"});
  CHECK(r.status == 3);
  CHECK(r.err.empty());
  doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("ok") == false);
  CHECK(doc.at("error").at("code") == "validation_failed");
  CHECK(contains(doc.at("error").at("message").get<std::string>(), "changed after it was applied"));
  CHECK_FALSE(doc.at("error").at("hint").get<std::string>().empty());
  REQUIRE(doc.at("problems").size() == 1);
  CHECK(doc.at("problems")[0].at("version") == "20250101000000");
}

TEST_CASE("--verbose prints each statement") {
  CliFixture cli;
  write_two(cli);
  auto r = cli.run({"up", "--verbose"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "-- 20250101000000_create_users statement 1/2"));
  CHECK(contains(r.out, "INSERT INTO users (email) VALUES ('ada@example.com');"));
  CHECK(contains(r.out, "-- 20250102000000_create_posts statement 1/1"));
}

TEST_CASE("baseline marks migrations applied without running them") {
  CliFixture cli;
  write_two(cli);
  auto r = cli.run({"baseline", "--version", "20250101000000"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "marked applied without running: 20250101000000_create_users"));
  CHECK(cli.history_versions() == std::vector<std::string>{"20250101000000"});
  CHECK_FALSE(cli.table_exists("users"));
  r = cli.run({"baseline", "--version", "20990101000000"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "no migration has version 20990101000000"));
}

TEST_CASE("adopt imports dbmate's history") {
  CliFixture cli;
  write_two(cli);
  // A database dbmate migrated: its schema_migrations table and the tables, made with a one-off
  // migration recorded in another history table.
  CliFixture other;
  other.write_migration("20240101000000_dbmate.sql",
                        "CREATE TABLE schema_migrations (version VARCHAR(128) PRIMARY KEY);\n"
                        "INSERT INTO schema_migrations VALUES ('20250101000000');\n"
                        "INSERT INTO schema_migrations VALUES ('20250102000000');\n"
                        "CREATE TABLE users (id INT);\nCREATE TABLE posts (id INT);",
                        "");
  REQUIRE(other.run({"up", "--history-table", "setup_history"}).status == 0);
  fs::copy_file(cli.migrations() / "20250101000000_create_users.sql",
                other.migrations() / "20250101000000_create_users.sql");
  fs::copy_file(cli.migrations() / "20250102000000_create_posts.sql",
                other.migrations() / "20250102000000_create_posts.sql");
  fs::remove(other.migrations() / "20240101000000_dbmate.sql");

  auto r = other.run({"adopt", "--from", "dbmate"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "adopted 20250101000000_create_users"));
  CHECK(contains(r.out, "adopted 20250102000000_create_posts"));
  CHECK(other.history_versions() == std::vector<std::string>{"20250101000000", "20250102000000"});
  r = other.run({"up"});
  CHECK(r.out == "nothing to apply\n");
}

TEST_CASE("script prints the pending SQL with the history writes; --offline needs no database") {
  CliFixture cli;
  write_two(cli);
  REQUIRE(cli.run({"up", "--target", "20250101000000"}).status == 0);
  auto r = cli.run({"script"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "-- 20250102000000_create_posts"));
  CHECK_FALSE(contains(r.out, "-- 20250101000000_create_users"));
  CHECK(contains(r.out, "INSERT INTO \"migcmd_history\""));
  CHECK_FALSE(cli.table_exists("posts"));

  r = cli.run_with_env({"--url", "sqlite:does/not/exist.db", "script", "--offline"}, "");
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "CREATE TABLE \"migcmd_history\""));
  CHECK(contains(r.out, "CREATE TABLE users"));
  CHECK(contains(r.out, "CREATE TABLE posts"));
  CHECK_FALSE(fs::exists(cli.root() / "does"));
}

TEST_CASE("lock status on a free lock; release needs --force and a confirmation") {
  CliFixture cli;
  write_two(cli);
  REQUIRE(cli.run({"up"}).status == 0);
  auto r = cli.run({"lock", "status"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out == "the migration lock is free\n");
  r = cli.run({"--json", "lock", "status"});
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("locked") == false);
  CHECK(doc.at("holder").is_null());
  r = cli.run({"lock", "release", "--force"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "pass --yes"));
}

TEST_CASE("a lock held elsewhere: up says it waits, then exits 4 after --lock-timeout") {
  CliFixture cli;
  write_two(cli);
  REQUIRE(cli.run({"up", "--target", "20250101000000"}).status == 0);
  auto holder = migcmd::sqlite::connect(cli.url());
  holder->execute("BEGIN IMMEDIATE");  // SQLite's migration lock is its write lock

  auto r = cli.run({"up", "--lock-timeout", "1"});
  CHECK(r.status == 4);
  CHECK(contains(r.out, "waiting for the migration lock held by"));
  CHECK(contains(r.err, "migcmd: timed out after 1000 ms waiting for the migration lock"));
  CHECK(contains(r.err, "\nhint: "));
  CHECK(r.elapsed >= std::chrono::milliseconds(900));
  holder->execute("ROLLBACK");
  CHECK_FALSE(cli.table_exists("posts"));

  r = cli.run({"up", "--lock-timeout", "1"});
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(cli.table_exists("posts"));
}
