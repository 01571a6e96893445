// up / down / up cycles with code and SQL migrations mixed in one plan; dry runs and scripts.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "migrator_fixture.hpp"

using namespace migcmd;
using migcmd::test::TestDatabase;

namespace {

struct CreateAccounts : Migration {
  void up(MigrationBuilder& b) override {
    b.create_table("accounts", [](TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("owner").max_length(100).not_null();
      t.primary_key({"id"});
    });
  }
};

struct AddBalance : Migration {
  void up(MigrationBuilder& b) override {
    b.add_column("accounts", "balance", Type::decimal(12, 2)).not_null().default_value(0);
  }
};

std::vector<MigrationScript> mixed_plan(TestDatabase& db) {
  db.write_file("20250101000000_create_users.sql",
                "-- migrate:up\nCREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100));\n"
                "-- migrate:down\nDROP TABLE users;\n");
  db.write_file("20250103000000_add_users_name.sql",
                "-- migrate:up\nALTER TABLE users ADD COLUMN name VARCHAR(50);\n"
                "-- migrate:down\nALTER TABLE users DROP COLUMN name;\n");
  MigrationRegistry registry;
  registry.add<CreateAccounts>("20250102000000", "create_accounts");
  registry.add<AddBalance>("20250104000000", "add_balance");
  auto scripts = db.load();
  for (auto& s : registry.scripts()) scripts.push_back(std::move(s));
  return scripts;
}

int count_status(const std::vector<HistoryRow>& rows, MigrationStatus status) {
  return static_cast<int>(std::count_if(rows.begin(), rows.end(),
                                        [&](const HistoryRow& r) { return r.status == status; }));
}

}  // namespace

TEST_CASE("up, down and up again with code and SQL migrations mixed, checked in the catalog") {
  TestDatabase db;
  auto migrator = db.migrator(mixed_plan(db));

  auto first = migrator.up();
  CHECK(first.applied == std::vector<std::string>{"20250101000000", "20250102000000",
                                                  "20250103000000", "20250104000000"});
  CHECK(db.table_exists("users"));
  CHECK(db.table_exists("accounts"));
  CHECK(db.column_exists("users", "name"));
  CHECK(db.column_exists("accounts", "balance"));
  auto history = db.history();
  REQUIRE(history.size() == 4);
  CHECK(count_status(history, MigrationStatus::applied) == 4);
  for (const auto& row : history) {
    CHECK(row.batch == 1);
    CHECK(row.checksum.size() == 64);
    CHECK(row.statements_done == row.statements_total);
  }

  CHECK(migrator.up().applied.empty());  // nothing pending

  auto back = migrator.down({.steps = 2});
  CHECK(back.rolled_back == std::vector<std::string>{"20250104000000", "20250103000000"});
  CHECK_FALSE(db.column_exists("accounts", "balance"));
  CHECK_FALSE(db.column_exists("users", "name"));
  CHECK(db.table_exists("accounts"));
  CHECK(count_status(db.history(), MigrationStatus::rolled_back) == 2);

  auto to = migrator.down({.to = "20250101000000"});
  CHECK(to.rolled_back == std::vector<std::string>{"20250102000000"});
  CHECK_FALSE(db.table_exists("accounts"));
  CHECK(db.table_exists("users"));

  auto again = migrator.up();
  CHECK(again.applied.size() == 3);
  CHECK(db.column_exists("accounts", "balance"));
  for (const auto& row : db.history()) {
    CHECK(row.status == MigrationStatus::applied);
    CHECK(row.batch == (row.version == "20250101000000" ? 1 : 2));
  }

  auto batch = migrator.down({.batch = true});
  CHECK(batch.rolled_back.size() == 3);
  CHECK_FALSE(db.table_exists("accounts"));
  CHECK(db.table_exists("users"));
}

TEST_CASE("up to a target version stops there") {
  TestDatabase db;
  auto migrator = db.migrator(mixed_plan(db));
  auto result = migrator.up({.target = "20250102000000"});
  CHECK(result.applied == std::vector<std::string>{"20250101000000", "20250102000000"});
  CHECK_FALSE(db.column_exists("users", "name"));
  CHECK(migrator.status().at(2).state == MigrationState::pending);
}

TEST_CASE("a dry run reports the SQL and leaves the schema and history as they were") {
  TestDatabase db;
  auto migrator = db.migrator(mixed_plan(db));
  auto result = migrator.up({.dry_run = true});
  CHECK(result.dry_run);
  CHECK(result.applied.size() == 4);
  bool mentions_users = false;
  for (const auto& sql : result.dry_run_sql) mentions_users |= sql.find("CREATE TABLE users") == 0;
  CHECK(mentions_users);
  CHECK_FALSE(db.table_exists("users"));
  CHECK_FALSE(db.table_exists("accounts"));
  CHECK(db.history().empty());
  CHECK(migrator.up().applied.size() == 4);  // and the real run still has everything to do
}

