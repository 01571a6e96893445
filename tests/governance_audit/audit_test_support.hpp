#pragma once
// Shared by the audit tests: an in-memory store to tamper with, a temporary folder, entries.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "migcmd/governance/audit.hpp"

namespace audit_test {

// Entries kept in a vector the test can edit freely (shared with the test through `rows`).
class MemoryStore final : public migcmd::governance::AuditStore {
 public:
  explicit MemoryStore(std::shared_ptr<std::vector<migcmd::governance::AuditEntry>> rows)
      : rows_(std::move(rows)) {}
  migcmd::governance::AuditEntry append(
      const std::function<migcmd::governance::AuditEntry(
          const std::optional<migcmd::governance::AuditEntry>&)>& make) override;
  std::vector<migcmd::governance::AuditEntry> read(
      const migcmd::governance::AuditFilter& filter) override;
  [[nodiscard]] std::string describe() const override { return "memory"; }

 private:
  std::shared_ptr<std::vector<migcmd::governance::AuditEntry>> rows_;
};

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// An entry for `actor` doing `action`, numbered in its message.
migcmd::governance::AuditEntry entry(const std::string& actor, const std::string& action, int n,
                                     const std::string& environment = "production");

// A fixed clock: 2026-11-21T10:00:00Z plus `minutes`.
std::chrono::system_clock::time_point at_minute(int minutes);

// $`variable`, else `fallback` (the URL tools/dev/dbs.sh gives).
std::string server_url(const char* variable, const char* fallback);

}  // namespace audit_test
