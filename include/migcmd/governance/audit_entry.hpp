#pragma once
// One record of the audit trail: who did what, when, from where, to which environment, with
// which result. AuditLog fills the bookkeeping fields (sequence, time, host, pid, tool version,
// the chain hashes); callers fill the rest.

#include <cstdint>
#include <map>
#include <string>

namespace migcmd::governance {

struct AuditEntry {
  std::int64_t sequence = 0;  // 1-based, assigned by AuditLog::append
  std::string time;           // UTC "2026-11-21T14:05:09.123Z"; assigned when empty
  std::string actor;          // who acted (the identity's user name)
  // "run", "migration", "rollback", "approve", "reject", "request", "lint", "plan", "repair",
  // "baseline", "env_lock", "env_unlock", "role_change", "emergency", "permission_denied", ...
  std::string action;
  std::string result;         // "allowed", "refused", "succeeded", "failed"
  std::string environment;    // target environment name ("" when none)
  std::string plan_checksum;  // "" when none
  std::string target;         // what was acted on: a version, a request id, a role...
  std::string message;        // one human sentence (reasons, errors, waivers)
  std::int64_t duration_ms = 0;
  std::string host;                            // filled by AuditLog when empty
  int pid = 0;                                 // filled by AuditLog when 0
  std::string tool_version;                    // filled by AuditLog when empty
  std::map<std::string, std::string> details;  // anything else, flat
  std::string previous_hash;                   // set by the log: the hash of entry sequence - 1
  std::string hash;                            // set by the log

  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

// Common values of AuditEntry::result.
namespace audit_result {
inline constexpr const char* allowed = "allowed";
inline constexpr const char* refused = "refused";
inline constexpr const char* succeeded = "succeeded";
inline constexpr const char* failed = "failed";
}  // namespace audit_result

}  // namespace migcmd::governance