TEST_CASE("script shows pending migrations with their history rows, and changes nothing") {
  TestDatabase db;
  auto migrator = db.migrator(mixed_plan(db));
  (void)migrator.up({.target = "20250101000000"});
  std::string script = migrator.script();
  CHECK(script.find("CREATE TABLE users") == std::string::npos);  // already applied
  CHECK(script.find("ALTER TABLE users ADD COLUMN name VARCHAR(50)") != std::string::npos);
  CHECK(script.find("accounts") != std::string::npos);
  CHECK(script.find("INSERT INTO") != std::string::npos);
  CHECK(script.find("'20250104000000'") != std::string::npos);
  CHECK(script.find("-- 3 migration(s)") != std::string::npos);
  CHECK_FALSE(db.table_exists("accounts"));

  if (db.name() == "postgres") {
    std::string idempotent = migrator.script({.idempotent = true});
    CHECK(idempotent.find("IF NOT EXISTS (SELECT 1 FROM") != std::string::npos);
    // Applying the idempotent script twice gives the same state as once.
    db.connection().execute(idempotent.substr(idempotent.find('\n')));
    db.connection().execute(idempotent.substr(idempotent.find('\n')));
    CHECK(db.column_exists("accounts", "balance"));
    CHECK(migrator.up().applied.empty());
  } else if (db.name() != "sqlserver") {
    CHECK_THROWS_WITH_AS((void)migrator.script({.idempotent = true}),
                         doctest::Contains("--idempotent needs procedural blocks"), Error);
  }
}

TEST_CASE("the history table's name and schema are configurable") {
  TestDatabase db;
  if (db.name() != "postgres") return;  // schemas: PostgreSQL here (SQL Server is golden-tested)
  db.write_file("20250101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n");
  auto migrator = db.migrator(db.load(), {.history_table = {"ops", "schema_log"}});
  CHECK(migrator.up().applied.size() == 1);
  CHECK(db.scalar("SELECT count(*) FROM ops.schema_log WHERE status = 'applied'") == "1");
  CHECK(db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'ops' AND tablename = "
                  "'schema_log_lock'") == "1");
  CHECK_FALSE(db.table_exists("migcmd_history"));
  CHECK(migrator.up().applied.empty());
  CHECK(migrator.status().at(0).state == MigrationState::applied);
}

TEST_CASE(
    "a run pays one durable commit: on PostgreSQL every migration but the last commits "
    "without waiting for the disk, each still atomic with its history row") {
  TestDatabase db;
  if (db.name() != "postgres") {
    // Elsewhere: SQLite commits once per run anyway (savepoints), MariaDB commits DDL itself.
    CHECK(db.provider().deferred_commit_sql().empty());
    return;
  }
  db.connection().execute("CREATE TABLE seen (version INT, setting TEXT)");
  for (int v = 1; v <= 3; ++v) {
    db.write_file(fmt::format("2025010100000{}_m.sql", v),
                  fmt::format("-- migrate:up\nINSERT INTO seen VALUES ({}, "
                              "current_setting('synchronous_commit'));\n",
                              v));
  }
  CHECK(db.migrator(db.load()).up().applied.size() == 3);
  const auto seen = db.connection().query("SELECT version, setting FROM seen ORDER BY version");
  REQUIRE(seen.rows.size() == 3);
  CHECK(seen.rows[0][1] == std::optional<std::string>("off"));
  CHECK(seen.rows[1][1] == std::optional<std::string>("off"));
  CHECK(seen.rows[2][1] == std::optional<std::string>("on"));  // the last: durable, and so all
  // SET LOCAL ended with each transaction: the session is back to durable commits.
  CHECK(db.connection().query("SHOW synchronous_commit").rows.at(0).at(0) ==
        std::optional<std::string>("on"));
  CHECK(db.history().size() == 3);
  // A failing migration after deferred ones: they stay applied, the failure is recorded.
  db.write_file("20250101000004_m.sql", "-- migrate:up\nINSERT INTO seen VALUES (4, 'x');\n");
  db.write_file("20250101000005_m.sql", "-- migrate:up\nINSERT INTO missing VALUES (1);\n");
  CHECK_THROWS_AS((void)db.migrator(db.load()).up(), Error);
  const auto rows = db.history();
  REQUIRE(rows.size() == 5);
  CHECK(rows[3].status == MigrationStatus::applied);
  CHECK(rows[4].status == MigrationStatus::failed);
}
