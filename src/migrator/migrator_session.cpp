// Running planned steps. Three ways, chosen by what the database can do:
//   - the lock is a transaction (SQLite): every step in a SAVEPOINT of the lock's transaction,
//     one COMMIT at the end (so one durable write per run, and a failed step still leaves the
//     steps before it applied);
//   - transactional DDL (PostgreSQL, SQL Server): each step in its own transaction together with
//     its history row (or all of them in one with --single-transaction);
//   - DDL that commits implicitly (MySQL/MariaDB) or a step marked transaction:false: statements
//     one by one, the history row recording how many completed, so `up --resume` can continue.

#include "migrator/migrator_session.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <thread>

#include "migcmd/error.hpp"
#include "migcmd/version.hpp"
#include "migrator/migrator_internal.hpp"

namespace migcmd::detail {
namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::string describe_holder(const std::optional<LockInfo>& info) {
  if (!info) return "another runner (no lock information recorded)";
  return fmt::format("{} (user {}, since {} UTC)", info->holder, info->user, info->since);
}

bool is_body(const SqlCommand& c) {
  return c.placement == Placement::transaction || c.placement == Placement::no_transaction;
}

int body_count(const SqlCommands& commands) {
  return static_cast<int>(std::count_if(commands.begin(), commands.end(), is_body));
}

bool needs_no_transaction(const SqlCommands& commands) {
  return std::any_of(commands.begin(), commands.end(),
                     [](const SqlCommand& c) { return c.placement == Placement::no_transaction; });
}

void run_placed(Connection& connection, const SqlCommands& commands, Placement placement) {
  for (const auto& c : commands) {
    if (c.placement == placement) connection.execute(c.sql, c.parameters);
  }
}

std::string message_of(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const Error& e) {
    return e.message();
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace

void throw_validation_failed(const std::vector<ValidationIssue>& issues) {
  std::string text = fmt::format("{} problem(s) found; nothing was changed:", issues.size());
  for (const auto& issue : issues) text += "\n  - " + issue.message;
  throw Error(ErrorCode::validation_failed, text,
              "restore the files as they were applied, or see `migcmd repair`");
}

MigratorSession::MigratorSession(Connection& connection, const Provider& provider,
                                 const std::vector<MigrationScript>& migrations,
                                 const MigratorOptions& options)
    : connection_(connection),
      provider_(provider),
      migrations_(migrations),
      options_(options),
      history_(connection, provider.dialect(), options.history_table) {}

MigratorSession::~MigratorSession() {
  unlock();
}

std::vector<HistoryRow> MigratorSession::read_history(bool create) {
  try {
    return history_.rows();
  } catch (const DatabaseError&) {
    if (!history_.exists()) {
      if (!create) return {};
      history_.ensure();
    }
    // Created by us or, meanwhile, by another runner; a real failure shows again here.
    return history_.rows();
  }
}

std::vector<HistoryRow> MigratorSession::read_planning_history() {
  try {
    return history_.planning_rows();
  } catch (const DatabaseError&) {
    if (!history_.exists()) history_.ensure();
    return history_.planning_rows();  // created by us or, meanwhile, by another runner
  }
}

void MigratorSession::lock() {
  if (lock_) return;
  LockOptions lock_options{"migcmd:" + to_string(options_.history_table), options_.lock_wait,
                           options_.lock_scope};
  if (options_.lock_scope == LockScope::transaction) {
    if (!provider_.supports(LockScope::transaction)) {
      throw Error(ErrorCode::usage,
                  fmt::format("{} has no transaction-scoped migration lock", provider_.name()),
                  "use the session lock (the default)");
    }
    return;  // taken inside each step's transaction
  }
  // A first try without waiting, so that a waiting runner can say who it waits for.
  LockOptions no_wait = lock_options;
  no_wait.timeout = std::chrono::milliseconds{0};
  try {
    lock_ = provider_.acquire_lock(connection_, no_wait);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::lock_timeout) throw;
    std::optional<LockInfo> holder;
    try {
      holder = history_.lock_info();
    } catch (const Error&) {
    }
    if (options_.listener) options_.listener->waiting_for_lock(describe_holder(holder));
    try {
      lock_ = provider_.acquire_lock(connection_, lock_options);
    } catch (const Error& waited) {
      if (waited.code() != ErrorCode::lock_timeout) throw;
      throw Error(ErrorCode::lock_timeout,
                  fmt::format("timed out after {} ms waiting for the migration lock, held by {}",
                              options_.lock_wait.count(), describe_holder(holder)),
                  "wait for it to finish, or see `migcmd lock status` and `migcmd lock release "
                  "--force` if that runner is gone");
    }
  }
  in_lock_transaction_ = provider_.lock_is_transaction();
  if (!in_lock_transaction_) {
    LockInfo info{fmt::format("{}:{}", host_name(), getpid()),
                  host_name(),
                  getpid(),
                  os_user(),
                  utc_now(),
                  provider_.session_id(connection_)};
    history_.write_lock_info(info);
  }
  for (const auto& sql : provider_.statement_lock_timeout_sql(options_.statement_lock_timeout)) {
    connection_.execute(sql);
  }
}

void MigratorSession::commit() {
  if (in_lock_transaction_) {
    connection_.commit();
    in_lock_transaction_ = false;
  }
}

void MigratorSession::unlock() noexcept {
  if (!lock_) return;
  // An immediate transaction still open here (SQLite) is rolled back by release().
  try {
    if (!in_lock_transaction_) history_.clear_lock_info();
  } catch (...) {
  }
  try {
    lock_->release();
  } catch (...) {
  }
  lock_.reset();
  in_lock_transaction_ = false;
}

bool MigratorSession::is_lock_timeout(const std::exception_ptr& error) const {
  try {
    std::rethrow_exception(error);
  } catch (const DatabaseError& e) {
    return provider_.is_lock_timeout(e);
  } catch (...) {
    return false;
  }
}

bool MigratorSession::done_meanwhile(const Step& step) {
  const std::string key = history_key(*step.migration);
  for (const auto& row : history_.rows()) {
    if (row.version != key) continue;
    if (!step.previous) return true;  // a row appeared
    return row.status != step.previous->status || row.applied_at != step.previous->applied_at;
  }
  return false;
}

void MigratorSession::execute_body(const Step& step, const SqlCommands& commands, int from,
                                   int to) {
  const int total = body_count(commands);
  int index = 0;
  for (const auto& c : commands) {
    if (!is_body(c)) continue;
    if (index >= from && index < to) {
      last_statement_ = index;
      const auto start = Clock::now();
      if (c.fail_if_rows.empty()) {
        connection_.execute(c.sql, c.parameters);
      } else if (auto rows = connection_.query(c.sql, c.parameters).rows; !rows.empty()) {
        throw DatabaseError(
            fmt::format("{} ({} row(s) from: {})", c.fail_if_rows, rows.size(), c.sql), c.sql);
      }
      if (options_.listener) {
        options_.listener->statement_done(
            {step.migration, index, total, c.sql,
             std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start), -1});
      }
    }
    ++index;
  }
}

