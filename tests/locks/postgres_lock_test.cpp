// The PostgreSQL provider's migration lock on the test server: advisory locks in both scopes,
// checked in pg_locks, released by unlock, COMMIT, disconnect and pg_terminate_backend, and the
// statement lock timeout.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "lock_test_support.hpp"
#include "migcmd/error.hpp"
#include "migcmd/provider.hpp"
#include "migcmd/providers/postgres.hpp"
#include "postgres/pg_fixture.hpp"

namespace migcmd::test::locks {
namespace {

const Provider& provider() {
  static const auto instance = postgres::make_provider();
  return *instance;
}

LockOptions lock_options(std::string name, milliseconds timeout,
                         LockScope scope = LockScope::session) {
  LockOptions options;
  options.name = std::move(name);
  options.timeout = timeout;
  options.scope = scope;
  return options;
}

std::string scalar(Connection& connection, const std::string& sql) {
  const QueryResult result = connection.query(sql);
  INFO("query: ", sql);
  REQUIRE(result.rows.size() == 1);
  REQUIRE(result.rows.front().size() == 1);
  return result.rows.front().front().value_or("NULL");
}

// The backend pids holding the advisory lock of `name`, as pg_locks shows them to `observer`.
std::vector<std::string> holders(Connection& observer, const std::string& name) {
  const auto bits = std::bit_cast<std::uint64_t>(postgres::advisory_lock_key(name));
  const QueryResult result = observer.query(fmt::format(
      "SELECT pid::text FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted "
      "AND classid = '{}'::oid AND objid = '{}'::oid AND objsubid = 1 ORDER BY pid",
      bits >> 32U, bits & 0xffffffffU));
  std::vector<std::string> pids;
  for (const Row& row : result.rows) pids.push_back(row.at(0).value_or("NULL"));
  return pids;
}

using Pids = std::vector<std::string>;

TEST_CASE("postgres provider: name, URL schemes, dialect and connections") {
  CHECK(provider().name() == "postgres");
  CHECK(provider().url_schemes() == std::vector<std::string>{"postgres", "postgresql"});
  CHECK(provider().dialect().name() == "postgres");
  CHECK_FALSE(provider().lock_is_transaction());

  ProviderRegistry registry;
  registry.add(postgres::make_provider());
  const std::string url = postgres_url();
  CHECK(&registry.for_url(url) == registry.providers().front().get());
  CHECK(&registry.for_url("postgresql://h/db") == registry.providers().front().get());

  std::unique_ptr<Connection> connection;
  try {
    connection = registry.for_url(url).connect(url);
  } catch (const Error& e) {
    FAIL("cannot reach the PostgreSQL test server: ", std::string(e.what()),
         " -- run tools/dev/dbs.sh start (or set MIGCMD_TEST_POSTGRES_URL)");
  }
  CHECK(connection->dialect_name() == "postgres");
  CHECK(scalar(*connection, "SELECT 40 + 2") == "42");
}

TEST_CASE("postgres lock keys: the same for the same name, different for different names") {
  // The first 8 bytes of SHA-256("migcmd_history"): a key must never change between versions,
  // or an old and a new migcmd would not exclude each other.
  CHECK(postgres::advisory_lock_key("migcmd_history") == -2251091683499588605LL);
  CHECK(postgres::advisory_lock_key("") == -2039914840885289964LL);
  CHECK(postgres::advisory_lock_key("migcmd_history") ==
        postgres::advisory_lock_key(std::string("migcmd_") + "history"));
  const std::vector<std::string> names = {"migcmd_history",     "migcmd_history2",
                                          "Migcmd_history",     "public.migcmd_history",
                                          "app.migcmd_history", ""};
  std::vector<std::int64_t> keys;
  for (const auto& name : names) keys.push_back(postgres::advisory_lock_key(name));
  std::sort(keys.begin(), keys.end());
  CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());

