#pragma once
// The migrator: validates, plans and applies migrations exactly once under the database's lock,
// rolls them back, and reports. Works with any provider.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/migration_script.hpp"
#include "migcmd/migrator/events.hpp"
#include "migcmd/migrator/history.hpp"
#include "migcmd/migrator/run_gate.hpp"
#include "migcmd/provider.hpp"

namespace migcmd {

struct MigratorOptions {
  QualifiedName history_table{"migcmd_history"};
  std::chrono::milliseconds lock_wait{60'000};  // wait for another runner's lock
  LockScope lock_scope = LockScope::session;
  bool single_transaction = false;  // the whole run all-or-nothing (transactional DDL only)
  bool allow_out_of_order = false;  // apply pending versions older than the newest applied
  std::chrono::milliseconds statement_lock_timeout{10'000};  // 0: off
  int lock_timeout_retries = 3;  // retries of a migration whose statement timed out on a lock
  std::chrono::milliseconds retry_backoff{1'000};  // doubled after each retry
  std::string applied_by;                          // default: the OS user
  MigrationListener* listener = nullptr;
  // Governance: consulted before anything changes, told every event (see run_gate.hpp).
  RunGate* gate = nullptr;
};

// What `status` reports per migration.
enum class MigrationState {
  pending,
  applied,
  failed,        // recorded as failed: needs `up --resume` or `repair`
  rolled_back,   // applied once, then rolled back: pending again
  changed,       // applied, but its file changed since (checksum mismatch)
  missing,       // applied, but no longer among the migrations
  out_of_order,  // pending, older than the newest applied
  outdated,      // repeatable whose checksum changed: will be re-applied
};

[[nodiscard]] std::string_view to_string(MigrationState state) noexcept;

struct MigrationStatusEntry {
  std::string version;
  std::string name;
  std::string source;
  MigrationState state = MigrationState::pending;
  std::optional<HistoryRow> history;
  std::string checksum;  // of the migration as it is now (empty for a missing one)
};

struct ValidationIssue {
  std::string version;
  std::string source;
  std::string message;  // names the file and, for checksums, both values
};

struct RunResult {
  std::vector<std::string> applied;  // versions, in order
  std::vector<std::string> rolled_back;
  bool dry_run = false;
  // Dry runs: true when the statements ran in a transaction that was rolled back; false where DDL
  // cannot be rolled back (MySQL), so nothing was executed and dry_run_sql is only the plan.
  bool dry_run_executed = false;
  std::vector<std::string> dry_run_sql;  // what ran (then rolled back) or would run
};

struct UpOptions {
  std::optional<std::string> target;  // apply up to and including this version
  bool resume = false;                // continue a failed migration from its failed statement
  bool dry_run = false;
};

struct DownOptions {
  int steps = 1;                  // the last N applied migrations
  std::optional<std::string> to;  // roll back everything after this version
  bool batch = false;             // the last batch
  bool dry_run = false;
};

struct ScriptOptions {
  std::optional<std::string>
      from;                       // exclusive; default: what the database has applied (or nothing)
  std::optional<std::string> to;  // inclusive; default: the newest
  bool idempotent = false;        // guard each migration with a history check
  bool offline = false;           // do not read the database: script everything in range
};

class Migrator {
 public:
  Migrator(Connection& connection, const Provider& provider,
           std::vector<MigrationScript> migrations, MigratorOptions options = {});

  [[nodiscard]] std::vector<MigrationStatusEntry> status();
  // Everything wrong, without changing anything: changed files (both checksums), applied versions
  // without a file, duplicates, out-of-order pending versions, failed migrations.
  [[nodiscard]] std::vector<ValidationIssue> validate();

  // Validates, then applies pending migrations under the lock. Throws Error(validation_failed)
  // listing the issues and changing nothing; Error(lock_timeout) naming the holder;
  // Error(migration_failed) naming migration, statement and error after recording the failure.
  RunResult up(const UpOptions& options = {});
  RunResult down(const DownOptions& options = {});
  [[nodiscard]] std::string script(const ScriptOptions& options = {});

  // Re-records the checksums of changed applied migrations and removes failed rows.
  std::vector<std::string> repair();
  // Marks every migration up to and including `version` applied, without running it.
  std::vector<std::string> baseline(const std::string& version);

  [[nodiscard]] std::optional<LockInfo> lock_status();
  // Ends the session holding the lock and clears the lock-info row. Returns what was released.
  std::optional<LockInfo> force_release_lock();

  // Imports another tool's history ("dbmate", "flyway", "golang-migrate") so nothing re-runs.
  std::vector<std::string> adopt(const std::string& tool);

 private:
  Connection& connection_;
  const Provider& provider_;
  std::vector<MigrationScript> migrations_;
  MigratorOptions options_;
  // Passes events to both the listener and the gate, when there is a gate.
  std::unique_ptr<MigrationListener> fanout_;
};

// For applications: connects, applies whatever is pending under the lock, disconnects. Safe when
// many replicas start at once; when nothing is pending it costs about one query.
RunResult migrate_on_startup(const Provider& provider, std::string_view url,
                             const std::vector<MigrationScript>& migrations,
                             const MigratorOptions& options = {});

}  // namespace migcmd
