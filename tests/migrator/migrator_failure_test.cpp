// Failures leave the database and history as a user can reason about; validation refuses
// changed, missing and out-of-order migrations before anything runs.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <algorithm>

#include "migrator_fixture.hpp"

using namespace migcmd;
using migcmd::test::TestDatabase;

namespace {

std::string error_of(const std::function<void()>& f, ErrorCode expected) {
  try {
    f();
  } catch (const Error& e) {
    CHECK_MESSAGE(e.code() == expected, e.what());
    return e.what();
  }
  FAIL("expected an error");
  return {};
}

}  // namespace

TEST_CASE("a migration failing at its third statement is recorded, and resumed after the fix") {
  TestDatabase db;
  db.write_file("20250101000000_bad.sql",
                "-- migrate:up\n"
                "CREATE TABLE t1 (id INT);\n"
                "INSERT INTO t1 (id) VALUES (1);\n"
                "INSERT INTO needed (id) VALUES (1);\n"
                "CREATE TABLE t2 (id INT);\n"
                "-- migrate:down\n"
                "DROP TABLE t2;\nDROP TABLE t1;\n");
  auto migrator = db.migrator(db.load());
  const std::string error = error_of([&] { (void)migrator.up(); }, ErrorCode::migration_failed);
  CHECK(error.find("20250101000000_bad failed at statement 3 of 4") != std::string::npos);
  CHECK(error.find("20250101000000_bad.sql:4") != std::string::npos);  // file:line
  CHECK(error.find("needed") != std::string::npos);                    // the database's reason

  auto history = db.history();
  REQUIRE(history.size() == 1);
  CHECK(history[0].status == MigrationStatus::failed);
  CHECK(history[0].error.find("needed") != std::string::npos);
  CHECK(history[0].statements_total == 4);
  if (db.transactional_ddl()) {
    CHECK_FALSE(db.table_exists("t1"));  // rolled back: exactly as before
    CHECK(history[0].statements_done == 0);
  } else {
    CHECK(db.table_exists("t1"));  // MariaDB committed the DDL: progress says so
    CHECK(history[0].statements_done == 2);
    CHECK(db.scalar("SELECT count(*) FROM t1") == "1");
  }

  if (db.transactional_ddl()) {
    // Nothing of it was applied: the next run simply tries again (and fails the same way).
    (void)error_of([&] { (void)migrator.up(); }, ErrorCode::migration_failed);
    CHECK(db.history().at(0).statements_done == 0);
  } else {
    // Partly applied: the next run refuses and says what to do.
    const std::string refused =
        error_of([&] { (void)migrator.up(); }, ErrorCode::validation_failed);
    CHECK(refused.find("2 of its 4 statements stayed applied") != std::string::npos);
    CHECK(refused.find("up --resume") != std::string::npos);
    CHECK(refused.find("repair") != std::string::npos);
  }

  // Fix the cause, resume.
  db.connection().execute("CREATE TABLE needed (id INT)");
  auto resumed = migrator.up({.resume = true});
  CHECK(resumed.applied == std::vector<std::string>{"20250101000000"});
  CHECK(db.table_exists("t2"));
  CHECK(db.scalar("SELECT count(*) FROM t1") == "1");  // statement 2 ran exactly once
  history = db.history();
  REQUIRE(history.size() == 1);
  CHECK(history[0].status == MigrationStatus::applied);
  CHECK(history[0].error.empty());
}

TEST_CASE("an edited applied migration fails validation and up changes nothing") {
  TestDatabase db;
  db.write_file("20250101000000_a.sql",
                "-- migrate:up\nCREATE TABLE a (id INT);\n-- migrate:down\nDROP TABLE a;\n");
  (void)db.migrator(db.load()).up();
  const std::string recorded = db.history().at(0).checksum;

  db.write_file("20250101000000_a.sql",
                "-- migrate:up\nCREATE TABLE a (id BIGINT);\n-- migrate:down\nDROP TABLE a;\n");
  db.write_file("20250102000000_b.sql", "-- migrate:up\nCREATE TABLE b (id INT);\n");
  auto migrator = db.migrator(db.load());
  auto issues = migrator.validate();
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("20250101000000_a.sql changed after it was applied") !=
        std::string::npos);
  CHECK(issues[0].message.find(recorded) != std::string::npos);
  CHECK(issues[0].message.find(db.load().at(0).checksum) != std::string::npos);

  const std::string error = error_of([&] { (void)migrator.up(); }, ErrorCode::validation_failed);
  CHECK(error.find("nothing was changed") != std::string::npos);
  CHECK_FALSE(db.table_exists("b"));
  CHECK(db.history().size() == 1);

  // Line endings alone are not a change.
  db.write_file(
      "20250101000000_a.sql",
      "-- migrate:up\r\nCREATE TABLE a (id INT);\r\n-- migrate:down\r\nDROP TABLE a;\r\n\r\n");
  CHECK(db.migrator(db.load()).validate().empty());
}