  // The key is the one the server holds.
  auto holder = connect_or_fail();
  auto observer = connect_or_fail();
  const std::string name = unique_name("migcmd_history");
  auto lock = provider().acquire_lock(*holder, lock_options(name, milliseconds{1000}));
  CHECK(holders(*observer, name) == Pids{provider().session_id(*holder)});
  CHECK(holders(*observer, name + "_other").empty());
}

TEST_CASE("postgres session lock: another connection times out while it is held") {
  auto holder = connect_or_fail();
  auto waiter = connect_or_fail();
  const std::string name = unique_name("migcmd_history");
  const std::string holder_pid = provider().session_id(*holder);
  const std::string waiter_pid = provider().session_id(*waiter);
  REQUIRE(holders(*waiter, name).empty());

  auto lock = provider().acquire_lock(*holder, lock_options(name, milliseconds{1000}));
  CHECK(holders(*waiter, name) == Pids{holder_pid});

  const milliseconds timeout{300};
  const milliseconds waited = time_lock_timeout(
      [&] { (void)provider().acquire_lock(*waiter, lock_options(name, timeout)); }, name);
  CHECK(waited >= timeout);
  CHECK(waited < timeout + timeout_margin);
  CHECK(time_lock_timeout(
            [&] { (void)provider().acquire_lock(*waiter, lock_options(name, milliseconds{0})); },
            name) < timeout_margin);
  CHECK(holders(*waiter, name) == Pids{holder_pid});  // the failed waits took nothing

  lock->release();
  CHECK(holders(*waiter, name).empty());
  auto second = provider().acquire_lock(*waiter, lock_options(name, milliseconds{0}));
  CHECK(holders(*holder, name) == Pids{waiter_pid});
  lock->release();  // a second release does not unlock anything
  CHECK(holders(*holder, name) == Pids{waiter_pid});
  second.reset();  // the destructor releases
  CHECK(holders(*holder, name).empty());
}

TEST_CASE("postgres session lock: a waiting connection gets it soon after the holder lets go") {
  auto holder = connect_or_fail();
  auto waiter = connect_or_fail();
  const std::string name = unique_name("migcmd_history");
  auto lock = provider().acquire_lock(*holder, lock_options(name, milliseconds{0}));
  const milliseconds hold{300};
  std::thread release_later([&] {
    std::this_thread::sleep_for(hold);
    lock->release();
  });
  const auto start = Clock::now();
  std::unique_ptr<MigrationLock> second;
  CHECK_NOTHROW(second = provider().acquire_lock(*waiter, lock_options(name, milliseconds{10000})));
  const auto waited = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
  release_later.join();
  CHECK(waited >= hold - milliseconds{50});
  CHECK(waited < hold + milliseconds{1000});
  CHECK(holders(*holder, name) == Pids{provider().session_id(*waiter)});
}

TEST_CASE("postgres session lock: a waiter queues in the server, and keeps its own lock_timeout") {
  auto holder = connect_or_fail();
  auto waiter = connect_or_fail();
  auto observer = connect_or_fail();
  const std::string name = unique_name("migcmd_history");
  const std::string waiter_pid = provider().session_id(*waiter);
  waiter->execute("SET lock_timeout = '7s'");
  auto lock = provider().acquire_lock(*holder, lock_options(name, milliseconds{0}));
  std::unique_ptr<MigrationLock> second;
  std::thread wait(
      [&] { second = provider().acquire_lock(*waiter, lock_options(name, milliseconds{20000})); });
  // Waiting in PostgreSQL's lock queue (not polling): a lock row not granted, for that session.
  const std::string queued = fmt::format(
      "SELECT count(*) > 0 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND NOT granted "
      "AND pid = {}",
      waiter_pid);
  bool seen_queued = false;
  for (int i = 0; i < 500 && !seen_queued; ++i) {
    seen_queued = observer->query(queued).rows.at(0).at(0) == std::optional<std::string>("t");
    if (!seen_queued) std::this_thread::sleep_for(milliseconds{10});
  }
  CHECK(seen_queued);
  lock->release();
  wait.join();
  REQUIRE(second);
  CHECK(holders(*observer, name) == Pids{waiter_pid});
  CHECK(waiter->query("SHOW lock_timeout").rows.at(0).at(0) == std::optional<std::string>("7s"));
  // A wait that times out puts the session's setting back too.
  auto late = connect_or_fail();
  late->execute("SET lock_timeout = '3s'");
  CHECK_THROWS_AS((void)provider().acquire_lock(*late, lock_options(name, milliseconds{200})),
                  Error);
  CHECK(late->query("SHOW lock_timeout").rows.at(0).at(0) == std::optional<std::string>("3s"));
  CHECK(holders(*observer, name) == Pids{waiter_pid});
}

TEST_CASE("postgres session lock: closing the holding connection releases it") {
  auto holder = connect_or_fail();
  auto other = connect_or_fail();
  const std::string name = unique_name("migcmd_history");
  const std::string holder_pid = provider().session_id(*holder);
  auto lock = provider().acquire_lock(*holder, lock_options(name, milliseconds{1000}));
  REQUIRE(holders(*other, name) == Pids{holder_pid});
  abandon(std::move(lock));
  holder.reset();

  // The server ends the session shortly after the socket closes.
  auto second = provider().acquire_lock(*other, lock_options(name, milliseconds{5000}));
  CHECK(holders(*other, name) == Pids{provider().session_id(*other)});
}

TEST_CASE("postgres session lock: terminate_session ends the holder and frees the lock") {
  auto holder = connect_or_fail();
  auto other = connect_or_fail();
  const std::string name = unique_name("migcmd_history");
  const std::string holder_pid = provider().session_id(*holder);
  CHECK(holder_pid == scalar(*holder, "SELECT pg_backend_pid()::text"));
  CHECK(holder_pid != provider().session_id(*other));
  auto lock = provider().acquire_lock(*holder, lock_options(name, milliseconds{1000}));
  REQUIRE(holders(*other, name) == Pids{holder_pid});

  CHECK(provider().terminate_session(*other, holder_pid));
  auto second = provider().acquire_lock(*other, lock_options(name, milliseconds{5000}));
  CHECK(holders(*other, name) == Pids{provider().session_id(*other)});
  CHECK_THROWS((void)holder->query("SELECT 1"));  // the holder's session is gone
  CHECK_NOTHROW(lock.reset());                    // and its lock's destructor does not throw

  for (const char* bad : {"", "12a", "1; SELECT 1", "-1", " 1", "99999999999", "2147483648"}) {
    INFO("session id '", bad, "'");
    try {
      (void)provider().terminate_session(*other, bad);
      FAIL("an invalid session id was accepted");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::usage);
    }
  }
  // pid 1 is never a PostgreSQL backend: nothing to terminate.
  CHECK_FALSE(provider().terminate_session(*other, "1"));
  CHECK(scalar(*other, "SELECT 1") == "1");
}

