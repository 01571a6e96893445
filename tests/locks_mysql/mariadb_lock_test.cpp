// The GET_LOCK migration lock against a real MariaDB server: waiting, timing out, release by
// the holder, by its disconnection and by terminate_session, and long or hostile names. The
// server's own view (IS_USED_LOCK, IS_FREE_LOCK) is checked after each step.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "mariadb_lock_support.hpp"
#include "migcmd/checksum.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/mysql.hpp"

using namespace std::chrono_literals;
using namespace mariadb_lock_test;
using migcmd::Connection;
using migcmd::Error;
using migcmd::ErrorCode;
using migcmd::LockOptions;
using migcmd::LockScope;
using migcmd::MigrationLock;
using migcmd::Provider;
using migcmd::Value;

namespace {

// The session id holding `key` as the server sees it (NULL: nobody).
std::optional<std::string> holder(Connection& observer, const Provider& provider,
                                  const std::string& key) {
  return value(observer,
               fmt::format("SELECT IS_USED_LOCK({})", provider.dialect().literal(Value(key))));
}

// Expects acquire_lock to give up with Error(lock_timeout) about `timeout` after it began.
void expect_timeout(const Provider& provider, Connection& connection, const LockOptions& options) {
  const Stopwatch watch;
  try {
    auto lock = provider.acquire_lock(connection, options);
    FAIL("acquire_lock took a lock another session holds");
  } catch (const Error& e) {
    const long long ms = watch.elapsed_ms();
    const long long timeout = options.timeout.count();
    CHECK(e.code() == ErrorCode::lock_timeout);
    CHECK(e.message().find(fmt::format("timed out after {} ms waiting for the migration lock {}",
                                       timeout, options.name)) == 0);
    CHECK(e.hint() == "another migcmd holds it; see `migcmd lock status`");
    CHECK(ms >= timeout);
    CHECK(ms < timeout + 400);  // one poll and one query past the deadline at most
  }
}

}  // namespace

TEST_CASE("mysql provider: names, schemes, dialect and connections") {
  const auto provider = migcmd::mysql::make_provider();
  CHECK(provider->name() == "mysql");
  CHECK(provider->url_schemes() == std::vector<std::string>{"mysql", "mariadb"});
  CHECK(provider->dialect().name() == "mysql");
  CHECK(provider->supports(LockScope::session));
  CHECK_FALSE(provider->supports(LockScope::transaction));
  auto connection = connect_or_fail(*provider);
  CHECK(connection->dialect_name() == "mysql");
  CHECK(provider->session_id(*connection) == value(*connection, "SELECT CONNECTION_ID()"));

  LockOptions options{unique_name("txn"), 100ms, LockScope::transaction};
  CHECK_THROWS_WITH_AS(auto lock = provider->acquire_lock(*connection, options),
                       doctest::Contains("no transaction-scoped migration lock"), Error);
  options = LockOptions{"", 100ms};
  CHECK_THROWS_WITH_AS(auto lock = provider->acquire_lock(*connection, options),
                       doctest::Contains("the migration lock needs a name"), Error);
}

