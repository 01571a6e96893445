#pragma once
// The T-SQL of the SQL Server migration lock and session statements, as pure functions so that
// their exact text is tested without a server (none runs on the test machines).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/provider.hpp"

namespace migcmd::sqlserver::lock_sql {

// sp_getapplock's @Resource is nvarchar(255): longer names would be cut, and two names alike in
// their first 255 characters would share a lock.
inline constexpr std::size_t max_resource_length = 255;

// The resource sp_getapplock is given for a lock called `name`: the name itself, or
// "migcmd_" + the first 32 hex digits of its SHA-256 when it is longer than 255 UTF-16 units or
// holds what no single N'...' constant can (NUL, a backslash before a line break; EXEC takes only
// constants as arguments). Throws Error(usage) for an empty name.
[[nodiscard]] std::string resource(std::string_view name);

// DECLARE @r int; ... EXEC @r = sp_getapplock @Resource = N'<resource>', @LockMode = 'Exclusive',
// @LockOwner = 'Session' | 'Transaction', @LockTimeout = <ms>; ... SELECT @r; — one row, one
// column: sp_getapplock's return code. NOCOUNT is on while the procedure runs (so that no row
// count comes before the result through ODBC) and restored after it. `timeout` is clamped to
// 0..2147483647 ms.
[[nodiscard]] std::string get_applock(std::string_view resource, LockScope scope,
                                      std::chrono::milliseconds timeout);

// EXEC sp_releaseapplock @Resource = N'<resource>', @LockOwner = 'Session'. SQL Server raises
// error 1223 when the session does not hold the lock.
[[nodiscard]] std::string release_applock(std::string_view resource);

// What a return code of sp_getapplock means: "granted", "granted after waiting", "timed out"...
// Codes >= 0 grant the lock, -1 is a timeout, others are failures.
[[nodiscard]] std::string describe_applock_result(int code);

[[nodiscard]] std::string session_id();  // SELECT @@SPID

// KILL <spid>. Throws Error(usage) unless `spid` is a number SQL Server could have given.
[[nodiscard]] std::string kill_session(std::string_view spid);

// {"SET LOCK_TIMEOUT <ms>"}, or nothing when `timeout` is zero or negative (off).
[[nodiscard]] std::vector<std::string> lock_timeout(std::chrono::milliseconds timeout);

// Error 1222, "Lock request time out period exceeded.", as the ODBC connection reports it
// ("... (SQLSTATE HY000, native error 1222)") or as SOCI does (the text only).
[[nodiscard]] bool is_lock_timeout_message(std::string_view message);

}  // namespace migcmd::sqlserver::lock_sql
