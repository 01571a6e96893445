#pragma once
// How the policy services record what they do: one audit entry per call, allowed or refused, and
// the notification hooks for what went through.

#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "migcmd/error.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/notification.hpp"

namespace migcmd::governance::detail {

// The entry for `identity` doing `action`; result and message are filled by audited().
[[nodiscard]] AuditEntry audit_entry(const Identity& identity, std::string action,
                                     std::string environment, std::string plan_checksum = {},
                                     std::string target = {});

// Runs `work(entry)`, which fills in the entry's message, target and details as it learns them,
// then appends the entry as allowed. When `work` throws a migcmd::Error the entry is appended as
// refused (permission_denied, refused) or failed (anything else) with the error's message, and
// the error goes on. Without a log it only runs `work`.
template <typename Work>
auto audited(AuditLog* log, AuditEntry entry, Work&& work) -> decltype(work(entry)) {
  try {
    if constexpr (std::is_void_v<decltype(work(entry))>) {
      work(entry);
      entry.result = audit_result::allowed;
      if (log) log->append(entry);
    } else {
      auto result = work(entry);
      entry.result = audit_result::allowed;
      if (log) log->append(entry);
      return result;
    }
  } catch (const Error& e) {
    if (log) {
      const bool refusal =
          e.code() == ErrorCode::permission_denied || e.code() == ErrorCode::refused;
      entry.result = refusal ? audit_result::refused : audit_result::failed;
      entry.message = e.message();
      entry.details["error_code"] = std::string(to_string(e.code()));
      log->append(entry);
    }
    throw;
  }
}

// Sends the notification to the hooks; returns the failures, each also audited as a failed
// "notify" entry when there is a log.
std::vector<std::string> notify_and_audit(std::span<const NotificationHook> hooks,
                                          const Notification& notification, AuditLog* log);

}  // namespace migcmd::governance::detail