TEST_CASE("pending versions older than the newest applied are refused unless allowed") {
  TestDatabase db;
  db.write_file("20250102000000_b.sql", "-- migrate:up\nCREATE TABLE b (id INT);\n");
  (void)db.migrator(db.load()).up();
  db.write_file("20250101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n");
  auto issues = db.migrator(db.load()).validate();
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("out of order") != std::string::npos);
  CHECK_THROWS_AS((void)db.migrator(db.load()).up(), Error);
  CHECK_FALSE(db.table_exists("a"));
  auto allowed = db.migrator(db.load(), {.allow_out_of_order = true}).up();
  CHECK(allowed.applied == std::vector<std::string>{"20250101000000"});
  CHECK(db.table_exists("a"));
}

TEST_CASE("an applied version without a migration is reported as missing") {
  TestDatabase db;
  db.write_file("20250101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n");
  (void)db.migrator(db.load()).up();
  std::filesystem::remove(db.dir() / "migrations" / "20250101000000_a.sql");
  auto issues = db.migrator(db.load()).validate();
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message.find("version 20250101000000") != std::string::npos);
  CHECK(issues[0].message.find("no migration has it") != std::string::npos);
  // up plans from a few history columns first; its refusal still names the recorded file.
  const std::string error =
      error_of([&] { (void)db.migrator(db.load()).up(); }, ErrorCode::validation_failed);
  CHECK(error.find("version 20250101000000 (") != std::string::npos);
  CHECK(error.find("20250101000000_a.sql) is applied") != std::string::npos);
  const std::string on_startup =
      error_of([&] { (void)migrate_on_startup(db.provider(), db.url(), db.load()); },
               ErrorCode::validation_failed);
  CHECK(on_startup.find("20250101000000_a.sql) is applied") != std::string::npos);
}

TEST_CASE("migrate_on_startup: nothing pending changes nothing; a list out of order still works") {
  TestDatabase db;
  db.write_file("20250101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n");
  db.write_file("20250102000000_b.sql", "-- migrate:up\nCREATE TABLE b (id INT);\n");
  auto scripts = db.load();
  std::reverse(scripts.begin(), scripts.end());  // an application may list them newest first
  CHECK(migrate_on_startup(db.provider(), db.url(), scripts).applied ==
        std::vector<std::string>{"20250101000000", "20250102000000"});
  CHECK(migrate_on_startup(db.provider(), db.url(), scripts).applied.empty());
  CHECK(migrate_on_startup(db.provider(), db.url(), db.load()).applied.empty());
  CHECK(db.history().size() == 2);
  // The same version twice is refused, even when everything is applied.
  auto twice = db.load();
  twice.push_back(twice.front());
  twice.back().source = "elsewhere/20250101000000_a.sql";
  CHECK(error_of([&] { (void)migrate_on_startup(db.provider(), db.url(), twice); },
                 ErrorCode::invalid_migration)
            .find("elsewhere/20250101000000_a.sql") != std::string::npos);
}

TEST_CASE("missing down scripts are detected before anything is rolled back") {
  TestDatabase db;
  db.write_file("20250101000000_a.sql",
                "-- migrate:up\nCREATE TABLE a (id INT);\n-- migrate:down\nDROP TABLE a;\n");
  db.write_file("20250102000000_b.sql", "-- migrate:up\nCREATE TABLE b (id INT);\n");
  auto migrator = db.migrator(db.load());
  (void)migrator.up();
  const std::string error =
      error_of([&] { (void)migrator.down({.steps = 2}); }, ErrorCode::invalid_migration);
  CHECK(error.find("20250102000000_b") != std::string::npos);
  CHECK(error.find("has no down script") != std::string::npos);
  CHECK(db.table_exists("a"));
  CHECK(db.table_exists("b"));
}