void MigratorSession::record_success(const Step& step, const SqlCommands& commands, int batch,
                                     std::chrono::milliseconds elapsed) {
  const MigrationScript& m = *step.migration;
  HistoryRow row = step.previous.value_or(HistoryRow{});
  if (step.direction == Direction::up) {
    row.version = history_key(m);
    row.name = m.name;
    row.kind = m.kind == MigrationKind::repeatable ? "repeatable" : "versioned";
    row.source = m.source;
    row.checksum = m.checksum;
    row.down_checksum = m.down_checksum;
    row.applied_at = utc_now();
    row.applied_by = options_.applied_by.empty() ? os_user() : options_.applied_by;
    row.batch = batch;
    row.status = MigrationStatus::applied;
  } else {
    row.status = MigrationStatus::rolled_back;
  }
  row.execution_ms = elapsed.count();
  row.error.clear();
  row.statements_done = row.statements_total = body_count(commands);
  row.tool_version = library_version;
  if (step.previous)
    history_.update(row);
  else
    history_.insert(row);
}

HistoryRow MigratorSession::record_failure(const Step& step, const SqlCommands& commands, int batch,
                                           int statement, int statements_done,
                                           const std::string& error) {
  const MigrationScript& m = *step.migration;
  HistoryRow row = step.previous.value_or(HistoryRow{});
  const bool existed = step.previous.has_value();
  if (step.direction == Direction::up) {
    row.version = history_key(m);
    row.name = m.name;
    row.kind = m.kind == MigrationKind::repeatable ? "repeatable" : "versioned";
    row.source = m.source;
    row.checksum = m.checksum;
    row.down_checksum = m.down_checksum;
    row.batch = batch;
  }
  row.applied_at = utc_now();
  row.applied_by = options_.applied_by.empty() ? os_user() : options_.applied_by;
  row.status = MigrationStatus::failed;
  row.error = fmt::format("{} statement {}: {}", step.direction == Direction::up ? "up" : "down",
                          statement + 1, error);
  row.statements_done = statements_done;
  row.statements_total = body_count(commands);
  row.tool_version = library_version;
  if (existed)
    history_.update(row);
  else
    history_.insert(row);
  return row;
}