TEST_CASE("postgres transaction lock: held until COMMIT or ROLLBACK") {
  CHECK(provider().supports(LockScope::session));
  CHECK(provider().supports(LockScope::transaction));
  auto holder = connect_or_fail();
  auto waiter = connect_or_fail();
  const std::string name = unique_name("migcmd_history");
  const std::string holder_pid = provider().session_id(*holder);
  const milliseconds timeout{300};

  holder->execute("BEGIN");
  auto lock = provider().acquire_lock(
      *holder, lock_options(name, milliseconds{1000}, LockScope::transaction));
  CHECK(holders(*waiter, name) == Pids{holder_pid});
  lock->release();  // does nothing: only the end of the transaction releases it
  CHECK(holders(*waiter, name) == Pids{holder_pid});

  waiter->execute("BEGIN");
  const milliseconds waited = time_lock_timeout(
      [&] {
        (void)provider().acquire_lock(*waiter, lock_options(name, timeout, LockScope::transaction));
      },
      name);
  CHECK(waited >= timeout);
  CHECK(waited < timeout + timeout_margin);
  waiter->execute("ROLLBACK");
  // Both scopes take the same key.
  (void)time_lock_timeout(
      [&] { (void)provider().acquire_lock(*waiter, lock_options(name, milliseconds{0})); }, name);

  holder->execute("COMMIT");
  CHECK(holders(*waiter, name).empty());

  waiter->execute("BEGIN");
  auto second =
      provider().acquire_lock(*waiter, lock_options(name, milliseconds{0}, LockScope::transaction));
  CHECK(holders(*holder, name) == Pids{provider().session_id(*waiter)});
  waiter->execute("ROLLBACK");
  CHECK(holders(*holder, name).empty());

  // Outside a transaction the lock would be gone as soon as it was taken.
  try {
    (void)provider().acquire_lock(*holder,
                                  lock_options(name, milliseconds{0}, LockScope::transaction));
    FAIL("a transaction-scoped lock was granted outside a transaction");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::usage);
    CHECK(e.message().find("needs an open transaction") != std::string::npos);
  }
  CHECK(holders(*waiter, name).empty());
}

