// The SQL Server provider's lock and session handling over a scripted connection: which
// statements it sends, and what it makes of each answer sp_getapplock and the server can give.
#include <doctest/doctest.h>

#include <chrono>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "sqlserver_lock_sql.hpp"

using namespace std::chrono_literals;
using migcmd::DatabaseError;
using migcmd::Error;
using migcmd::ErrorCode;
using migcmd::LockOptions;
using migcmd::LockScope;
using migcmd::QueryResult;
namespace lock_sql = migcmd::sqlserver::lock_sql;

namespace {

// Records every statement; answers queries with the scripted cells, in order.
class ScriptedConnection final : public migcmd::Connection {
 public:
  std::vector<std::string> log;
  std::deque<std::optional<std::string>> answers;  // one cell per query
  std::optional<DatabaseError> execute_error;      // thrown by the next execute()

  std::string_view dialect_name() const noexcept override { return "sqlserver"; }
  std::string redacted_url() const override { return "odbc://scripted"; }
  void execute(const std::string& sql, const std::vector<migcmd::Value>&) override {
    log.push_back(sql);
    if (execute_error) {
      DatabaseError e = *execute_error;
      execute_error.reset();
      throw e;
    }
  }
  QueryResult query(const std::string& sql, const std::vector<migcmd::Value>&) override {
    log.push_back(sql);
    REQUIRE_MESSAGE(!answers.empty(), "unexpected query: " << sql);
    QueryResult result{{""}, {{answers.front()}}};
    answers.pop_front();
    return result;
  }
  void begin() override { log.emplace_back("BEGIN"); }
  void commit() override { log.emplace_back("COMMIT"); }
  void rollback() override { log.emplace_back("ROLLBACK"); }
};

const std::string lock_name = "migcmd:dbo.migcmd_history";

}  // namespace

