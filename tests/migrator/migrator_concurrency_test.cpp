// Exactly once under concurrency, lock timeouts of statements retried, and the cost of a start-up
// check with nothing to do.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "migrator_fixture.hpp"

using namespace migcmd;
using migcmd::test::TestDatabase;

namespace {

// Counts what goes to the real connection underneath.
class CountingConnection final : public Connection {
 public:
  explicit CountingConnection(Connection& inner) : inner_(inner) {}
  std::string_view dialect_name() const noexcept override { return inner_.dialect_name(); }
  std::string redacted_url() const override { return inner_.redacted_url(); }
  void execute(const std::string& sql, const std::vector<Value>& p) override {
    ++statements;
    inner_.execute(sql, p);
  }
  QueryResult query(const std::string& sql, const std::vector<Value>& p) override {
    ++statements;
    return inner_.query(sql, p);
  }
  void begin() override { ++statements, inner_.begin(); }
  void commit() override { ++statements, inner_.commit(); }
  void rollback() override { ++statements, inner_.rollback(); }
  int statements = 0;

 private:
  Connection& inner_;
};

}  // namespace

namespace {

void sixteen_processes(TestDatabase& db, LockScope scope) {
  db.write_file("20250101000000_log.sql", "-- migrate:up\nCREATE TABLE applied_log (k INT);\n");
  for (int k = 2; k <= 6; ++k) {
    db.write_file(fmt::format("2025010{}000000_m{}.sql", k, k),
                  fmt::format("-- migrate:up\nINSERT INTO applied_log (k) VALUES ({});\n"
                              "CREATE TABLE t{} (id INT);\n",
                              k, k));
  }
  const auto migrations = db.load();
  // All children wait at a gate and start together, so their runs really overlap.
  int gate[2];
  REQUIRE(pipe(gate) == 0);
  std::vector<pid_t> children;
  for (int i = 0; i < 16; ++i) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      close(gate[1]);
      char byte;
      (void)!read(gate[0], &byte, 1);
      int code = 0;
      try {
        auto connection = db.connect();
        Migrator migrator(*connection, db.provider(), migrations,
                          {.lock_wait = std::chrono::seconds{60}, .lock_scope = scope});
        (void)migrator.up();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "child %d: %s\n", i, e.what());
        code = 1;
      }
      _exit(code);
    }
    children.push_back(pid);
  }
  close(gate[0]);
  close(gate[1]);
  int failures = 0;
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failures;
  }
  CHECK(failures == 0);
  CHECK(db.scalar("SELECT count(*) FROM applied_log") == "5");
  CHECK(db.scalar("SELECT count(DISTINCT k) FROM applied_log") == "5");
  auto history = db.history();
  CHECK(history.size() == 6);
  for (const auto& row : history) CHECK(row.status == MigrationStatus::applied);
}

}  // namespace

TEST_CASE("16 processes migrating one database at once apply every migration exactly once") {
  TestDatabase db;
  sixteen_processes(db, LockScope::session);
}

TEST_CASE("the transaction-scoped lock (for transaction poolers) is exactly-once too") {
  TestDatabase db;
  if (!db.provider().supports(LockScope::transaction)) return;  // only where the database has one
  sixteen_processes(db, LockScope::transaction);
}

TEST_CASE("a start-up check with nothing pending costs one query") {
  TestDatabase db;
  db.write_file("20250101000000_a.sql", "-- migrate:up\nCREATE TABLE a (id INT);\n");
  (void)db.migrator(db.load()).up();
  CountingConnection counting(db.connection());
  Migrator migrator(counting, db.provider(), db.load());
  CHECK(migrator.up().applied.empty());
  CHECK(counting.statements == 1);
}

TEST_CASE("a statement waiting on a table lock times out and the migration is retried") {
  TestDatabase db;
  if (db.name() == "sqlite") return;  // SQLite has no per-statement lock timeout
  db.connection().execute("CREATE TABLE busy (id INT)");
  db.write_file("20250101000000_alter.sql",
                "-- migrate:up\nALTER TABLE busy ADD COLUMN note VARCHAR(10);\n");

  auto blocker = db.connect();
  blocker->begin();
  blocker->execute(db.name() == "postgres" ? "LOCK TABLE busy IN ACCESS EXCLUSIVE MODE"
                                           : "SELECT * FROM busy FOR UPDATE");
  if (db.name() != "postgres") blocker->execute("INSERT INTO busy VALUES (1)");

  SUBCASE("without retries it fails, naming the lock wait") {
    auto migrator = db.migrator(
        db.load(),
        {.statement_lock_timeout = std::chrono::milliseconds{1000}, .lock_timeout_retries = 0});
    CHECK_THROWS_AS((void)migrator.up(), Error);
    blocker->rollback();
    CHECK_FALSE(db.column_exists("busy", "note"));
  }
  SUBCASE("with retries it succeeds once the lock goes away") {
    std::thread release([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds{1500});
      blocker->rollback();
    });
    auto migrator =
        db.migrator(db.load(), {.statement_lock_timeout = std::chrono::milliseconds{1000},
                                .lock_timeout_retries = 5,
                                .retry_backoff = std::chrono::milliseconds{200}});
    auto result = migrator.up();
    release.join();
    CHECK(result.applied.size() == 1);
    CHECK(db.column_exists("busy", "note"));
  }
}
