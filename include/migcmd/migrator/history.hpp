#pragma once
// The history table: one row per migration, holding what the migrator did with it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/schema/name.hpp"

namespace migcmd {

enum class MigrationStatus { applied, failed, rolled_back };

[[nodiscard]] std::string_view to_string(MigrationStatus status) noexcept;

struct HistoryRow {
  std::string version;  // the key: a version, or "R__<name>" for a repeatable migration
  std::string name;
  std::string kind;  // "versioned", "repeatable", "baseline"
  std::string source;
  std::string checksum;
  std::string down_checksum;
  std::string applied_at;  // UTC, "YYYY-MM-DD HH:MM:SS"
  std::string applied_by;
  std::int64_t execution_ms = 0;
  MigrationStatus status = MigrationStatus::applied;
  int batch = 0;  // migrations applied by one run share a batch number
  std::string error;
  int statements_done = 0;  // for resuming a migration that failed part way (no transactional DDL)
  int statements_total = 0;
  std::string tool_version;
};

// Who holds the migration lock, written by the holder so that a waiting runner can say.
struct LockInfo {
  std::string holder;  // "host:pid"
  std::string host;
  std::int64_t pid = 0;
  std::string user;
  std::string since;
  std::string session_id;  // the database's id of the holding session
};

// Reads and writes the history table (and its lock-info companion "<name>_lock") through any
// dialect: the tables are described in the schema model and rendered by the dialect, values are
// written as escaped literals.
class HistoryStore {
 public:
  HistoryStore(Connection& connection, const Dialect& dialect, QualifiedName table);

  [[nodiscard]] const QualifiedName& table() const noexcept { return table_; }
  [[nodiscard]] QualifiedName lock_table() const;

  [[nodiscard]] bool exists();
  // Creates both tables when missing. Safe when several processes do it at once: a failed
  // CREATE is ignored when the table exists afterwards.
  void ensure();
  [[nodiscard]] std::vector<HistoryRow> rows();  // ordered by applied_at, then version
  // Only what deciding whether anything is pending needs (version, kind, checksum, status,
  // statements_done; the other fields empty), in no particular order: a third of the columns
  // for the start-up check of an application with a long history.
  [[nodiscard]] std::vector<HistoryRow> planning_rows();
  void insert(const HistoryRow& row);
  void update(const HistoryRow& row);  // by version
  void remove(const std::string& version);

  // The statements insert()/update() run, for `script` output.
  [[nodiscard]] std::string insert_sql(const HistoryRow& row) const;
  [[nodiscard]] std::string update_sql(const HistoryRow& row) const;
  [[nodiscard]] std::string delete_sql(const std::string& version) const;
  [[nodiscard]] SqlCommands create_sql() const { return create_sql(dialect_, table_); }
  // The DDL of the history table `table` and its lock-info table in `dialect`.
  [[nodiscard]] static SqlCommands create_sql(const Dialect& dialect, const QualifiedName& table);

  [[nodiscard]] std::optional<LockInfo> lock_info();
  void write_lock_info(const LockInfo& info);
  void clear_lock_info();

 private:
  bool table_exists(const QualifiedName& name);

  Connection& connection_;
  const Dialect& dialect_;
  QualifiedName table_;
};

}  // namespace migcmd
