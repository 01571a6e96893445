// up and down: plan from the history, validate, take the lock, plan again under it (another runner
// may have done the work meanwhile), run.

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include "migcmd/error.hpp"
#include "migcmd/migrator/migrator.hpp"

#include "migrator/fanout_listener.hpp"
#include "migrator/migrator_internal.hpp"
#include "migrator/migrator_session.hpp"

namespace migcmd {
namespace {

int next_batch(const std::vector<HistoryRow>& rows) {
  int batch = 0;
  for (const auto& r : rows) batch = std::max(batch, r.batch);
  return batch + 1;
}

const MigrationScript* find_version(const std::vector<MigrationScript>& migrations,
                                    const std::string& key) {
  for (const auto& m : migrations) {
    if (detail::history_key(m) == key) return &m;
    if (m.kind == MigrationKind::versioned && compare_versions(m.version, key) == 0) return &m;
  }
  return nullptr;
}

}  // namespace

Migrator::Migrator(Connection& connection, const Provider& provider,
                   std::vector<MigrationScript> migrations, MigratorOptions options)
    : connection_(connection),
      provider_(provider),
      migrations_(std::move(migrations)),
      options_(std::move(options)) {
  sort_migrations(migrations_);
  if (options_.gate) {
    fanout_ = std::make_unique<detail::FanoutListener>(options_.listener, options_.gate);
    options_.listener = fanout_.get();
  }
}

namespace {

// The steps `up` would run given the history, after validating. Throws validation_failed.
// Before the lock (`under_lock` false) a migration recorded as failed may be one another runner
// is applying right now (its progress row says "failed" until it finishes): it only sends this
// runner to the lock, and the verdict is made under it.
std::vector<detail::Step> plan_up(const std::vector<MigrationScript>& migrations,
                                  const std::vector<HistoryRow>& rows, const UpOptions& up,
                                  const MigratorOptions& options, bool transactional_ddl,
                                  bool under_lock) {
  auto entries = detail::compute_status(migrations, rows, options.allow_out_of_order);
  auto issues = detail::issues_of(entries, migrations);
  if (up.resume || !under_lock) {
    std::erase_if(issues, [&](const ValidationIssue& issue) {
      auto it = std::find_if(entries.begin(), entries.end(), [&](const MigrationStatusEntry& e) {
        return e.version == issue.version && e.state == MigrationState::failed;
      });
      return it != entries.end();
    });
  }
  if (!issues.empty()) detail::throw_validation_failed(issues);

  std::vector<detail::Step> steps;
  bool past_target = false;
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    const MigrationScript& m = migrations[i];
    const MigrationStatusEntry& e = entries[i];
    if (m.kind == MigrationKind::versioned && up.target &&
        compare_versions(m.version, *up.target) > 0) {
      past_target = true;
    }
    if (past_target) continue;  // repeatables too: they follow the versions they depend on
    const bool todo = e.state == MigrationState::pending ||
                      e.state == MigrationState::rolled_back ||
                      e.state == MigrationState::out_of_order ||
                      e.state == MigrationState::outdated || e.state == MigrationState::failed;
    if (!todo) continue;
    detail::Step step{&m, i, Direction::up, 0, e.history};
    if (e.state == MigrationState::failed && e.history->statements_done > 0) {
      if (e.history->checksum != m.checksum) {
        throw Error(ErrorCode::validation_failed,
                    fmt::format("{} changed since it failed; it cannot be resumed", m.source),
                    "run `migcmd repair` to clear the failure, then `migcmd up`");
      }
      // Where DDL commits at once, the statements before the failure are in the database.
      if (!transactional_ddl || !m.metadata.transactional) {
        step.first_statement = e.history->statements_done;
      }
    }
    steps.push_back(std::move(step));
  }
  if (up.target && !find_version(migrations, *up.target)) {
    throw Error(ErrorCode::usage, fmt::format("no migration has version {}", *up.target));
  }
  return steps;
}

// The steps `down` would run: applied versions, newest first.
std::vector<detail::Step> plan_down(const std::vector<MigrationScript>& migrations,
                                    const std::vector<HistoryRow>& rows, const DownOptions& down) {
  for (const auto& r : rows) {
    if (r.status == MigrationStatus::failed) {
      throw Error(ErrorCode::validation_failed,
                  fmt::format("{} is recorded as failed: {}", r.source, r.error),
                  "finish it with `migcmd up --resume` or clear it with `migcmd repair` first");
    }
  }
  std::vector<const HistoryRow*> applied;
  for (const auto& r : rows) {
    if (r.status == MigrationStatus::applied && r.kind != "repeatable") applied.push_back(&r);
  }
  std::sort(applied.begin(), applied.end(), [](const HistoryRow* a, const HistoryRow* b) {
    return compare_versions(a->version, b->version) > 0;
  });
  std::vector<const HistoryRow*> chosen;
  if (down.to) {
    if (!find_version(migrations, *down.to) &&
        std::none_of(applied.begin(), applied.end(), [&](const HistoryRow* r) {
          return compare_versions(r->version, *down.to) == 0;
        })) {
      throw Error(ErrorCode::usage, fmt::format("no migration has version {}", *down.to));
    }
    for (const auto* r : applied) {
      if (compare_versions(r->version, *down.to) > 0) chosen.push_back(r);
    }
  } else if (down.batch) {
    int last = 0;
    for (const auto* r : applied) last = std::max(last, r->batch);
    for (const auto* r : applied) {
      if (r->batch == last) chosen.push_back(r);
    }
  } else {
    for (std::size_t i = 0; i < applied.size() && static_cast<int>(i) < down.steps; ++i) {
      chosen.push_back(applied[i]);
    }
  }
  std::vector<detail::Step> steps;
  for (const auto* r : chosen) {
    const MigrationScript* m = find_version(migrations, r->version);
    if (!m) {
      throw Error(ErrorCode::validation_failed,
                  fmt::format("cannot roll back version {} ({}): no migration has it any more",
                              r->version, r->source),
                  "restore its file to roll it back");
    }
    const auto index = static_cast<std::size_t>(m - migrations.data());
    steps.push_back({m, index, Direction::down, 0, *r});
  }
  return steps;
}

// SQLite's before-transaction commands (PRAGMA foreign_keys = OFF) must run before the lock's
// transaction begins: they are collected from the plan and run first.
std::set<std::string> run_before_commands(Connection& connection, const Dialect& dialect,
                                          const std::vector<MigrationScript>& migrations,
                                          const std::vector<detail::Step>& steps) {
  std::set<std::string> ran;
  for (const auto& step : steps) {
    Schema model =
        step.migration->code ? detail::replay_code_migrations(migrations, step.index) : Schema{};
    for (const auto& c : detail::render_script(*step.migration, step.direction, dialect, model)) {
      if (c.placement == Placement::before_transaction && ran.insert(c.sql).second) {
        connection.execute(c.sql);
      }
    }
  }
  return ran;
}

// `steps` were planned before the lock; `plan(rows, under_lock)` gives the steps for a history.
template <typename PlanFn>
RunResult run_locked(detail::MigratorSession& session, Connection& connection,
                     const Provider& provider, const std::vector<MigrationScript>& migrations,
                     const MigratorOptions& options, bool dry_run, std::vector<detail::Step> steps,
                     PlanFn&& plan) {
  RunResult result;
  result.dry_run = dry_run;
  result.dry_run_executed = dry_run && provider.transactional_ddl();
  if (steps.empty()) return result;  // the common case at start-up: one query, no lock

  std::set<std::string> before;
  if (provider.lock_is_transaction()) {
    before = run_before_commands(connection, provider.dialect(), migrations, steps);
  }
  session.lock();
  auto rows = session.read_history(true);
  steps = plan(rows, true);  // another runner may have applied some meanwhile
  if (provider.lock_is_transaction() && !steps.empty()) {
    // The plan can only shrink under the lock; if it needs a session setting not made, it changed
    // in a way this run cannot handle safely.
    for (const auto& step : steps) {
      Schema model =
          step.migration->code ? detail::replay_code_migrations(migrations, step.index) : Schema{};
      for (const auto& c :
           detail::render_script(*step.migration, step.direction, provider.dialect(), model)) {
        if (c.placement == Placement::before_transaction && !before.count(c.sql)) {
          throw Error(ErrorCode::internal,
                      "the plan changed while waiting for the lock; run the command again");
        }
      }
    }
  }
  Plan shown;
  for (const auto& s : steps) {
    PlannedStep planned;
    planned.migration = s.migration;
    planned.direction = s.direction;
    planned.resume = s.first_statement > 0;
    planned.first_statement = s.first_statement;
    shown.steps.push_back(planned);
  }
  shown.dry_run = dry_run;
  if (options.gate && !steps.empty()) options.gate->authorize(shown);  // throws to refuse
  if (options.listener) options.listener->plan_ready(shown);
  std::vector<std::string> done;
  try {
    done = session.run(steps, next_batch(rows), dry_run, dry_run ? &result.dry_run_sql : nullptr);
  } catch (const std::exception& e) {
    if (options.gate && !steps.empty()) options.gate->run_finished(shown, {}, e.what());
    throw;
  }
  session.unlock();
  if (dry_run) {  // what would have been done, whether or not it could be tried
    done.clear();
    for (const auto& s : steps) done.push_back(detail::history_key(*s.migration));
  }
  if (options.gate && !steps.empty()) options.gate->run_finished(shown, done, "");
  (steps.empty() || steps.front().direction == Direction::up ? result.applied
                                                             : result.rolled_back) =
      std::move(done);
  return result;
}

// The start-up answer without building a status entry per migration: each migration has its
// row, applied with the same checksum (or marked by a baseline), and the history has no other
// row. Anything else (versions written differently, "0002" for "2"; declared dependencies) goes
// to the plan.
bool all_applied(const std::vector<MigrationScript>& migrations,
                 const std::vector<HistoryRow>& rows) {
  if (rows.size() != migrations.size()) return false;
  std::unordered_map<std::string_view, const HistoryRow*> by_key;
  by_key.reserve(rows.size());
  for (const auto& row : rows) by_key.emplace(row.version, &row);
  std::string repeatable_key;
  for (const auto& m : migrations) {
    if (!m.metadata.dependencies.empty()) return false;  // the plan checks them
    std::string_view key = m.version;
    if (m.kind == MigrationKind::repeatable) key = repeatable_key = detail::history_key(m);
    const auto it = by_key.find(key);
    if (it == by_key.end()) return false;
    const HistoryRow& row = *it->second;
    if (row.status != MigrationStatus::applied) return false;
    if (row.kind != "baseline" && row.checksum != m.checksum) return false;
  }
  return true;
}

// up's plan before the lock, from the planning columns of the history only; a refusal is planned
// again from whole rows, for its message.
std::vector<detail::Step> plan_up_before_lock(detail::MigratorSession& session,
                                              const std::vector<MigrationScript>& migrations,
                                              const UpOptions& up, const MigratorOptions& options,
                                              bool transactional_ddl) {
  try {
    auto rows = session.read_planning_history();
    if (!up.target && all_applied(migrations, rows)) return {};
    return plan_up(migrations, rows, up, options, transactional_ddl, false);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::validation_failed) throw;
    return plan_up(migrations, session.read_history(true), up, options, transactional_ddl, false);
  }
}

}  // namespace