void MigratorSession::fail(const Step& step, const SqlCommands& commands, int statement,
                           const std::string& error, bool rolled_back) {
  const MigrationScript& m = *step.migration;
  int line = 0, index = 0;
  for (const auto& c : commands) {
    if (!is_body(c)) continue;
    if (index++ == statement) line = c.line;
  }
  const std::string where =
      line > 0
          ? fmt::format(" ({}:{})",
                        step.direction == Direction::down && !m.down_source.empty() ? m.down_source
                                                                                    : m.source,
                        line)
          : std::string();
  if (options_.listener)
    options_.listener->migration_failed({&m, step.direction}, error, statement);
  throw Error(ErrorCode::migration_failed,
              fmt::format("migration {} failed at statement {} of {}{}: {}", m.display_name(),
                          statement + 1, body_count(commands), where, error),
              rolled_back
                  ? "nothing of it was applied (rolled back) and the failure is recorded; fix the "
                    "cause or the migration, then run `migcmd up` again"
                  : fmt::format("statements 1 to {} stayed applied (this database commits DDL "
                                "at once); fix the cause, then `migcmd up --resume` continues at "
                                "statement {}, or `migcmd repair` clears the failure",
                                statement, statement + 1));
}

// Statements one by one, recording progress after each (no transaction can protect them).
void MigratorSession::run_step_statements(const Step& step, const SqlCommands& commands,
                                          int batch) {
  const auto start = Clock::now();
  run_placed(connection_, commands, Placement::before_transaction);
  const int total = body_count(commands);
  const bool has_after = std::any_of(commands.begin(), commands.end(), [](const SqlCommand& c) {
    return c.placement == Placement::after_transaction;
  });
  // A row saying "in progress", so that if the process dies the next run knows where it stopped.
  // A new migration gets it once its first statement has completed: before that it could only
  // say "nothing done", which no row says too (such a migration is simply run again), and each
  // write is a round trip and a commit. A rolled back or resumed one has its row rewritten first.
  Step tracked = step;
  if (step.previous) {
    tracked.previous =
        record_failure(tracked, commands, batch, step.first_statement, step.first_statement,
                       "interrupted: the run stopped while applying this migration");
  }
  int index = 0;
  for (const auto& c : commands) {
    if (!is_body(c)) continue;
    if (index < step.first_statement) {
      ++index;
      continue;
    }
    for (int attempt = 0;; ++attempt) {
      try {
        execute_body(tracked, commands, index, index + 1);
        break;
      } catch (...) {
        auto error = std::current_exception();
        if (is_lock_timeout(error) && attempt < options_.lock_timeout_retries) {
          std::this_thread::sleep_for(options_.retry_backoff * (1 << attempt));
          continue;
        }
        run_placed(connection_, commands, Placement::after_transaction);
        record_failure(tracked, commands, batch, index, index, message_of(error));
        fail(step, commands, index, message_of(error), false);
      }
    }
    ++index;
    // After the last statement the success row says it all: one write less per migration (each
    // write is a round trip and a commit; without it migcmd took 1.4x the client on MariaDB).
    if (index == total && !has_after) break;
    if (tracked.previous) {
      tracked.previous->statements_done = index;
      history_.update(*tracked.previous);
    } else {  // if the process dies now, the next run knows where it stopped
      tracked.previous =
          record_failure(tracked, commands, batch, index, index,
                         "interrupted: the run stopped while applying this migration");
    }
  }
  run_placed(connection_, commands, Placement::after_transaction);
  record_success(tracked, commands, batch, since(start));
}

