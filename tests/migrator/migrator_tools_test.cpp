// repair, baseline, adopting another tool's history, lock status and forced release.

#include <doctest/doctest.h>

#include "migrator_fixture.hpp"

using namespace migcmd;
using migcmd::test::TestDatabase;

namespace {

void three_files(TestDatabase& db) {
  db.write_file("20250101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n");
  db.write_file("20250102000000_b.sql", "-- migrate:up\nCREATE TABLE b (id INT);\n");
  db.write_file("20250103000000_c.sql", "-- migrate:up\nCREATE TABLE c (id INT);\n");
}

}  // namespace

TEST_CASE("repair re-records changed checksums and clears failures") {
  TestDatabase db;
  db.write_file("20250101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n");
  (void)db.migrator(db.load()).up();
  db.write_file("20250101000000_a.sql",
                "-- migrate:up\n-- reformatted\nCREATE TABLE a (id INT);\n");
  db.write_file("20250102000000_b.sql", "-- migrate:up\nINSERT INTO nowhere VALUES (1);\n");
  auto migrator = db.migrator(db.load());
  CHECK(migrator.validate().size() == 1);
  auto repaired = migrator.repair();
  REQUIRE(repaired.size() == 1);
  CHECK(repaired[0].find("re-recorded the checksum") != std::string::npos);
  CHECK(migrator.validate().empty());
  CHECK(db.history().at(0).checksum == db.load().at(0).checksum);

  CHECK_THROWS_AS((void)migrator.up(), Error);  // b fails and is recorded
  CHECK(migrator.status().at(1).state == MigrationState::failed);
  auto cleared = migrator.repair();
  REQUIRE(cleared.size() == 1);
  CHECK(cleared[0].find("cleared the failure") != std::string::npos);
  CHECK(db.history().size() == 1);
  CHECK(migrator.status().at(1).state == MigrationState::pending);
}

TEST_CASE("baseline marks versions applied without running them") {
  TestDatabase db;
  three_files(db);
  auto migrator = db.migrator(db.load());
  auto marked = migrator.baseline("20250102000000");
  CHECK(marked == std::vector<std::string>{"20250101000000_a", "20250102000000_b"});
  CHECK_FALSE(db.table_exists("a"));
  auto result = migrator.up();
  CHECK(result.applied == std::vector<std::string>{"20250103000000"});
  CHECK_FALSE(db.table_exists("b"));
  CHECK(db.table_exists("c"));
  CHECK_THROWS_WITH_AS((void)migrator.baseline("999"),
                       doctest::Contains("no migration has version 999"), Error);
}

TEST_CASE("adopting dbmate's history: nothing it applied runs again") {
  TestDatabase db;
  three_files(db);
  db.connection().execute("CREATE TABLE schema_migrations (version VARCHAR(128) PRIMARY KEY)");
  db.connection().execute(
      "INSERT INTO schema_migrations (version) VALUES ('20250101000000'), ('20250102000000')");
  db.connection().execute("CREATE TABLE a (id INT)");
  db.connection().execute("CREATE TABLE b (id INT)");
  auto migrator = db.migrator(db.load());
  CHECK(migrator.adopt("dbmate") ==
        std::vector<std::string>{"20250101000000_a", "20250102000000_b"});
  auto result = migrator.up();  // would fail on "a already exists" if a ran again
  CHECK(result.applied == std::vector<std::string>{"20250103000000"});
  CHECK(db.table_exists("c"));
}

TEST_CASE("adopting golang-migrate's history, and refusing a dirty one") {
  TestDatabase db;
  db.write_file("000001_a.up.sql", "CREATE TABLE a (id INT);");
  db.write_file("000001_a.down.sql", "DROP TABLE a;");
  db.write_file("000002_b.up.sql", "CREATE TABLE b (id INT);");
  db.write_file("000003_c.up.sql", "CREATE TABLE c (id INT);");
  db.connection().execute(
      "CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty BOOLEAN NOT "
      "NULL)");
  db.connection().execute("INSERT INTO schema_migrations (version, dirty) VALUES (2, TRUE)");
  auto migrator = db.migrator(db.load());
  CHECK_THROWS_WITH_AS((void)migrator.adopt("golang-migrate"),
                       doctest::Contains("left version 2 dirty"), Error);
  CHECK(db.history().empty());
  db.connection().execute("UPDATE schema_migrations SET dirty = FALSE");
  CHECK(migrator.adopt("golang-migrate").size() == 2);
  CHECK(migrator.up().applied == std::vector<std::string>{"000003"});
  CHECK_FALSE(db.table_exists("a"));
}

TEST_CASE("adopting Flyway's history") {
  TestDatabase db;
  db.write_file("V1__a.sql", "CREATE TABLE a (id INT);");
  db.write_file("V1_1__b.sql", "CREATE TABLE b (id INT);");
  db.write_file("V2__c.sql", "CREATE TABLE c (id INT);");
  db.connection().execute(
      "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version "
      "VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script "
      "VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, execution_time "
      "INT NOT NULL, success BOOLEAN NOT NULL)");
  db.connection().execute(
      "INSERT INTO flyway_schema_history VALUES (1, '1', 'a', 'SQL', 'V1__a.sql', 1, 'x', 1, "
      "TRUE), (2, '1.1', 'b', 'SQL', 'V1_1__b.sql', 2, 'x', 1, TRUE)");
  auto migrator = db.migrator(db.load());
  CHECK(migrator.adopt("flyway").size() == 2);
  CHECK(migrator.up().applied == std::vector<std::string>{"2"});
  CHECK(db.table_exists("c"));
  CHECK_FALSE(db.table_exists("b"));
}

TEST_CASE("adopting versions no migration has changes nothing") {
  TestDatabase db;
  three_files(db);
  db.connection().execute("CREATE TABLE schema_migrations (version VARCHAR(128) PRIMARY KEY)");
  db.connection().execute("INSERT INTO schema_migrations (version) VALUES ('20240101000000')");
  CHECK_THROWS_WITH_AS((void)db.migrator(db.load()).adopt("dbmate"),
                       doctest::Contains("20240101000000"), Error);
  CHECK(db.history().empty());
}

TEST_CASE("lock status tells who holds the lock; a stale record is not a lock") {
  TestDatabase db;
  three_files(db);
  auto migrator = db.migrator(db.load());
  (void)migrator.up({.target = "20250101000000"});
  CHECK_FALSE(migrator.lock_status().has_value());

  HistoryStore store(db.connection(), db.provider().dialect(), QualifiedName("migcmd_history"));
  auto holder = db.connect();
  const std::string session = db.provider().session_id(*holder);
  store.write_lock_info({"deploy-7:99", "deploy-7", 99, "ci", "2025-01-14 12:00:00", session});
  CHECK_FALSE(migrator.lock_status().has_value());  // recorded, but nobody holds the lock

  auto lock = db.provider().acquire_lock(
      *holder, {"migcmd:migcmd_history", std::chrono::milliseconds{1000}, LockScope::session});
  auto status = migrator.lock_status();
  REQUIRE(status.has_value());
  CHECK(status->holder == "deploy-7:99");

  if (db.name() != "sqlite") {
    auto released = migrator.force_release_lock();
    REQUIRE(released.has_value());
    CHECK(released->holder == "deploy-7:99");
    CHECK_FALSE(migrator.lock_status().has_value());
    CHECK(migrator.up().applied.size() == 2);  // the lock is free again
  } else {
    lock->release();
  }
}