TEST_CASE("mariadb lock: a second runner waits, times out, and takes the lock once released") {
  const auto provider = migcmd::mysql::make_provider();
  auto first = connect_or_fail(*provider);
  auto second = connect_or_fail(*provider);
  const LockOptions options{unique_name("wait"), 300ms};

  auto held = provider->acquire_lock(*first, options);
  CHECK(holder(*second, *provider, options.name) == provider->session_id(*first));

  SUBCASE("under a second") {
    expect_timeout(*provider, *second, options);
  }
  SUBCASE("whole seconds and a remainder") {
    expect_timeout(*provider, *second, LockOptions{options.name, 1'250ms});
  }
  SUBCASE("no wait at all") {
    expect_timeout(*provider, *second, LockOptions{options.name, 0ms});
  }
  // The first runner still holds it.
  CHECK(holder(*second, *provider, options.name) == provider->session_id(*first));

  held->release();
  held->release();  // a second release does nothing
  CHECK(holder(*second, *provider, options.name) == std::nullopt);
  auto taken = provider->acquire_lock(*second, LockOptions{options.name, 0ms});
  CHECK(holder(*first, *provider, options.name) == provider->session_id(*second));

  // The lock's destructor releases it.
  taken.reset();
  CHECK(holder(*first, *provider, options.name) == std::nullopt);
}

TEST_CASE("mariadb lock: a waiting runner gets the lock as soon as the holder releases it") {
  const auto provider = migcmd::mysql::make_provider();
  auto first = connect_or_fail(*provider);
  auto second = connect_or_fail(*provider);
  const std::string name = unique_name("handover");
  auto held = provider->acquire_lock(*first, LockOptions{name, 100ms});
  const Stopwatch watch;
  std::thread releaser([&] {
    std::this_thread::sleep_for(400ms);
    held->release();
  });
  std::unique_ptr<MigrationLock> taken;
  try {
    taken = provider->acquire_lock(*second, LockOptions{name, 10s});
  } catch (...) {
    releaser.join();
    throw;
  }
  releaser.join();
  const long long ms = watch.elapsed_ms();
  CHECK(ms >= 400);
  CHECK(ms < 1'200);  // woken by the release, not by the end of a one-second slice
  CHECK(holder(*first, *provider, name) == provider->session_id(*second));
}

TEST_CASE("mariadb lock: terminate_session frees the lock of another session") {
  const auto provider = migcmd::mysql::make_provider();
  auto holder_connection = connect_or_fail(*provider);
  auto admin = connect_or_fail(*provider);
  const std::string name = unique_name("kill");
  auto held = provider->acquire_lock(*holder_connection, LockOptions{name, 100ms});
  const std::string id = provider->session_id(*holder_connection);
  REQUIRE(holder(*admin, *provider, name) == id);

  CHECK_THROWS_WITH_AS(provider->terminate_session(*admin, id + "; SELECT 1"),
                       doctest::Contains("is not a MySQL connection id"), Error);
  CHECK_THROWS_WITH_AS(provider->terminate_session(*admin, provider->session_id(*admin)),
                       doctest::Contains("own session"), Error);
  CHECK_FALSE(provider->terminate_session(*admin, "4000000000"));  // no such session

  CHECK(provider->terminate_session(*admin, id));
  // The server drops the session's locks as the session ends, which takes a moment after KILL.
  auto taken = provider->acquire_lock(*admin, LockOptions{name, 5s});
  CHECK(holder(*admin, *provider, name) == provider->session_id(*admin));
  CHECK(value(*admin, fmt::format("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID "
                                  "= {}",
                                  id)) == "0");
  // The killed runner hears that it lost the lock when it lets go.
  CHECK_THROWS_AS(held->release(), Error);
}

TEST_CASE("mariadb lock: release reports a lock the session no longer held") {
  const auto provider = migcmd::mysql::make_provider();
  auto connection = connect_or_fail(*provider);
  const std::string name = unique_name("lost");
  auto held = provider->acquire_lock(*connection, LockOptions{name, 100ms});
  CHECK(value(*connection, fmt::format("SELECT RELEASE_LOCK({})",
                                       provider->dialect().literal(Value(name)))) == "1");
  CHECK_THROWS_WITH_AS(held->release(), doctest::Contains("was no longer held by this session"),
                       Error);
}

TEST_CASE("mariadb lock: long names are hashed, hostile names escaped") {
  const auto provider = migcmd::mysql::make_provider();
  auto first = connect_or_fail(*provider);
  auto second = connect_or_fail(*provider);

  SUBCASE("a name longer than MySQL's 64 characters") {
    const std::string name = unique_name(std::string(200, 'x'));
    const std::string key = "migcmd_" + migcmd::sha256_hex(name).substr(0, 32);
    auto held = provider->acquire_lock(*first, LockOptions{name, 100ms});
    CHECK(holder(*second, *provider, key) == provider->session_id(*first));
    try {
      auto lock = provider->acquire_lock(*second, LockOptions{name, 100ms});
      FAIL("a hashed lock name was taken twice");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::lock_timeout);
      CHECK(e.message().find("(GET_LOCK name " + key + ")") != std::string::npos);
    }
    // Another long name with the same first 200 characters is another lock.
    auto other = provider->acquire_lock(*second, LockOptions{name + "2", 100ms});
    held->release();
    CHECK(holder(*second, *provider, key) == std::nullopt);
  }
  SUBCASE("exactly 64 characters are used as they are") {
    std::string name = unique_name("");
    name += std::string(64 - name.size(), 'y');
    auto held = provider->acquire_lock(*first, LockOptions{name, 100ms});
    CHECK(holder(*second, *provider, name) == provider->session_id(*first));
  }
  SUBCASE("quotes, backslashes and SQL in the name") {
    const std::string name = unique_name("it's \\' a \"lock\"'); SELECT 1; -- ");
    auto held = provider->acquire_lock(*first, LockOptions{name, 100ms});
    CHECK(holder(*second, *provider, name) == provider->session_id(*first));
    held->release();
    CHECK(holder(*second, *provider, name) == std::nullopt);
  }
}
