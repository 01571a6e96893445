// Statement lock timeouts: after statement_lock_timeout_sql a statement waiting on a row lock or
// on a table's metadata lock fails within about the timeout, with an error is_lock_timeout()
// recognises.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <string>
#include <vector>

#include "mariadb_lock_support.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/mysql.hpp"

using namespace std::chrono_literals;
using namespace mariadb_lock_test;
using migcmd::Connection;
using migcmd::DatabaseError;
using migcmd::Provider;

namespace {

struct TableGuard {
  Connection& connection;
  std::string table;
  ~TableGuard() {
    try {
      connection.execute("DROP TABLE IF EXISTS " + table);
    } catch (const std::exception& e) {
      MESSAGE("could not drop " << table << ": " << std::string(e.what()));
    }
  }
};

// Runs `sql`, which must fail as a lock timeout after about one second.
void expect_lock_timeout(const Provider& provider, Connection& connection, const std::string& sql) {
  const Stopwatch watch;
  try {
    connection.execute(sql);
    FAIL("the statement did not wait for the lock: " << sql);
  } catch (const DatabaseError& e) {
    const long long ms = watch.elapsed_ms();
    INFO(std::string(e.what()));
    CHECK(provider.is_lock_timeout(e));
    CHECK(ms >= 900);
    CHECK(ms < 3'000);
  }
}

}  // namespace

TEST_CASE("mysql provider: statement lock timeout statements") {
  const auto provider = migcmd::mysql::make_provider();
  CHECK(provider->statement_lock_timeout_sql(0ms).empty());
  CHECK(provider->statement_lock_timeout_sql(1ms) ==
        std::vector<std::string>{"SET SESSION lock_wait_timeout = 1",
                                 "SET SESSION innodb_lock_wait_timeout = 1"});
  CHECK(provider->statement_lock_timeout_sql(1'000ms) ==
        std::vector<std::string>{"SET SESSION lock_wait_timeout = 1",
                                 "SET SESSION innodb_lock_wait_timeout = 1"});
  CHECK(provider->statement_lock_timeout_sql(1'001ms) ==
        std::vector<std::string>{"SET SESSION lock_wait_timeout = 2",
                                 "SET SESSION innodb_lock_wait_timeout = 2"});
  CHECK(provider->statement_lock_timeout_sql(std::chrono::hours(24 * 400)).front() ==
        "SET SESSION lock_wait_timeout = 31536000");

  CHECK(provider->is_lock_timeout(DatabaseError(
      "UPDATE t SET a = 1 failed: Lock wait timeout exceeded; try restarting transaction (MySQL "
      "error 1205)",
      "UPDATE t SET a = 1", "HY000")));
  CHECK(provider->is_lock_timeout(DatabaseError(
      "UPDATE t SET a = :p0 failed: Lock wait timeout exceeded; try restarting transaction",
      "UPDATE t SET a = :p0")));
  CHECK_FALSE(provider->is_lock_timeout(
      DatabaseError("INSERT failed: Duplicate entry '1' for key 'PRIMARY' (MySQL error 1062)",
                    "INSERT", "23000")));
  CHECK_FALSE(provider->is_lock_timeout(
      DatabaseError("UPDATE t failed: Deadlock found when trying to get lock (MySQL error 1213)",
                    "UPDATE t", "40001")));
}

TEST_CASE("mariadb: a statement waiting on a lock fails fast after statement_lock_timeout_sql") {
  const auto provider = migcmd::mysql::make_provider();
  auto holder = connect_or_fail(*provider);
  auto runner = connect_or_fail(*provider);
  const std::string table = provider->dialect().quote_identifier(unique_name("rows"));
  TableGuard guard{*holder, table};
  holder->execute(
      fmt::format("CREATE TABLE {} (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB", table));
  holder->execute(fmt::format("INSERT INTO {} VALUES (1, 10), (2, 20)", table));

  for (const auto& sql : provider->statement_lock_timeout_sql(1'000ms)) runner->execute(sql);
  CHECK(value(*runner, "SELECT @@SESSION.lock_wait_timeout") == "1");
  CHECK(value(*runner, "SELECT @@SESSION.innodb_lock_wait_timeout") == "1");

  holder->begin();
  CHECK(value(*holder, fmt::format("SELECT v FROM {} WHERE id = 1 FOR UPDATE", table)) == "10");

  SUBCASE("a row lock") {
    expect_lock_timeout(*provider, *runner,
                        fmt::format("UPDATE {} SET v = 11 WHERE id = 1", table));
    // Other rows are not locked: the runner is not stuck.
    runner->execute(fmt::format("UPDATE {} SET v = 21 WHERE id = 2", table));
  }
  SUBCASE("a metadata lock (ALTER TABLE behind an open transaction)") {
    expect_lock_timeout(*provider, *runner,
                        fmt::format("ALTER TABLE {} ADD COLUMN extra INT NULL", table));
  }
  holder->rollback();
  CHECK(value(*holder, fmt::format("SELECT v FROM {} WHERE id = 1", table)) == "10");
  CHECK(value(*holder, fmt::format("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE "
                                   "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND "
                                   "COLUMN_NAME = 'extra'",
                                   provider->dialect().literal(
                                       migcmd::Value(table.substr(1, table.size() - 2))))) == "0");
  // Once the holder is done, the same statement goes through.
  runner->execute(fmt::format("UPDATE {} SET v = 12 WHERE id = 1", table));
  CHECK(value(*holder, fmt::format("SELECT v FROM {} WHERE id = 1", table)) == "12");
}
