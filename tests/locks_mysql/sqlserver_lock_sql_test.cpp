// The exact T-SQL of the SQL Server migration lock and session statements (golden text: no SQL
// Server runs on the test machines), hostile names included.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "migcmd/checksum.hpp"
#include "migcmd/error.hpp"
#include "sqlserver_lock_sql.hpp"

using namespace std::chrono_literals;
using namespace std::string_literals;
using migcmd::Error;
using migcmd::ErrorCode;
using migcmd::LockScope;
namespace lock_sql = migcmd::sqlserver::lock_sql;

TEST_CASE("sqlserver lock sql: sp_getapplock owned by the session") {
  CHECK(lock_sql::get_applock("migcmd:dbo.migcmd_history", LockScope::session, 60'000ms) ==
        "DECLARE @r int, @nocount int = @@OPTIONS & 512; SET NOCOUNT ON; EXEC @r = sp_getapplock "
        "@Resource = N'migcmd:dbo.migcmd_history', @LockMode = 'Exclusive', @LockOwner = "
        "'Session', @LockTimeout = 60000; IF @nocount = 0 SET NOCOUNT OFF; SELECT @r;");
}

TEST_CASE("sqlserver lock sql: sp_getapplock owned by the transaction") {
  CHECK(lock_sql::get_applock("m", LockScope::transaction, 300ms) ==
        "DECLARE @r int, @nocount int = @@OPTIONS & 512; SET NOCOUNT ON; EXEC @r = sp_getapplock "
        "@Resource = N'm', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = "
        "300; IF @nocount = 0 SET NOCOUNT OFF; SELECT @r;");
}

TEST_CASE("sqlserver lock sql: timeouts are clamped to what @LockTimeout (int) takes") {
  const auto tail = [](const std::string& sql) {
    const auto at = sql.find("@LockTimeout = ");
    return sql.substr(at, sql.find(';', at) - at);
  };
  CHECK(tail(lock_sql::get_applock("m", LockScope::session, 0ms)) == "@LockTimeout = 0");
  // A negative @LockTimeout would wait forever.
  CHECK(tail(lock_sql::get_applock("m", LockScope::session, -5ms)) == "@LockTimeout = 0");
  CHECK(tail(lock_sql::get_applock("m", LockScope::session, std::chrono::hours(24 * 30))) ==
        "@LockTimeout = 2147483647");
}

TEST_CASE("sqlserver lock sql: sp_releaseapplock") {
  CHECK(lock_sql::release_applock("migcmd:dbo.migcmd_history") ==
        "EXEC sp_releaseapplock @Resource = N'migcmd:dbo.migcmd_history', @LockOwner = 'Session'");
}

TEST_CASE("sqlserver lock sql: a hostile lock name stays one string constant") {
  const std::string name = "x'; DROP TABLE users; --";
  REQUIRE(lock_sql::resource(name) == name);
  CHECK(lock_sql::get_applock(lock_sql::resource(name), LockScope::session, 1'000ms) ==
        "DECLARE @r int, @nocount int = @@OPTIONS & 512; SET NOCOUNT ON; EXEC @r = sp_getapplock "
        "@Resource = N'x''; DROP TABLE users; --', @LockMode = 'Exclusive', @LockOwner = "
        "'Session', @LockTimeout = 1000; IF @nocount = 0 SET NOCOUNT OFF; SELECT @r;");
  CHECK(lock_sql::release_applock(lock_sql::resource(name)) ==
        "EXEC sp_releaseapplock @Resource = N'x''; DROP TABLE users; --', @LockOwner = 'Session'");
  // Brackets, double quotes and non-ASCII text need no escaping inside N'...'.
  CHECK(lock_sql::release_applock(lock_sql::resource("[a]\"b\" é 日本")) ==
        "EXEC sp_releaseapplock @Resource = N'[a]\"b\" é 日本', @LockOwner = 'Session'");
}

TEST_CASE("sqlserver lock sql: names no single constant can hold are hashed") {
  const auto hashed = [](const std::string& name) {
    return "migcmd_" + migcmd::sha256_hex(name).substr(0, 32);
  };
  // NUL and a backslash before a line break would need an expression, which EXEC refuses.
  const std::string with_nul = "lock\0name"s;
  CHECK(lock_sql::resource(with_nul) == hashed(with_nul));
  CHECK(lock_sql::resource("a\\\nb") == hashed("a\\\nb"));
  CHECK(lock_sql::resource("a\\\r\nb") == hashed("a\\\r\nb"));
  CHECK(lock_sql::resource("a\\b\nc") == "a\\b\nc");  // a backslash elsewhere is plain text
  CHECK(lock_sql::release_applock(lock_sql::resource("a\\\nb")) ==
        "EXEC sp_releaseapplock @Resource = N'" + hashed("a\\\nb") + "', @LockOwner = 'Session'");
}

TEST_CASE("sqlserver lock sql: names over 255 characters are hashed") {
  const std::string at_limit(255, 'a');
  CHECK(lock_sql::resource(at_limit) == at_limit);
  const std::string over = at_limit + "b";
  const std::string key = lock_sql::resource(over);
  CHECK(key == "migcmd_" + migcmd::sha256_hex(over).substr(0, 32));
  CHECK(key.size() == 39);
  CHECK(lock_sql::resource(at_limit + "c") != key);  // same first 255 characters, other lock
  // Counted in UTF-16 units as SQL Server counts nvarchar: 200 "é" are 400 bytes but fit.
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "é";
  CHECK(lock_sql::resource(accents) == accents);
  // 128 characters outside the BMP are 256 units.
  std::string emoji;
  for (int i = 0; i < 128; ++i) emoji += "😀";
  CHECK(lock_sql::resource(emoji) == "migcmd_" + migcmd::sha256_hex(emoji).substr(0, 32));
}

TEST_CASE("sqlserver lock sql: an empty name is refused") {
  CHECK_THROWS_WITH_AS((void)lock_sql::resource(""),
                       doctest::Contains("the migration lock needs a name"), Error);
}

TEST_CASE("sqlserver lock sql: sessions") {
  CHECK(lock_sql::session_id() == "SELECT @@SPID");
  CHECK(lock_sql::kill_session("53") == "KILL 53");
  CHECK(lock_sql::kill_session("32767") == "KILL 32767");
  for (const char* bad : {"", "53; DROP TABLE t", "-1", "5 3", "0x35", "123456", "53\n"}) {
    CAPTURE(bad);
    try {
      (void)lock_sql::kill_session(bad);
      FAIL("accepted a session id that is not a number");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::usage);
      CHECK(e.message().find("is not a SQL Server session id") != std::string::npos);
    }
  }
}

TEST_CASE("sqlserver lock sql: statement lock timeout") {
  CHECK(lock_sql::lock_timeout(0ms).empty());
  CHECK(lock_sql::lock_timeout(-1ms).empty());
  CHECK(lock_sql::lock_timeout(1ms) == std::vector<std::string>{"SET LOCK_TIMEOUT 1"});
  CHECK(lock_sql::lock_timeout(5'000ms) == std::vector<std::string>{"SET LOCK_TIMEOUT 5000"});
  CHECK(lock_sql::lock_timeout(std::chrono::hours(24 * 30)) ==
        std::vector<std::string>{"SET LOCK_TIMEOUT 2147483647"});
}

TEST_CASE("sqlserver lock sql: error 1222 is a lock timeout") {
  CHECK(lock_sql::is_lock_timeout_message(
      "ALTER TABLE [t] ADD [c] int NULL failed: [Microsoft][ODBC Driver 18 for SQL Server][SQL "
      "Server]Lock request time out period exceeded. (SQLSTATE HY000, native error 1222)"));
  CHECK(lock_sql::is_lock_timeout_message("failed: something (SQLSTATE HY000, native error 1222)"));
  CHECK(
      lock_sql::is_lock_timeout_message("UPDATE t SET a = :p0 failed: [Microsoft][ODBC Driver "
                                        "18 for SQL Server][SQL Server]Lock request time out "
                                        "period exceeded."));
  CHECK_FALSE(lock_sql::is_lock_timeout_message(
      "failed: Transaction (Process ID 53) was deadlocked (SQLSTATE 40001, native error 1205)"));
  CHECK_FALSE(lock_sql::is_lock_timeout_message("failed: x (SQLSTATE HY000, native error 12220)"));
}

TEST_CASE("sqlserver lock sql: sp_getapplock return codes") {
  CHECK(lock_sql::describe_applock_result(0) == "granted");
  CHECK(lock_sql::describe_applock_result(1) ==
        "granted after waiting for other locks to be "
        "released");
  CHECK(lock_sql::describe_applock_result(-1) == "timed out");
  CHECK(lock_sql::describe_applock_result(-2) == "the lock request was canceled");
  CHECK(lock_sql::describe_applock_result(-3) ==
        "the lock request was chosen as a deadlock victim");
  CHECK(lock_sql::describe_applock_result(-999) == "a parameter was invalid or the call failed");
}
