#pragma once
// The tamper-evident audit trail. Every entry is chained to the one before it:
//   hash = SHA-256(previous_hash + canonical_json(entry))
// or HMAC-SHA256 keyed with AuditOptions::hmac_key, so that someone who can write the store but
// does not hold the key cannot rewrite the chain unnoticed. The first entry's previous_hash is
// 64 zeros. canonical_json is documented at audit_canonical_json().

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/governance/audit_entry.hpp"
#include "migcmd/governance/audit_store.hpp"

namespace migcmd::governance {

struct AuditOptions {
  std::optional<std::string> hmac_key;  // keyed chain: HMAC-SHA256
  // "Now" for entries appended without a time; tests move it.
  std::function<std::chrono::system_clock::time_point()> clock;  // default: system_clock::now
  std::string host;          // default: this machine's host name
  int pid = 0;               // default: this process's id
  std::string tool_version;  // default: migcmd::library_version
};

struct AuditVerification {
  bool ok = true;
  std::int64_t entries = 0;  // how many entries were read
  std::optional<std::int64_t> first_bad_sequence;
  // What is wrong with the first bad entry: "entry 7 was edited", "entry 5 is missing
  // (deleted)", "entry 9 was inserted", "entries 3 and 4 are out of order"... Empty when ok.
  std::string problem;
};

class AuditLog {
 public:
  explicit AuditLog(std::unique_ptr<AuditStore> store, AuditOptions options = {});

  // Scrubs secrets from every text field (scrub_secrets), fills sequence, time, host, pid and
  // tool version, chains the entry to the last stored one and stores it. Returns what was stored.
  AuditEntry append(AuditEntry entry);

  // Reads the whole chain and reports the first edited, deleted, inserted or reordered entry.
  // A chain cannot show its newest entries deleted (what is left is sound): keep the newest
  // entry's hash somewhere else (`migcmd audit verify` prints it) to notice that.
  [[nodiscard]] AuditVerification verify();

  [[nodiscard]] std::vector<AuditEntry> entries(const AuditFilter& filter = {});

  [[nodiscard]] AuditStore& store() noexcept { return *store_; }
  [[nodiscard]] bool keyed() const noexcept { return options_.hmac_key.has_value(); }

 private:
  std::unique_ptr<AuditStore> store_;
  AuditOptions options_;
};

// The exact bytes that are hashed after previous_hash: a JSON object with, in this order,
// sequence, time, actor, action, result, environment, plan_checksum, target, message,
// duration_ms, host, pid, tool_version, details (an object, keys sorted bytewise) and
// previous_hash; no whitespace; strings escape only '"', '\\' and bytes below 0x20 (as \uXXXX,
// or \n \r \t \b \f); other bytes are copied as they are.
[[nodiscard]] std::string audit_canonical_json(const AuditEntry& entry);

// The hash of `entry` chained after entry.previous_hash: lowercase hex SHA-256, or HMAC-SHA256
// with `hmac_key`.
[[nodiscard]] std::string audit_entry_hash(const AuditEntry& entry,
                                           const std::optional<std::string>& hmac_key);

// Where a project's audit log lives when nothing else says: $MIGCMD_AUDIT if set, else
// ".migcmd/audit.db" relative to the working directory.
[[nodiscard]] std::filesystem::path default_audit_path();

// "The project's audit log": the SQLite store at `file` with the HMAC key, if any. The CLI and
// the migrator gate open the log through this; the key usually comes from $MIGCMD_AUDIT_KEY.
[[nodiscard]] AuditLog open_audit_log(const std::filesystem::path& file,
                                      std::optional<std::string> hmac_key = std::nullopt);

// $MIGCMD_AUDIT_KEY, or std::nullopt when unset or empty.
[[nodiscard]] std::optional<std::string> audit_key_from_environment();

// Parses "2026-11-21", "2026-11-21T14:05", "2026-11-21 14:05:09", "2026-11-21T14:05:09.123Z",
// "...+02:00" (an offset; no suffix means UTC). Throws Error(usage) naming the text otherwise.
[[nodiscard]] std::chrono::system_clock::time_point parse_audit_time(std::string_view text);
// "2026-11-21T14:05:09.123Z" (milliseconds, UTC): the form stored in AuditEntry::time.
[[nodiscard]] std::string format_audit_time(std::chrono::system_clock::time_point time);

}  // namespace migcmd::governance