// One transaction for the step and its history row; retried when a statement times out on a lock.
void MigratorSession::run_step_transactional(const Step& step, const SqlCommands& commands,
                                             int batch, bool dry_run, bool durable) {
  for (int attempt = 0;; ++attempt) {
    const auto start = Clock::now();
    run_placed(connection_, commands, Placement::before_transaction);
    try {
      connection_.begin();
      std::unique_ptr<MigrationLock> step_lock;
      if (options_.lock_scope == LockScope::transaction) {
        step_lock =
            provider_.acquire_lock(connection_, {"migcmd:" + to_string(options_.history_table),
                                                 options_.lock_wait, LockScope::transaction});
        if (done_meanwhile(step)) {  // another runner did it while this one waited
          connection_.rollback();
          run_placed(connection_, commands, Placement::after_transaction);
          return;
        }
      }
      if (!durable && !dry_run) {
        for (const auto& sql : provider_.deferred_commit_sql()) connection_.execute(sql);
      }
      execute_body(step, commands, 0);
      if (dry_run) {
        connection_.rollback();
      } else {
        record_success(step, commands, batch, since(start));
        connection_.commit();
      }
      run_placed(connection_, commands, Placement::after_transaction);
      return;
    } catch (...) {
      auto error = std::current_exception();
      try {
        connection_.rollback();
      } catch (...) {
      }
      run_placed(connection_, commands, Placement::after_transaction);
      if (is_lock_timeout(error) && attempt < options_.lock_timeout_retries) {
        std::this_thread::sleep_for(options_.retry_backoff * (1 << attempt));
        continue;
      }
      try {
        std::rethrow_exception(error);
      } catch (const Error& e) {
        if (e.code() == ErrorCode::lock_timeout) throw;  // the step lock: nothing ran
      } catch (...) {
      }
      const int failed_at = last_statement_;
      if (!dry_run) record_failure(step, commands, batch, failed_at, 0, message_of(error));
      fail(step, commands, failed_at, message_of(error), true);
    }
  }
}

