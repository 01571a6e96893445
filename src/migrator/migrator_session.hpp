#pragma once
// One use of the migrator against a database (internal): history access, the lock, and running
// planned steps with the transaction rules of the database.

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "migcmd/migrator/migrator.hpp"

namespace migcmd::detail {

[[nodiscard]] std::vector<MigrationStatusEntry> compute_status(
    const std::vector<MigrationScript>& migrations, const std::vector<HistoryRow>& rows,
    bool allow_out_of_order);
[[nodiscard]] std::vector<ValidationIssue> issues_of(
    const std::vector<MigrationStatusEntry>& entries,
    const std::vector<MigrationScript>& migrations);

// Error(validation_failed) listing every issue, one per line.
[[noreturn]] void throw_validation_failed(const std::vector<ValidationIssue>& issues);

struct Step {
  const MigrationScript* migration = nullptr;
  std::size_t index = 0;  // in the plan order of all migrations (for the model replay)
  Direction direction = Direction::up;
  int first_statement = 0;             // > 0 when resuming a partly applied migration
  std::optional<HistoryRow> previous;  // its history row before this run, if any
};

class MigratorSession {
 public:
  MigratorSession(Connection& connection, const Provider& provider,
                  const std::vector<MigrationScript>& migrations, const MigratorOptions& options);
  ~MigratorSession();

  // The history rows; with `create`, the tables are created first when missing. Without it, a
  // missing table reads as no rows. Costs one query when the table exists.
  [[nodiscard]] std::vector<HistoryRow> read_history(bool create);
  // The same, with only the columns planning needs (HistoryStore::planning_rows), creating the
  // tables when missing: the check before the lock.
  [[nodiscard]] std::vector<HistoryRow> read_planning_history();

  // Takes the migration lock (session scope; telling the listener who holds it while waiting)
  // and records who holds it. Transaction-scoped locks are taken per step instead.
  void lock();
  // Releases the lock. Where the lock is a transaction (SQLite) what was written under it is
  // kept only after commit(); unlock() alone undoes it.
  void commit();
  void unlock() noexcept;

  // Runs the steps in order; returns the keys of the migrations done. Throws
  // Error(migration_failed) after recording the failure.
  std::vector<std::string> run(const std::vector<Step>& steps, int batch, bool dry_run,
                               std::vector<std::string>* dry_run_sql);

  HistoryStore& history() noexcept { return history_; }

 private:
  // `durable`: false lets the COMMIT return before it is on disk (Provider::deferred_commit_sql),
  // for every step but a run's last.
  void run_step_transactional(const Step& step, const SqlCommands& commands, int batch,
                              bool dry_run, bool durable);
  void run_step_statements(const Step& step, const SqlCommands& commands, int batch);
  // Runs body statements [from, to) (counting only statements that run in the body).
  void execute_body(const Step& step, const SqlCommands& commands, int from,
                    int to = std::numeric_limits<int>::max());
  void record_success(const Step& step, const SqlCommands& commands, int batch,
                      std::chrono::milliseconds elapsed);
  HistoryRow record_failure(const Step& step, const SqlCommands& commands, int batch, int statement,
                            int statements_done, const std::string& error);
  [[noreturn]] void fail(const Step& step, const SqlCommands& commands, int statement,
                         const std::string& error, bool rolled_back);
  bool is_lock_timeout(const std::exception_ptr& error) const;
  // With a transaction-scoped lock another runner may have done `step` while this one waited for
  // the lock: true when the history row no longer is what the plan saw.
  bool done_meanwhile(const Step& step);

  Connection& connection_;
  const Provider& provider_;
  const std::vector<MigrationScript>& migrations_;
  const MigratorOptions& options_;
  HistoryStore history_;
  std::unique_ptr<MigrationLock> lock_;
  bool in_lock_transaction_ = false;  // the lock is an open transaction (SQLite)
  int last_statement_ = 0;            // index of the statement execute_body ran last
};

}  // namespace migcmd::detail
