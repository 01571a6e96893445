#include "governance_audit/audit_test_support.hpp"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdlib>

namespace audit_test {

using migcmd::governance::AuditEntry;

AuditEntry MemoryStore::append(
    const std::function<AuditEntry(const std::optional<AuditEntry>&)>& make) {
  std::optional<AuditEntry> last;
  if (!rows_->empty()) last = rows_->back();
  rows_->push_back(make(last));
  return rows_->back();
}

std::vector<AuditEntry> MemoryStore::read(const migcmd::governance::AuditFilter& filter) {
  std::vector<AuditEntry> out;
  for (const auto& e : *rows_) {
    if (filter.since && e.time < migcmd::governance::format_audit_time(*filter.since)) continue;
    if (filter.until && e.time >= migcmd::governance::format_audit_time(*filter.until)) continue;
    if (!filter.environment.empty() && e.environment != filter.environment) continue;
    if (!filter.actor.empty() && e.actor != filter.actor) continue;
    if (!filter.action.empty() && e.action != filter.action) continue;
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [](const AuditEntry& a, const AuditEntry& b) {
    return a.sequence < b.sequence;
  });
  if (filter.newest_first) std::reverse(out.begin(), out.end());
  if (filter.limit && static_cast<std::int64_t>(out.size()) > *filter.limit) {
    out.resize(static_cast<std::size_t>(*filter.limit));
  }
  return out;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "migcmd-audit-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

AuditEntry entry(const std::string& actor, const std::string& action, int n,
                 const std::string& environment) {
  AuditEntry e;
  e.actor = actor;
  e.action = action;
  e.result = "succeeded";
  e.environment = environment;
  e.target = "V" + std::to_string(n);
  e.message = "step " + std::to_string(n);
  e.duration_ms = n;
  return e;
}

std::chrono::system_clock::time_point at_minute(int minutes) {
  return migcmd::governance::parse_audit_time("2026-11-21T10:00:00Z") +
         std::chrono::minutes(minutes);
}

std::string server_url(const char* variable, const char* fallback) {
  const char* value = std::getenv(variable);
  return value != nullptr && *value != '\0' ? value : fallback;
}

}  // namespace audit_test
