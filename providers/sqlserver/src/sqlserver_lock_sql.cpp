#include "sqlserver_lock_sql.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

#include "migcmd/checksum.hpp"
#include "migcmd/error.hpp"
#include "tsql_text.hpp"

namespace migcmd::sqlserver::lock_sql {
namespace {

// What T-SQL string literals cannot hold as a single constant (see tsql::unicode_literal).
bool needs_expression(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return true;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\\' && (text[i + 1] == '\n' || text[i + 1] == '\r')) return true;
  }
  return false;
}

std::string_view owner(LockScope scope) {
  return scope == LockScope::transaction ? "Transaction" : "Session";
}

}  // namespace

std::string resource(std::string_view name) {
  if (name.empty()) {
    throw Error(ErrorCode::usage, "the migration lock needs a name",
                "derive it from the history table's name");
  }
  if (tsql::utf16_length(name) <= max_resource_length && !needs_expression(name)) {
    return std::string(name);
  }
  return "migcmd_" + sha256_hex(name).substr(0, 32);
}

std::string get_applock(std::string_view resource, LockScope scope,
                        std::chrono::milliseconds timeout) {
  const long long ms =
      std::clamp(static_cast<long long>(timeout.count()), 0LL, static_cast<long long>(INT_MAX));
  return fmt::format(
      "DECLARE @r int, @nocount int = @@OPTIONS & 512; SET NOCOUNT ON; "
      "EXEC @r = sp_getapplock @Resource = {}, @LockMode = 'Exclusive', @LockOwner = '{}', "
      "@LockTimeout = {}; IF @nocount = 0 SET NOCOUNT OFF; SELECT @r;",
      tsql::unicode_literal(resource), owner(scope), ms);
}

std::string release_applock(std::string_view resource) {
  return fmt::format("EXEC sp_releaseapplock @Resource = {}, @LockOwner = 'Session'",
                     tsql::unicode_literal(resource));
}

std::string describe_applock_result(int code) {
  switch (code) {
    case 0:
      return "granted";
    case 1:
      return "granted after waiting for other locks to be released";
    case -1:
      return "timed out";
    case -2:
      return "the lock request was canceled";
    case -3:
      return "the lock request was chosen as a deadlock victim";
    case -999:
      return "a parameter was invalid or the call failed";
    default:
      return code >= 0 ? "granted" : "an unknown failure";
  }
}

std::string session_id() {
  return "SELECT @@SPID";
}

std::string kill_session(std::string_view spid) {
  // Only digits reach the statement: the id comes from a lock-info row anyone could have written.
  // Session ids are smallints.
  if (spid.empty() || spid.size() > 5 ||
      spid.find_first_not_of("0123456789") != std::string_view::npos) {
    throw Error(ErrorCode::usage, fmt::format("\"{}\" is not a SQL Server session id", spid),
                "give the number `migcmd lock status` shows");
  }
  return fmt::format("KILL {}", spid);
}

std::vector<std::string> lock_timeout(std::chrono::milliseconds timeout) {
  if (timeout.count() <= 0) return {};
  const long long ms =
      std::min(static_cast<long long>(timeout.count()), static_cast<long long>(INT_MAX));
  return {fmt::format("SET LOCK_TIMEOUT {}", ms)};
}

bool is_lock_timeout_message(std::string_view message) {
  return message.find("native error 1222)") != std::string_view::npos ||
         message.find("Lock request time out period exceeded") != std::string_view::npos;
}

}  // namespace migcmd::sqlserver::lock_sql