TEST_CASE("sqlserver provider: names, schemes and capabilities") {
  const auto provider = migcmd::sqlserver::make_provider();
  CHECK(provider->name() == "sqlserver");
  CHECK(provider->url_schemes() == std::vector<std::string>{"sqlserver", "odbc"});
  CHECK(provider->dialect().name() == "sqlserver");
  CHECK(provider->supports(LockScope::session));
  CHECK(provider->supports(LockScope::transaction));
  CHECK(provider->statement_lock_timeout_sql(2'500ms) ==
        std::vector<std::string>{"SET LOCK_TIMEOUT 2500"});
  CHECK(provider->statement_lock_timeout_sql(0ms).empty());
  CHECK(provider->is_lock_timeout(DatabaseError(
      "UPDATE t failed: Lock request time out period exceeded. (SQLSTATE HY000, native error "
      "1222)",
      "UPDATE t", "HY000")));
  CHECK_FALSE(provider->is_lock_timeout(
      DatabaseError("INSERT failed: Violation of PRIMARY KEY constraint (SQLSTATE 23000, native "
                    "error 2627)",
                    "INSERT", "23000")));
}

TEST_CASE("sqlserver lock: granted, released once, by release() or the destructor") {
  const auto provider = migcmd::sqlserver::make_provider();
  ScriptedConnection connection;
  const std::string get = lock_sql::get_applock(lock_name, LockScope::session, 300ms);
  const std::string release = lock_sql::release_applock(lock_name);

  SUBCASE("granted at once, released explicitly") {
    connection.answers = {"0"};
    auto lock = provider->acquire_lock(connection, LockOptions{lock_name, 300ms});
    CHECK(connection.log == std::vector<std::string>{get});
    lock->release();
    lock->release();
    lock.reset();
    CHECK(connection.log == std::vector<std::string>{get, release});
  }
  SUBCASE("granted after waiting, released by the destructor") {
    connection.answers = {"1"};
    auto lock = provider->acquire_lock(connection, LockOptions{lock_name, 300ms});
    lock.reset();
    CHECK(connection.log == std::vector<std::string>{get, release});
  }
  SUBCASE("a failed release is reported, but not by the destructor") {
    connection.answers = {"0"};
    auto lock = provider->acquire_lock(connection, LockOptions{lock_name, 300ms});
    connection.execute_error = DatabaseError(
        "failed: Cannot release the application lock because it is not currently held. "
        "(SQLSTATE 42000, native error 1223)",
        release, "42000");
    CHECK_THROWS_WITH_AS(lock->release(), doctest::Contains("native error 1223"), DatabaseError);
    lock.reset();  // no second attempt, no exception
    CHECK(connection.log == std::vector<std::string>{get, release});
  }
  SUBCASE("the destructor swallows a failing release") {
    connection.answers = {"0"};
    auto lock = provider->acquire_lock(connection, LockOptions{lock_name, 300ms});
    connection.execute_error = DatabaseError("failed: communication link failure", release);
    CHECK_NOTHROW(lock.reset());
  }
}

TEST_CASE("sqlserver lock: a transaction's lock is left to COMMIT or ROLLBACK") {
  const auto provider = migcmd::sqlserver::make_provider();
  ScriptedConnection connection;
  connection.answers = {"0"};
  auto lock =
      provider->acquire_lock(connection, LockOptions{lock_name, 1'000ms, LockScope::transaction});
  lock->release();
  lock.reset();
  CHECK(connection.log == std::vector<std::string>{
                              lock_sql::get_applock(lock_name, LockScope::transaction, 1'000ms)});
}

TEST_CASE("sqlserver lock: -1 is a lock timeout") {
  const auto provider = migcmd::sqlserver::make_provider();
  ScriptedConnection connection;
  connection.answers = {"-1"};
  try {
    auto lock = provider->acquire_lock(connection, LockOptions{lock_name, 300ms});
    FAIL("a timed-out sp_getapplock gave a lock");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::lock_timeout);
    CHECK(e.message() ==
          "timed out after 300 ms waiting for the migration lock migcmd:dbo.migcmd_history");
    CHECK(e.hint() == "another migcmd holds it; see `migcmd lock status`");
  }
  CHECK(connection.log.size() == 1);  // nothing to release
}

TEST_CASE("sqlserver lock: other return codes are errors naming the code") {
  const auto provider = migcmd::sqlserver::make_provider();
  ScriptedConnection connection;
  connection.answers = {"-3"};
  try {
    auto lock = provider->acquire_lock(connection, LockOptions{lock_name, 300ms});
    FAIL("a deadlocked sp_getapplock gave a lock");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::database_error);
    CHECK(e.message() ==
          "sp_getapplock returned -3 for the migration lock migcmd:dbo.migcmd_history: the lock "
          "request was chosen as a deadlock victim");
  }
  connection.answers = {"-999"};
  CHECK_THROWS_WITH_AS(
      auto lock = provider->acquire_lock(connection, LockOptions{lock_name, 300ms}),
      doctest::Contains("sp_getapplock returned -999"), Error);
  for (std::optional<std::string> answer : {std::optional<std::string>{}, {"granted"}, {"1.5"}}) {
    connection.answers = {answer};
    CHECK_THROWS_WITH_AS(
        auto lock = provider->acquire_lock(connection, LockOptions{lock_name, 300ms}),
        doctest::Contains("sp_getapplock gave no return code"), DatabaseError);
  }
}

TEST_CASE("sqlserver lock: a long name is hashed, and the message says so") {
  const auto provider = migcmd::sqlserver::make_provider();
  ScriptedConnection connection;
  const std::string name(300, 'n');
  const std::string resource = lock_sql::resource(name);
  connection.answers = {"-1"};
  CHECK_THROWS_WITH_AS(auto lock = provider->acquire_lock(connection, LockOptions{name, 10ms}),
                       doctest::Contains(("(resource " + resource + ")").c_str()), Error);
  CHECK(connection.log ==
        std::vector<std::string>{lock_sql::get_applock(resource, LockScope::session, 10ms)});
}

TEST_CASE("sqlserver provider: session ids and KILL") {
  const auto provider = migcmd::sqlserver::make_provider();
  ScriptedConnection connection;
  connection.answers = {"55"};
  CHECK(provider->session_id(connection) == "55");
  CHECK(connection.log == std::vector<std::string>{"SELECT @@SPID"});

  connection.log.clear();
  connection.answers = {"55"};
  CHECK(provider->terminate_session(connection, "61"));
  CHECK(connection.log == std::vector<std::string>{"SELECT @@SPID", "KILL 61"});

  connection.answers = {"55"};
  connection.execute_error = DatabaseError(
      "KILL 61 failed: Process ID 61 is not an active process ID. (SQLSTATE 42000, native error "
      "6106)",
      "KILL 61", "42000");
  CHECK_FALSE(provider->terminate_session(connection, "61"));

  connection.answers = {"55"};
  connection.execute_error = DatabaseError(
      "KILL 61 failed: User does not have permission to use the KILL statement. (SQLSTATE 42000, "
      "native error 6102)",
      "KILL 61", "42000");
  CHECK_THROWS_WITH_AS(provider->terminate_session(connection, "61"),
                       doctest::Contains("native error 6102"), DatabaseError);

  connection.answers = {"55"};
  CHECK_THROWS_WITH_AS(provider->terminate_session(connection, "55"),
                       doctest::Contains("own session"), Error);
  connection.log.clear();
  CHECK_THROWS_WITH_AS(provider->terminate_session(connection, "61; SHUTDOWN"),
                       doctest::Contains("is not a SQL Server session id"), Error);
  CHECK(connection.log.empty());
}
