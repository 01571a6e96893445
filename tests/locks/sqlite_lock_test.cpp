// The SQLite provider's migration lock on real database files: an immediate transaction that
// keeps other connections and processes from writing or taking the lock until it ends.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "lock_test_support.hpp"
#include "migcmd/error.hpp"
#include "migcmd/provider.hpp"
#include "migcmd/providers/sqlite.hpp"

namespace migcmd::test::locks {
namespace {

const Provider& provider() {
  static const auto instance = sqlite::make_provider();
  return *instance;
}

LockOptions lock_options(std::string name, milliseconds timeout) {
  LockOptions options;
  options.name = std::move(name);
  options.timeout = timeout;
  return options;
}

std::string scalar(Connection& connection, const std::string& sql) {
  const QueryResult result = connection.query(sql);
  INFO("query: ", sql);
  REQUIRE(result.rows.size() == 1);
  REQUIRE(result.rows.front().size() == 1);
  return result.rows.front().front().value_or("NULL");
}

// A database file with a table `item` (and `counter`, one row at 0), and nothing open on it.
struct TestFile {
  TempDir dir;
  std::string url = "sqlite:" + (dir.path() / "locks.db").string();

  TestFile() {
    auto connection = provider().connect(url);
    connection->execute("CREATE TABLE item (id INTEGER PRIMARY KEY)");
    connection->execute("CREATE TABLE counter (value INTEGER NOT NULL)");
    connection->execute("INSERT INTO counter (value) VALUES (0)");
  }

  [[nodiscard]] std::unique_ptr<Connection> connect() const { return provider().connect(url); }
};

// Whether the database's write lock is taken: a write from a fresh connection that does not wait
// fails with SQLITE_BUSY.
bool write_lock_taken(const TestFile& file) {
  auto probe = file.connect();
  probe->execute("PRAGMA busy_timeout = 0");
  try {
    probe->execute("INSERT INTO item (id) VALUES (-1)");
  } catch (const DatabaseError& e) {
    INFO(e.what());
    CHECK(provider().is_lock_timeout(e));
    return true;
  }
  probe->execute("DELETE FROM item WHERE id = -1");
  return false;
}

TEST_CASE("sqlite provider: name, URL schemes, dialect and connections") {
  CHECK(provider().name() == "sqlite");
  CHECK(provider().url_schemes() == std::vector<std::string>{"sqlite", "sqlite3"});
  CHECK(provider().dialect().name() == "sqlite");
  CHECK(provider().lock_is_transaction());

  ProviderRegistry registry;
  registry.add(sqlite::make_provider());
  TestFile file;
  CHECK(&registry.for_url(file.url) == registry.providers().front().get());
  CHECK(&registry.for_url("sqlite3:other.db") == registry.providers().front().get());

  auto connection = registry.for_url(file.url).connect(file.url);
  CHECK(connection->dialect_name() == "sqlite");
  CHECK(scalar(*connection, "SELECT value FROM counter") == "0");
}

TEST_CASE("sqlite lock: another connection times out while it is held, and takes it after") {
  TestFile file;
  const std::string name = unique_name("migcmd_history");
  auto holder = file.connect();
  auto waiter = file.connect();
  REQUIRE(write_lock_taken(file) == false);

  auto lock = provider().acquire_lock(*holder, lock_options(name, milliseconds{1000}));
  CHECK(write_lock_taken(file));
  CHECK(scalar(*holder, "PRAGMA busy_timeout") == "5000");  // the connection's own, restored

  const milliseconds timeout{300};
  const milliseconds waited = time_lock_timeout(
      [&] { (void)provider().acquire_lock(*waiter, lock_options(name, timeout)); }, name);
  CHECK(waited >= timeout);
  CHECK(waited < timeout + timeout_margin);
  CHECK(scalar(*waiter, "PRAGMA busy_timeout") == "5000");
  // A zero timeout tries once.
  CHECK(time_lock_timeout(
            [&] { (void)provider().acquire_lock(*waiter, lock_options(name, milliseconds{0})); },
            name) < timeout_margin);

  lock->release();
  CHECK_FALSE(write_lock_taken(file));
  auto second = provider().acquire_lock(*waiter, lock_options(name, milliseconds{0}));
  CHECK(write_lock_taken(file));
  waiter->execute("INSERT INTO item (id) VALUES (1)");
  waiter->execute("COMMIT");
  second->release();
  CHECK_FALSE(write_lock_taken(file));
  CHECK(scalar(*holder, "SELECT count(*) FROM item") == "1");
}

TEST_CASE("sqlite lock: a waiting connection gets it as soon as the holder commits") {
  TestFile file;
  const std::string name = unique_name("migcmd_history");
  auto holder = file.connect();
  auto waiter = file.connect();
  auto lock = provider().acquire_lock(*holder, lock_options(name, milliseconds{0}));
  const milliseconds hold{300};
  std::thread release_later([&] {
    std::this_thread::sleep_for(hold);
    holder->execute("COMMIT");
  });
  const auto start = Clock::now();
  std::unique_ptr<MigrationLock> second;
  CHECK_NOTHROW(second = provider().acquire_lock(*waiter, lock_options(name, milliseconds{10000})));
  const auto waited = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
  release_later.join();
  CHECK(waited >= hold - milliseconds{50});
  CHECK(waited < hold + timeout_margin);
  CHECK(second != nullptr);
  CHECK(write_lock_taken(file));
}

TEST_CASE("sqlite lock: release keeps what was committed and rolls back what was not") {
  TestFile file;
  const std::string name = unique_name("migcmd_history");
  auto runner = file.connect();
  auto reader = file.connect();

  SUBCASE("committed, then released: the rows stay and the lock is free") {
    auto lock = provider().acquire_lock(*runner, lock_options(name, milliseconds{1000}));
    runner->execute("SAVEPOINT m1");
    runner->execute("INSERT INTO item (id) VALUES (1)");
    runner->execute("RELEASE m1");
    runner->execute("COMMIT");
    CHECK_FALSE(write_lock_taken(file));
    CHECK_NOTHROW(lock->release());
    CHECK(scalar(*reader, "SELECT count(*) FROM item") == "1");
  }
  SUBCASE("released without a COMMIT: rolled back and free") {
    auto lock = provider().acquire_lock(*runner, lock_options(name, milliseconds{1000}));
    runner->execute("INSERT INTO item (id) VALUES (2)");
    lock->release();
    CHECK_FALSE(write_lock_taken(file));
    CHECK(scalar(*reader, "SELECT count(*) FROM item") == "0");
    lock->release();  // twice: nothing more happens
    CHECK(scalar(*runner, "SELECT count(*) FROM item") == "0");
  }
  SUBCASE("destroyed without a COMMIT: rolled back and free") {
    {
      auto lock = provider().acquire_lock(*runner, lock_options(name, milliseconds{1000}));
      runner->execute("INSERT INTO item (id) VALUES (3)");
      CHECK(write_lock_taken(file));
    }
    CHECK_FALSE(write_lock_taken(file));
    CHECK(scalar(*reader, "SELECT count(*) FROM item") == "0");
  }
  // The runner can take the lock again afterwards.
  auto again = provider().acquire_lock(*runner, lock_options(name, milliseconds{0}));
  CHECK(write_lock_taken(file));
}

TEST_CASE("sqlite lock: closing the holding connection releases it") {
  TestFile file;
  const std::string name = unique_name("migcmd_history");
  auto holder = file.connect();
  auto lock = provider().acquire_lock(*holder, lock_options(name, milliseconds{1000}));
  holder->execute("INSERT INTO item (id) VALUES (1)");
  CHECK(write_lock_taken(file));
  abandon(std::move(lock));
  holder.reset();

  CHECK_FALSE(write_lock_taken(file));
  auto other = file.connect();
  auto second = provider().acquire_lock(*other, lock_options(name, milliseconds{0}));
  CHECK(scalar(*other, "SELECT count(*) FROM item") == "0");  // the holder's work rolled back
}

TEST_CASE("sqlite lock: only the session scope, and no transaction may be open already") {
  CHECK(provider().supports(LockScope::session));
  CHECK_FALSE(provider().supports(LockScope::transaction));
  TestFile file;
  auto connection = file.connect();
  LockOptions options = lock_options(unique_name("migcmd_history"), milliseconds{100});
  options.scope = LockScope::transaction;
  try {
    (void)provider().acquire_lock(*connection, options);
    FAIL("a transaction-scoped lock was granted");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::usage);
  }
  CHECK_FALSE(write_lock_taken(file));

