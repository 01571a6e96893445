// The migrator's tools besides up and down: script, repair, baseline, lock status and release,
// and adopting another tool's history.

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/error.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migcmd/version.hpp"
#include "migrator/migrator_internal.hpp"
#include "migrator/migrator_session.hpp"

namespace migcmd {
namespace {

bool is_pending(MigrationState s) {
  return s == MigrationState::pending || s == MigrationState::rolled_back ||
         s == MigrationState::out_of_order || s == MigrationState::outdated;
}

// A dollar-quote tag that does not occur in `text`.
std::string dollar_tag(const std::string& text) {
  std::string tag = "$migcmd$";
  for (int i = 0; text.find(tag) != std::string::npos; ++i) tag = fmt::format("$migcmd{}$", i);
  return tag;
}

HistoryRow applied_row(const MigrationScript& m, const std::string& kind, const std::string& by) {
  HistoryRow row;
  row.version = detail::history_key(m);
  row.name = m.name;
  row.kind = kind;
  row.source = m.source;
  row.checksum = m.checksum;
  row.down_checksum = m.down_checksum;
  row.applied_at = detail::utc_now();
  row.applied_by = by;
  row.status = MigrationStatus::applied;
  row.batch = 0;
  row.tool_version = library_version;
  return row;
}

bool truthy(const std::optional<std::string>& cell) {
  const std::string v = cell.value_or("");
  return v == "t" || v == "1" || v == "true" || v == "TRUE";
}

}  // namespace

std::string Migrator::script(const ScriptOptions& options) {
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  const Dialect& dialect = provider_.dialect();
  const bool history_exists = !options.offline && session.history().exists();
  const auto rows = history_exists ? session.read_history(false) : std::vector<HistoryRow>{};
  const auto entries = detail::compute_status(migrations_, rows, true);
  const bool sqlserver = dialect.name() == "sqlserver";
  const std::string end_of_statement = sqlserver ? "\nGO\n" : ";\n";

  if (options.idempotent && dialect.name() != "postgres" && !sqlserver) {
    throw Error(ErrorCode::usage,
                fmt::format("--idempotent needs procedural blocks to guard each migration, which "
                            "{} does not have",
                            dialect.name()),
                "apply the plain script once, or use `migcmd up`, which checks the history itself");
  }
  std::string out = fmt::format("-- migcmd {} script for {}, generated {} UTC\n", library_version,
                                dialect.name(), detail::utc_now());
  if (!history_exists) {
    out += "\n-- the history table\n";
    for (const auto& c : session.history().create_sql()) {
      std::string sql = c.sql;
      if (options.idempotent && sql.rfind("CREATE TABLE ", 0) == 0) {
        if (sqlserver) {
          sql = fmt::format("IF OBJECT_ID({}) IS NULL\n{}",
                            dialect.literal(sql.substr(13, sql.find(" (") - 13)), sql);
        } else {
          sql.insert(13, "IF NOT EXISTS ");
        }
      }
      out += sql + end_of_statement;
    }
  }
  int batch = 1;
  for (const auto& r : rows) batch = std::max(batch, r.batch + 1);
  std::size_t count = 0;
  for (std::size_t i = 0; i < migrations_.size(); ++i) {
    const MigrationScript& m = migrations_[i];
    bool selected;
    if (options.from || options.to || options.offline) {
      selected = m.kind == MigrationKind::versioned &&
                 (!options.from || compare_versions(m.version, *options.from) > 0) &&
                 (!options.to || compare_versions(m.version, *options.to) <= 0);
    } else {
      selected = is_pending(entries[i].state);
    }
    if (!selected) continue;
    ++count;
    Schema model = m.code ? detail::replay_code_migrations(migrations_, i) : Schema{};
    SqlCommands commands = detail::render_script(m, Direction::up, dialect, model);
    HistoryRow row =
        applied_row(m, m.kind == MigrationKind::repeatable ? "repeatable" : "versioned", "script");
    row.batch = batch;
    row.statements_done = row.statements_total = static_cast<int>(commands.size());
    const std::string record =
        entries[i].history ? session.history().update_sql(row) : session.history().insert_sql(row);
    out += fmt::format("\n-- {} ({})\n", m.display_name(), m.source);
    if (!options.idempotent) {
      for (const auto& c : commands) out += c.sql + end_of_statement;
      out += record + end_of_statement;
      continue;
    }
    const std::string guard =
        fmt::format("SELECT 1 FROM {} WHERE version = {} AND status = 'applied'",
                    dialect.quote_name(options_.history_table), dialect.literal(row.version));
    std::string body;
    for (const auto& c : commands) {
      if (c.placement != Placement::transaction) {
        throw Error(ErrorCode::usage,
                    fmt::format("{} cannot go in an idempotent script: `{}` must run outside a "
                                "transaction or block",
                                m.display_name(), c.sql));
      }
      body += sqlserver ? fmt::format("  EXEC({});\n", dialect.literal(c.sql))
                        : fmt::format("    EXECUTE {};\n", dialect.literal(c.sql));
    }
    if (sqlserver) {
      out += fmt::format("IF NOT EXISTS ({})\nBEGIN\n{}  {};\nEND\nGO\n", guard, body, record);
    } else {
      const std::string tag = dollar_tag(body + record);
      out += fmt::format(
          "DO {0}\nBEGIN\n  IF NOT EXISTS ({1}) THEN\n{2}    {3};\n  END IF;\nEND\n{0};\n", tag,
          guard, body, record);
    }
  }
  out += fmt::format("\n-- {} migration(s)\n", count);
  return out;
}

std::vector<std::string> Migrator::repair() {
  if (options_.gate) options_.gate->authorize_maintenance("repair", {});
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  (void)session.read_history(true);
  session.lock();
  const auto rows = session.read_history(true);
  std::vector<std::string> done;
  for (const auto& e : detail::compute_status(migrations_, rows, true)) {
    if (e.state == MigrationState::failed) {
      session.history().remove(e.history->version);
      done.push_back(fmt::format("cleared the failure of {} ({})", e.source, e.history->error));
    } else if (e.state == MigrationState::changed) {
      HistoryRow row = *e.history;
      row.checksum = e.checksum;
      session.history().update(row);
      done.push_back(fmt::format("re-recorded the checksum of {}: {} -> {}", e.source,
                                 e.history->checksum, e.checksum));
    }
  }
  session.commit();
  session.unlock();
  return done;
}

std::vector<std::string> Migrator::baseline(const std::string& target) {
  if (options_.gate) options_.gate->authorize_maintenance("baseline", {target});
  if (std::none_of(migrations_.begin(), migrations_.end(), [&](const MigrationScript& m) {
        return m.kind == MigrationKind::versioned && compare_versions(m.version, target) == 0;
      })) {
    throw Error(ErrorCode::usage, fmt::format("no migration has version {}", target));
  }
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  (void)session.read_history(true);
  session.lock();
  const auto rows = session.read_history(true);
  const auto entries = detail::compute_status(migrations_, rows, true);
  std::vector<std::string> done;
  for (std::size_t i = 0; i < migrations_.size(); ++i) {
    const MigrationScript& m = migrations_[i];
    if (m.kind != MigrationKind::versioned || compare_versions(m.version, target) > 0) continue;
    if (!is_pending(entries[i].state)) continue;
    HistoryRow row = applied_row(
        m, "baseline", options_.applied_by.empty() ? detail::os_user() : options_.applied_by);
    if (entries[i].history)
      session.history().update(row);
    else
      session.history().insert(row);
    done.push_back(m.display_name());
  }
  session.commit();
  session.unlock();
  return done;
}

std::optional<LockInfo> Migrator::lock_status() {
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  if (!session.history().exists()) return std::nullopt;
  auto info = session.history().lock_info();
  // The row may outlive a runner that was killed: the lock itself is the truth.
  try {
    auto probe =
        provider_.acquire_lock(connection_, {"migcmd:" + to_string(options_.history_table),
                                             std::chrono::milliseconds{0}, LockScope::session});
    probe->release();
    return std::nullopt;
  } catch (const Error& e) {
    if (e.code() != ErrorCode::lock_timeout) throw;
  }
  return info ? info : std::optional<LockInfo>(LockInfo{"unknown holder", {}, 0, {}, {}, {}});
}

std::optional<LockInfo> Migrator::force_release_lock() {
  if (options_.gate) options_.gate->authorize_maintenance("lock_release", {});
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  if (!session.history().exists()) return std::nullopt;
  auto info = session.history().lock_info();
  if (info && !info->session_id.empty() &&
      !provider_.terminate_session(connection_, info->session_id)) {
    throw Error(ErrorCode::usage,
                fmt::format("{} cannot end another session; the lock of {} ends with its process",
                            provider_.name(), info->holder));
  }
  session.history().clear_lock_info();
  return info;
}

std::vector<std::string> Migrator::adopt(const std::string& tool) {
  if (options_.gate) options_.gate->authorize_maintenance("adopt", {tool});
  std::vector<std::string> versions;  // what the other tool recorded as applied
  if (tool == "dbmate") {
    for (const auto& r : connection_.query("SELECT version FROM schema_migrations").rows) {
      versions.push_back(r.at(0).value_or(""));
    }
  } else if (tool == "golang-migrate") {
    auto rows = connection_.query("SELECT version, dirty FROM schema_migrations").rows;
    if (rows.empty()) return {};
    const std::string latest = rows.at(0).at(0).value_or("");
    if (truthy(rows.at(0).at(1))) {
      throw Error(ErrorCode::validation_failed,
                  fmt::format("golang-migrate left version {} dirty (it failed part way)", latest),
                  "repair the database and clear the flag with `migrate force` first");
    }
    // golang-migrate keeps only the latest version: everything up to it is applied.
    for (const auto& m : migrations_) {
      if (m.kind == MigrationKind::versioned && compare_versions(m.version, latest) <= 0) {
        versions.push_back(m.version);
      }
    }
  } else if (tool == "flyway") {
    for (const auto& r : connection_
                             .query("SELECT version, success, script FROM flyway_schema_history "
                                    "WHERE version IS NOT NULL")
                             .rows) {
      if (!truthy(r.at(1))) {
        throw Error(ErrorCode::validation_failed,
                    fmt::format("Flyway recorded {} as failed", r.at(2).value_or("?")),
                    "run `flyway repair` or fix the database first");
      }
      versions.push_back(r.at(0).value_or(""));
    }
  } else {
    throw Error(ErrorCode::usage, fmt::format("cannot adopt the history of \"{}\"", tool),
                "use dbmate, flyway or golang-migrate");
  }
  std::vector<std::string> unknown;
  for (const auto& v : versions) {
    if (std::none_of(migrations_.begin(), migrations_.end(), [&](const MigrationScript& m) {
          return m.kind == MigrationKind::versioned && compare_versions(m.version, v) == 0;
        })) {
      unknown.push_back(v);
    }
  }
  if (!unknown.empty()) {
    throw Error(ErrorCode::validation_failed,
                fmt::format("{} recorded version(s) {} that no migration here has; nothing was "
                            "adopted",
                            tool, fmt::join(unknown, ", ")),
                "point --dir at the directory those migrations came from");
  }
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  (void)session.read_history(true);
  session.lock();
  const auto rows = session.read_history(true);
  const auto entries = detail::compute_status(migrations_, rows, true);
  std::vector<std::string> done;
  for (std::size_t i = 0; i < migrations_.size(); ++i) {
    const MigrationScript& m = migrations_[i];
    if (m.kind != MigrationKind::versioned || !is_pending(entries[i].state)) continue;
    if (std::none_of(versions.begin(), versions.end(),
                     [&](const std::string& v) { return compare_versions(m.version, v) == 0; })) {
      continue;
    }
    HistoryRow row = applied_row(m, "versioned", "adopted from " + tool);
    if (entries[i].history)
      session.history().update(row);
    else
      session.history().insert(row);
    done.push_back(m.display_name());
  }
  session.commit();
  session.unlock();
  return done;
}

}  // namespace migcmd