TEST_CASE("a runner waiting for the lock gives up at the timeout, naming the holder") {
  TestDatabase db;
  db.write_file("20250101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n");
  auto migrator = db.migrator(db.load(), {.lock_wait = std::chrono::milliseconds{300}});
  (void)migrator.status();
  HistoryStore(db.connection(), db.provider().dialect(), QualifiedName("migcmd_history")).ensure();

  auto holder = db.connect();
  HistoryStore(*holder, db.provider().dialect(), QualifiedName("migcmd_history"))
      .write_lock_info({"buildhost:4242", "buildhost", 4242, "ci", "2025-01-14 12:00:00", "1"});
  auto lock = db.provider().acquire_lock(
      *holder, {"migcmd:migcmd_history", std::chrono::milliseconds{1000}, LockScope::session});
  const auto start = std::chrono::steady_clock::now();
  const std::string error = error_of([&] { (void)migrator.up(); }, ErrorCode::lock_timeout);
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(error.find("buildhost:4242") != std::string::npos);
  CHECK(waited < std::chrono::seconds{3});
  lock->release();
  CHECK_FALSE(db.table_exists("a"));
  CHECK(migrator.up().applied.size() == 1);
}

TEST_CASE("declared dependencies are checked by up even when everything is applied") {
  TestDatabase db;
  db.write_file("20250101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n");
  db.write_file("20250102000000_b.sql", "-- migrate:up\nCREATE TABLE b (id INT);\n");
  CHECK(db.migrator(db.load()).up().applied.size() == 2);

  auto unknown = db.load();
  unknown[1].metadata.dependencies = {"20250105000000"};
  CHECK(error_of([&] { (void)db.migrator(unknown).up(); }, ErrorCode::validation_failed)
            .find("depends on version 20250105000000, which no migration has") !=
        std::string::npos);
  CHECK(error_of([&] { (void)migrate_on_startup(db.provider(), db.url(), unknown); },
                 ErrorCode::validation_failed)
            .find("which no migration has") != std::string::npos);

  auto later = db.load();
  later[0].metadata.dependencies = {"20250102000000"};
  CHECK(error_of([&] { (void)db.migrator(later).up(); }, ErrorCode::validation_failed)
            .find("depends on version 20250102000000, which comes after it") != std::string::npos);
  CHECK(db.history().size() == 2);
}

TEST_CASE("what the history says while a migration runs, seen from its own statements") {
  TestDatabase db;
  db.connection().execute("CREATE TABLE seen (step INT, history_rows INT, statements_done INT)");
  std::string up = "-- migrate:up\n";
  for (int step = 1; step <= 3; ++step) {
    up += fmt::format(
        "INSERT INTO seen SELECT {}, COUNT(*), COALESCE(MAX(statements_done), -1) FROM "
        "migcmd_history WHERE version = '20250101000000';\n",
        step);
  }
  db.write_file("20250101000000_m.sql", up);
  CHECK(db.migrator(db.load()).up().applied.size() == 1);
  const auto seen =
      db.connection().query("SELECT history_rows, statements_done FROM seen ORDER BY step");
  REQUIRE(seen.rows.size() == 3);
  auto at = [&](std::size_t i) {
    return fmt::format("{}/{}", seen.rows[i][0].value_or("?"), seen.rows[i][1].value_or("?"));
  };
  if (db.provider().transactional_ddl()) {
    // One transaction with its history row: written at the end, together.
    CHECK(at(0) == "0/-1");
    CHECK(at(1) == "0/-1");
    CHECK(at(2) == "0/-1");
  } else {
    // Statement by statement: the row comes after the first statement, then counts them.
    CHECK(at(0) == "0/-1");
    CHECK(at(1) == "1/1");
    CHECK(at(2) == "1/2");
  }
  const auto history = db.history();
  REQUIRE(history.size() == 1);
  CHECK(history[0].status == MigrationStatus::applied);
  CHECK(history[0].statements_done == 3);
}