RunResult Migrator::up(const UpOptions& options) {
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  const bool tx_ddl = provider_.transactional_ddl();
  return run_locked(session, connection_, provider_, migrations_, options_, options.dry_run,
                    plan_up_before_lock(session, migrations_, options, options_, tx_ddl),
                    [&](const std::vector<HistoryRow>& rows, bool under_lock) {
                      return plan_up(migrations_, rows, options, options_, tx_ddl, under_lock);
                    });
}

RunResult Migrator::down(const DownOptions& options) {
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  return run_locked(session, connection_, provider_, migrations_, options_, options.dry_run,
                    plan_down(migrations_, session.read_history(true), options),
                    [&](const std::vector<HistoryRow>& rows, bool) {
                      return plan_down(migrations_, rows, options);
                    });
}

RunResult migrate_on_startup(const Provider& provider, std::string_view url,
                             const std::vector<MigrationScript>& migrations,
                             const MigratorOptions& options) {
  auto connection = provider.connect(url);
  // Nothing pending is the common case: checked on the caller's list, before Migrator copies it.
  if (migrations_in_order(migrations)) {
    detail::MigratorSession session(*connection, provider, migrations, options);
    if (plan_up_before_lock(session, migrations, {}, options, provider.transactional_ddl())
            .empty()) {
      return {};
    }
  }
  Migrator migrator(*connection, provider, migrations, options);
  return migrator.up();
}

}  // namespace migcmd