TEST_CASE("postgres statement lock timeout: a statement waiting on a table lock fails fast") {
  CHECK(provider().statement_lock_timeout_sql(milliseconds{0}).empty());
  CHECK(provider().statement_lock_timeout_sql(milliseconds{1500}) ==
        std::vector<std::string>{"SET lock_timeout = '1500ms'"});

  PgSchema schema;
  schema.execute("CREATE TABLE t (id integer)");
  const std::string table = fmt::format("{}.t", schema.dialect().quote_identifier(schema.name()));
  auto migrator = connect_or_fail();

  schema.execute("BEGIN");
  schema.execute(fmt::format("LOCK TABLE {} IN ACCESS EXCLUSIVE MODE", table));
  const milliseconds timeout{300};
  for (const auto& sql : provider().statement_lock_timeout_sql(timeout)) migrator->execute(sql);
  CHECK(scalar(*migrator, "SHOW lock_timeout") == "300ms");

  const auto start = Clock::now();
  bool failed = false;
  try {
    (void)migrator->query("SELECT * FROM " + table);
  } catch (const DatabaseError& e) {
    failed = true;
    INFO(e.what());
    CHECK(e.sqlstate() == "55P03");
    CHECK(provider().is_lock_timeout(e));
  }
  const auto waited = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
  CHECK(failed);
  CHECK(waited >= timeout - milliseconds{20});
  CHECK(waited < timeout + timeout_margin);
  schema.execute("ROLLBACK");

  // Once the table is free the same statement runs; other errors are not lock timeouts.
  CHECK(migrator->query("SELECT * FROM " + table).rows.empty());
  try {
    (void)migrator->query("SELEC 1");
    FAIL("a syntax error went through");
  } catch (const DatabaseError& e) {
    CHECK(e.sqlstate() == "42601");
    CHECK_FALSE(provider().is_lock_timeout(e));
  }
}

// A table of its own in the public schema (PgSchema would keep a connection open across fork).
class CounterTable {
 public:
  CounterTable() : name_(unique_name("migcmd_lock_counter")) {
    auto connection = connect_or_fail();
    connection->execute(fmt::format("CREATE TABLE public.{} (value bigint NOT NULL)", name_));
    connection->execute(fmt::format("INSERT INTO public.{} (value) VALUES (0)", name_));
  }
  ~CounterTable() {
    try {
      postgres::connect(postgres_url())->execute("DROP TABLE IF EXISTS public." + name_);
    } catch (const std::exception& e) {
      MESSAGE("could not drop ", name_, ": ", e.what());
    }
  }
  CounterTable(const CounterTable&) = delete;
  CounterTable& operator=(const CounterTable&) = delete;

  [[nodiscard]] std::string select() const { return "SELECT value FROM public." + name_; }
  [[nodiscard]] std::string update(long value) const {
    return fmt::format("UPDATE public.{} SET value = {}", name_, value);
  }

 private:
  std::string name_;
};

TEST_CASE("postgres lock: eight processes increment a counter without losing an update") {
  constexpr int children = 8;
  CounterTable counter;  // no connection stays open across fork()
  const std::string name = unique_name("migcmd_history");
  const std::string url = postgres_url();

  auto read_counter = [&](Connection& connection) {
    return std::stol(connection.query(counter.select()).rows.at(0).at(0).value());
  };
  // Read, wait, write back: without mutual exclusion two children read the same value and one
  // update is lost.
  const auto increment = [&](Connection& connection) {
    const long value = read_counter(connection);
    std::this_thread::sleep_for(milliseconds{5});
    connection.execute(counter.update(value + 1));
  };

  SUBCASE("session scope") {
    const int succeeded = run_in_children(children, [&] {
      auto connection = postgres::connect(url);
      auto lock = provider().acquire_lock(*connection, lock_options(name, milliseconds{60000}));
      increment(*connection);
      lock->release();
      return true;
    });
    CHECK(succeeded == children);
  }
  SUBCASE("transaction scope") {
    const int succeeded = run_in_children(children, [&] {
      auto connection = postgres::connect(url);
      connection->execute("BEGIN");
      auto lock = provider().acquire_lock(
          *connection, lock_options(name, milliseconds{60000}, LockScope::transaction));
      increment(*connection);
      connection->execute("COMMIT");
      return true;
    });
    CHECK(succeeded == children);
  }
  auto connection = connect_or_fail();
  CHECK(read_counter(*connection) == children);
}

}  // namespace
}  // namespace migcmd::test::locks