  connection->execute("BEGIN");
  CHECK_THROWS_AS(
      (void)provider().acquire_lock(*connection, lock_options("migcmd_history", milliseconds{100})),
      DatabaseError);
  connection->execute("ROLLBACK");
  CHECK_FALSE(write_lock_taken(file));
}

TEST_CASE("sqlite provider: session ids, no termination, busy errors are lock timeouts") {
  TestFile file;
  auto connection = file.connect();
  CHECK(provider().session_id(*connection) == std::to_string(getpid()));
  CHECK_FALSE(provider().terminate_session(*connection, std::to_string(getpid())));
  CHECK(provider().statement_lock_timeout_sql(milliseconds{1000}).empty());
  CHECK(provider().statement_lock_timeout_sql(milliseconds{0}).empty());

  for (const char* code : {"5", "261", "517", "773"}) {
    INFO("extended result code ", code);
    CHECK(provider().is_lock_timeout(DatabaseError("busy", "INSERT", code)));
  }
  for (const char* code : {"1", "6", "19", "2067", "", "abc", "5x", "-5"}) {
    INFO("result code '", code, "'");
    CHECK_FALSE(provider().is_lock_timeout(DatabaseError("error", "INSERT", code)));
  }
  // What SQLite itself reports for a write while another connection holds the lock.
  auto lock = provider().acquire_lock(*connection, lock_options("migcmd_history", milliseconds{0}));
  auto writer = file.connect();
  writer->execute("PRAGMA busy_timeout = 0");
  try {
    writer->execute("UPDATE counter SET value = 1");
    FAIL("a write went through while the lock was held");
  } catch (const DatabaseError& e) {
    INFO(e.what());
    CHECK(provider().is_lock_timeout(e));
  }
}

TEST_CASE("sqlite lock: eight processes increment a counter without losing an update") {
  constexpr int children = 8;
  TestFile file;  // created and closed: no connection is open across fork()
  const std::string name = unique_name("migcmd_history");
  const int succeeded = run_in_children(children, [&] {
    auto connection = file.connect();
    auto lock = provider().acquire_lock(*connection, lock_options(name, milliseconds{60000}));
    const QueryResult read = connection->query("SELECT value FROM counter");
    const long value = std::stol(read.rows.at(0).at(0).value());
    std::this_thread::sleep_for(milliseconds{5});
    connection->execute(fmt::format("UPDATE counter SET value = {}", value + 1));
    connection->execute("COMMIT");
    lock->release();
    return true;
  });
  CHECK(succeeded == children);
  auto connection = file.connect();
  CHECK(scalar(*connection, "SELECT value FROM counter") == std::to_string(children));
}

}  // namespace
}  // namespace migcmd::test::locks
