// Audit entries as rows of one table, in any database a provider knows. The SQLite file store is
// this same store on a SQLite connection.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <limits>
#include <string>
#include <thread>

#include "audit_json.hpp"
#include "migcmd/error.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/audit_store.hpp"
#include "migcmd/operations.hpp"
#include "migcmd/providers/sqlite.hpp"
#include "migcmd/schema.hpp"

namespace migcmd::governance {
namespace {

constexpr std::chrono::milliseconds lock_timeout{60'000};
constexpr const char* columns =
    "sequence, time, actor, action, result, environment, plan_checksum, target, message, "
    "duration_ms, host, pid, tool_version, details, previous_hash, hash";

Table audit_table_definition(const QualifiedName& name) {
  Table t;
  t.name = name;
  // Text columns are unbounded: a failed migration's message may quote a long statement.
  t.columns = {
      {"sequence", Type::int64(), false},
      {"time", Type::string(30), false},
      {"actor", Type::text(), false},
      {"action", Type::text(), false},
      {"result", Type::text(), false},
      {"environment", Type::text(), false},
      {"plan_checksum", Type::text(), false},
      {"target", Type::text(), false},
      {"message", Type::text(), false},
      {"duration_ms", Type::int64(), false},
      {"host", Type::text(), false},
      {"pid", Type::int64(), false},
      {"tool_version", Type::text(), false},
      {"details", Type::text(), false},
      {"previous_hash", Type::string(64), false},
      {"hash", Type::string(64), false},
  };
  // A second writer that somehow skipped the lock fails here instead of forking the chain.
  t.primary_key = PrimaryKey{"pk_" + name.name, {"sequence"}};
  return t;
}

std::map<std::string, std::string> details_from(const std::string& text) {
  if (text.empty()) return {};
  std::map<std::string, std::string> out;
  try {
    const auto json = nlohmann::json::parse(text);
    for (const auto& [key, value] : json.items()) {
      out[key] = value.is_string() ? value.get<std::string>() : value.dump();
    }
  } catch (const nlohmann::json::exception&) {
    // Kept as it is, so that verify reports the entry as edited rather than failing to read.
    out["(unreadable details)"] = text;
  }
  return out;
}

class TableAuditStore final : public AuditStore {
 public:
  TableAuditStore(std::unique_ptr<Connection> connection, const Provider& provider,
                  QualifiedName table, std::string description)
      : connection_(std::move(connection)),
        provider_(provider),
        table_(std::move(table)),
        quoted_(provider_.dialect().quote_name(table_)),
        description_(std::move(description)) {
    ensure_table();
  }

  AuditEntry append(
      const std::function<AuditEntry(const std::optional<AuditEntry>& last)>& make) override {
    Connection& c = *connection_;
    const LockOptions options{"migcmd_audit " + to_string(table_), lock_timeout,
                              LockScope::session};
    // SQLite's lock is the BEGIN IMMEDIATE transaction itself; PostgreSQL's advisory lock can
    // live in the transaction; MySQL's GET_LOCK is held around it.
    const bool lock_is_transaction = provider_.lock_is_transaction();
    const bool lock_in_transaction =
        !lock_is_transaction && provider_.supports(LockScope::transaction);
    std::unique_ptr<MigrationLock> lock;
    if (lock_in_transaction) {
      c.begin();
      try {
        lock = provider_.acquire_lock(c, {options.name, options.timeout, LockScope::transaction});
      } catch (...) {
        rollback_quietly();
        throw;
      }
    } else {
      lock = provider_.acquire_lock(c, options);
      if (!lock_is_transaction) c.begin();
    }
    try {
      AuditEntry entry = make(last_entry());
      c.execute(insert_sql(entry));
      if (lock_is_transaction) {
        c.execute("COMMIT");
      } else {
        c.commit();
      }
      lock->release();
      return entry;
    } catch (...) {
      if (!lock_is_transaction) rollback_quietly();
      lock.reset();  // SQLite: its release rolls the open transaction back
      throw;
    }
  }

  std::vector<AuditEntry> read(const AuditFilter& filter) override {
    std::vector<std::string> where;
    auto lit = [&](const std::string& s) { return provider_.dialect().literal(Value{s}); };
    if (filter.since) where.push_back("time >= " + lit(format_audit_time(*filter.since)));
    if (filter.until) where.push_back("time < " + lit(format_audit_time(*filter.until)));
    if (!filter.environment.empty()) where.push_back("environment = " + lit(filter.environment));
    if (!filter.actor.empty()) where.push_back("actor = " + lit(filter.actor));
    if (!filter.action.empty()) where.push_back("action = " + lit(filter.action));
    // A case-insensitive collation (MySQL's default) matches more rows than asked: those are
    // dropped below, so the database may only limit when no text is compared.
    const bool text_filter =
        !filter.environment.empty() || !filter.actor.empty() || !filter.action.empty();
    std::string sql = fmt::format("SELECT {} FROM {}", columns, quoted_);
    if (!where.empty()) sql += " WHERE " + fmt::format("{}", fmt::join(where, " AND "));
    sql += filter.newest_first ? " ORDER BY sequence DESC" : " ORDER BY sequence";
    const bool sql_limit = filter.limit && !text_filter;
    if (sql_limit) sql = limited(sql, *filter.limit);
    std::vector<AuditEntry> out;
    for (const Row& row : connection_->query(sql).rows) {
      AuditEntry entry = entry_from(row);
      if (!filter.environment.empty() && entry.environment != filter.environment) continue;
      if (!filter.actor.empty() && entry.actor != filter.actor) continue;
      if (!filter.action.empty() && entry.action != filter.action) continue;
      out.push_back(std::move(entry));
      if (filter.limit && static_cast<std::int64_t>(out.size()) >= *filter.limit) break;
    }
    if (filter.limit && *filter.limit <= 0) out.clear();
    return out;
  }

  [[nodiscard]] std::string describe() const override { return description_; }

 private:
  void rollback_quietly() noexcept {
    try {
      connection_->rollback();
    } catch (...) {
    }
  }

  bool table_exists() {
    try {
      (void)connection_->query(fmt::format("SELECT 1 FROM {} WHERE 1 = 0", quoted_));
      return true;
    } catch (const DatabaseError&) {
      return false;
    }
  }

  // Several processes may create the table at once: a CREATE that fails is fine when the table
  // exists afterwards.
  void ensure_table() {
    if (table_exists()) return;
    const Dialect& dialect = provider_.dialect();
    OperationList ops;
    if (!table_.schema.empty() && dialect.capabilities().schemas) {
      ops.push_back(EnsureSchema{table_.schema});
    }
    ops.push_back(CreateTable{audit_table_definition(table_)});
    try {
      for (const auto& command : dialect.generate(ops)) connection_->execute(command.sql);
    } catch (const DatabaseError&) {
      if (!table_exists()) throw;
    }
  }

  std::string limited(const std::string& sql, std::int64_t limit) const {
    const std::int64_t n = std::max<std::int64_t>(limit, 0);
    if (provider_.dialect().name() == "sqlserver") {
      return fmt::format("{} OFFSET 0 ROWS FETCH NEXT {} ROWS ONLY", sql, n);
    }
    return fmt::format("{} LIMIT {}", sql, n);
  }

  std::optional<AuditEntry> last_entry() {
    const QueryResult result = connection_->query(
        fmt::format("SELECT {} FROM {} WHERE sequence = (SELECT MAX(sequence) FROM {})", columns,
                    quoted_, quoted_));
    if (result.rows.empty()) return std::nullopt;
    return entry_from(result.rows.front());
  }

  static AuditEntry entry_from(const Row& r) {
    auto text = [&](std::size_t i) { return r.at(i).value_or(""); };
    // A cell edited into something that is not a number reads as -1: verify then reports the
    // entry, instead of the read failing.
    auto number = [&](std::size_t i) -> std::int64_t {
      const std::string t = text(i);
      std::int64_t value = -1;
      const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
      return ec == std::errc{} && end == t.data() + t.size() ? value : -1;
    };
    AuditEntry e;
    e.sequence = number(0);
    e.time = text(1);
    e.actor = text(2);
    e.action = text(3);
    e.result = text(4);
    e.environment = text(5);
    e.plan_checksum = text(6);
    e.target = text(7);
    e.message = text(8);
    e.duration_ms = number(9);
    e.host = text(10);
    const std::int64_t pid = number(11);
    e.pid = pid >= std::numeric_limits<int>::min() && pid <= std::numeric_limits<int>::max()
                ? static_cast<int>(pid)
                : -1;
    e.tool_version = text(12);
    e.details = details_from(text(13));
    e.previous_hash = text(14);
    e.hash = text(15);
    return e;
  }

  std::string insert_sql(const AuditEntry& e) const {
    auto lit = [&](const Value& v) { return provider_.dialect().literal(v); };
    auto num = [&](std::int64_t v) { return lit(Value{static_cast<long long>(v)}); };
    return fmt::format(
        "INSERT INTO {} ({}) VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, "
        "{})",
        quoted_, columns, num(e.sequence), lit(e.time), lit(e.actor), lit(e.action), lit(e.result),
        lit(e.environment), lit(e.plan_checksum), lit(e.target), lit(e.message), num(e.duration_ms),
        lit(e.host), num(e.pid), lit(e.tool_version), lit(details_json(e.details)),
        lit(e.previous_hash), lit(e.hash));
  }

  std::unique_ptr<Connection> connection_;
  const Provider& provider_;
  QualifiedName table_;
  std::string quoted_;
  std::string description_;
};

// Several processes opening a new audit file at once all try to switch it to WAL, which takes an
// exclusive lock; SQLite can report that busy at once, without calling the busy handler, so the
// switch is retried (with a growing pause) for as long as the busy timeout would have waited.
void switch_to_wal(Connection& connection, const Provider& provider) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(60);
  std::chrono::milliseconds pause{5};
  for (;;) {
    try {
      (void)connection.query("PRAGMA journal_mode = WAL");
      return;
    } catch (const DatabaseError& e) {
      if (!provider.is_lock_timeout(e) || Clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(200));
  }
}

}  // namespace

std::unique_ptr<AuditStore> open_table_audit_store(std::unique_ptr<Connection> connection,
                                                   const Provider& provider, QualifiedName table) {
  if (!connection) throw Error(ErrorCode::usage, "open_table_audit_store needs a connection");
  if (table.name.empty()) throw Error(ErrorCode::usage, "the audit table needs a name");
  std::string description =
      fmt::format("audit table {} on {}", to_string(table), connection->redacted_url());
  return std::make_unique<TableAuditStore>(std::move(connection), provider, std::move(table),
                                           std::move(description));
}

std::unique_ptr<AuditStore> open_sqlite_audit_store(const std::filesystem::path& file) {
  static const std::shared_ptr<const Provider> provider = sqlite::make_provider();
  try {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  } catch (const std::filesystem::filesystem_error& e) {
    throw Error(ErrorCode::io_error,
                fmt::format("cannot create the folder of the audit file {}: {}", file.string(),
                            e.code().message()));
  }
  auto connection = sqlite::connect("sqlite:" + file.string());
  // Readers and the table's creation wait for a writer instead of failing; WAL lets readers go
  // on while one appends.
  connection->execute("PRAGMA busy_timeout = 60000");
  switch_to_wal(*connection, *provider);
  return std::make_unique<TableAuditStore>(std::move(connection), *provider,
                                           QualifiedName{"migcmd_audit"},
                                           fmt::format("audit file {}", file.string()));
}

}  // namespace migcmd::governance
