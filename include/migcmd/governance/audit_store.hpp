#pragma once
// Where audit entries are kept: an embedded SQLite file by default, or a table of a chosen
// database. A store only keeps rows; the chain (hashes) is AuditLog's business.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/connection.hpp"
#include "migcmd/governance/audit_entry.hpp"
#include "migcmd/provider.hpp"
#include "migcmd/schema/name.hpp"

namespace migcmd::governance {

// Which entries to read. Empty fields match everything; all given fields must match.
struct AuditFilter {
  std::optional<std::chrono::system_clock::time_point> since;  // time >= since
  std::optional<std::chrono::system_clock::time_point> until;  // time < until
  std::string environment;
  std::string actor;
  std::string action;
  std::optional<std::int64_t> limit;  // at most this many (the newest when newest_first)
  bool newest_first = false;          // default: oldest (sequence 1) first
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // Under the store's own exclusive lock (so that concurrent processes chain correctly): reads
  // the last stored entry (std::nullopt when the store is empty), calls `make` with it, stores
  // the entry `make` returns and returns it. Nothing is stored when `make` throws.
  virtual AuditEntry append(
      const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& make) = 0;

  // Entries matching `filter`, in sequence order (see AuditFilter::newest_first).
  [[nodiscard]] virtual std::vector<AuditEntry> read(const AuditFilter& filter = {}) = 0;

  // For messages: "audit file .migcmd/audit.db", "audit table audit.events on postgres://...".
  [[nodiscard]] virtual std::string describe() const = 0;
};

// The default store: table `migcmd_audit` in the SQLite file `file`, both created when missing
// (with the file's parent directories). Appends run in BEGIN IMMEDIATE transactions.
[[nodiscard]] std::unique_ptr<AuditStore> open_sqlite_audit_store(
    const std::filesystem::path& file);

// Table `table` of the database behind `connection` (created when missing, through the
// provider's dialect). Appends hold the provider's migration lock, keyed on the table's name, so
// concurrent writers on any database serialise; the table's primary key on `sequence` backs it
// up. `provider` must outlive the store.
[[nodiscard]] std::unique_ptr<AuditStore> open_table_audit_store(
    std::unique_ptr<Connection> connection, const Provider& provider, QualifiedName table);

}  // namespace migcmd::governance