std::vector<std::string> MigratorSession::run(const std::vector<Step>& steps, int batch,
                                              bool dry_run, std::vector<std::string>* dry_run_sql) {
  const Dialect& dialect = provider_.dialect();
  // Everything is rendered first: a step that cannot be rendered (an irreversible down, an
  // unterminated quote) fails before anything runs.
  std::vector<SqlCommands> rendered;
  rendered.reserve(steps.size());
  for (const auto& step : steps) {
    Schema model =
        step.migration->code ? replay_code_migrations(migrations_, step.index) : Schema{};
    rendered.push_back(render_script(*step.migration, step.direction, dialect, model));
    if (dry_run_sql) {
      dry_run_sql->push_back(fmt::format("-- {} {}",
                                         step.direction == Direction::up ? "up" : "down",
                                         step.migration->display_name()));
      for (const auto& c : rendered.back()) dry_run_sql->push_back(c.sql);
    }
  }
  std::vector<std::string> done;
  auto finished = [&](const Step& step, Clock::time_point start) {
    if (options_.listener)
      options_.listener->migration_done({step.migration, step.direction}, since(start));
    done.push_back(history_key(*step.migration));
  };
  if (dry_run && !provider_.transactional_ddl()) return done;  // nothing can be tried and undone

  // A dry run tries the whole plan in one transaction and rolls it back at the end, so that later
  // steps see what earlier ones did.
  const bool single = options_.single_transaction || dry_run;
  if (options_.single_transaction) {
    if (!provider_.transactional_ddl()) {
      throw Error(
          ErrorCode::usage,
          fmt::format("--single-transaction needs transactional DDL, which {} does not have",
                      provider_.name()));
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (needs_no_transaction(rendered[i])) {
        throw Error(ErrorCode::usage,
                    fmt::format("--single-transaction cannot include {}: it must run outside a "
                                "transaction",
                                steps[i].migration->display_name()));
      }
    }
  }

  if (in_lock_transaction_) {
    // SQLite: the lock is the open transaction; each step is a savepoint inside it.
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const Step& step = steps[i];
      const auto start = Clock::now();
      if (options_.listener) options_.listener->migration_started({step.migration, step.direction});
      if (needs_no_transaction(rendered[i])) {
        connection_.commit();
        in_lock_transaction_ = false;
        run_step_statements(step, rendered[i], batch);
        lock_->release();
        lock_ = provider_.acquire_lock(connection_, {"migcmd:" + to_string(options_.history_table),
                                                     options_.lock_wait, LockScope::session});
        in_lock_transaction_ = true;
        finished(step, start);
        continue;
      }
      connection_.execute("SAVEPOINT migcmd_step");
      try {
        execute_body(step, rendered[i], 0);
        if (!dry_run) record_success(step, rendered[i], batch, since(start));
        connection_.execute("RELEASE SAVEPOINT migcmd_step");
      } catch (...) {
        auto error = std::current_exception();
        const int failed_at = last_statement_;
        connection_.execute("ROLLBACK TO SAVEPOINT migcmd_step");
        connection_.execute("RELEASE SAVEPOINT migcmd_step");
        if (single || dry_run)
          connection_.rollback();
        else
          connection_.commit();  // the steps before this one stay applied
        in_lock_transaction_ = false;
        for (const auto& r : rendered) run_placed(connection_, r, Placement::after_transaction);
        if (!dry_run) record_failure(step, rendered[i], batch, failed_at, 0, message_of(error));
        fail(step, rendered[i], failed_at, message_of(error), true);
      }
      finished(step, start);
    }
    if (dry_run)
      connection_.rollback();
    else
      connection_.commit();
    in_lock_transaction_ = false;
    lock_->release();
    lock_.reset();
    for (const auto& r : rendered) run_placed(connection_, r, Placement::after_transaction);
    return done;
  }

  if (single) {
    connection_.begin();
    std::size_t i = 0;
    try {
      if (options_.lock_scope == LockScope::transaction) {
        auto step_lock =
            provider_.acquire_lock(connection_, {"migcmd:" + to_string(options_.history_table),
                                                 options_.lock_wait, LockScope::transaction});
      }
      for (; i < steps.size(); ++i) {
        const auto start = Clock::now();
        if (options_.lock_scope == LockScope::transaction && done_meanwhile(steps[i])) continue;
        if (options_.listener)
          options_.listener->migration_started({steps[i].migration, steps[i].direction});
        execute_body(steps[i], rendered[i], 0);
        if (!dry_run) record_success(steps[i], rendered[i], batch, since(start));
        finished(steps[i], start);
      }
      if (dry_run)
        connection_.rollback();
      else
        connection_.commit();
    } catch (...) {
      auto error = std::current_exception();
      try {
        connection_.rollback();
      } catch (...) {
      }
      if (i >= steps.size()) throw;  // COMMIT itself failed
      if (!dry_run)
        record_failure(steps[i], rendered[i], batch, last_statement_, 0, message_of(error));
      fail(steps[i], rendered[i], last_statement_, message_of(error), true);
    }
    return done;
  }

  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    const auto start = Clock::now();
    if (options_.listener) options_.listener->migration_started({step.migration, step.direction});
    if (!provider_.transactional_ddl() || needs_no_transaction(rendered[i])) {
      if (dry_run) continue;  // cannot be tried and undone; its SQL is in the report
      run_step_statements(step, rendered[i], batch);
    } else {
      // The last step's durable COMMIT makes the earlier ones durable (one flush per run).
      run_step_transactional(step, rendered[i], batch, dry_run, i + 1 == steps.size());
    }
    finished(step, start);
  }
  return done;
}

}  // namespace migcmd::detail
