#include "cli/context.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "cli/confirm.hpp"
#include "cli/providers.hpp"
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
#include "cli/governed_run.hpp"
#endif
#include "migcmd/sql_migrations.hpp"

namespace migcmd::cli {
namespace {

std::chrono::milliseconds to_ms(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0 + 0.5));
}

QualifiedName table_name(const std::string& text) {
  const auto dot = text.find('.');
  if (dot == std::string::npos) return QualifiedName(text);
  return QualifiedName(text.substr(0, dot), text.substr(dot + 1));
}

}  // namespace

Context::Context(GlobalOptions options, Output& output, Terminal terminal)
    : options_(std::move(options)),
      output_(output),
      terminal_(terminal),
      registry_(builtin_providers()) {}

const GovernedRun* Context::governed() const {
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
  if (!governed_checked_) {
    governed_checked_ = true;
    // Lazily, from const accessors: the policy session reports through the (mutable) output.
    governed_ = open_governed_run(const_cast<Context&>(*this), registry_, emergency_);
  }
#else
  if (emergency_) {
    throw Error(ErrorCode::usage, "this migcmd was built without governance: no --emergency");
  }
#endif
  return governed_.get();
}

bool Context::database_given() const {
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
  if (is_governed_project(options_)) return options_.environment.has_value();
#endif
  return options_.url && !options_.url->empty();
}

const std::string& Context::url() const {
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
  if (const GovernedRun* g = governed()) return g->url;
#endif
  if (!options_.url || options_.url->empty()) {
    throw Error(ErrorCode::usage, "no database URL given",
                "pass --url (e.g. --url sqlite:app.db) or set DATABASE_URL");
  }
  return *options_.url;
}

const Provider& Context::provider() const {
  return registry_.for_url(url());
}

std::unique_ptr<Connection> Context::connect() const {
  return provider().connect(url());
}

ReadOptions Context::read_options() const {
  ReadOptions o;
  o.history_table = table_name(options_.history_table);
  return o;
}

std::vector<MigrationScript> Context::migrations() const {
  std::error_code ec;
  if (!std::filesystem::is_directory(options_.dir, ec)) {
    throw Error(ErrorCode::usage,
                fmt::format("the migrations directory {} does not exist", options_.dir.string()),
                "pass --dir, or create the first migration with `migcmd new NAME`");
  }
  return load_sql_migrations(options_.dir);
}

std::vector<SumFileProblem> Context::sum_file_problems() const {
  std::error_code ec;
  if (!std::filesystem::is_directory(options_.dir, ec)) return {};
  return migcmd::check_sum_file(options_.dir);
}

void Context::check_sum_file() const {
  const auto problems = sum_file_problems();
  if (problems.empty()) return;
  std::string text =
      fmt::format("{} does not match the migrations in {}:", sum_file_name, options_.dir.string());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : problems) {
    text += fmt::format("\n  - {}: {}", p.file, p.message);
    list.push_back({{"file", p.file}, {"message", p.message}});
  }
  throw DetailedError(ErrorCode::validation_failed, text,
                      "if the change is intended (a new or deliberately edited file), run "
                      "`migcmd hash` to rewrite migcmd.sum; nothing was changed",
                      {{"problems", list}});
}

MigratorOptions Context::migrator_options(MigrationListener* listener) const {
  MigratorOptions o = base_migrator_options(listener);
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
  if (const GovernedRun* g = governed()) o.gate = g->gate.get();
#endif
  return o;
}

MigratorOptions Context::base_migrator_options(MigrationListener* listener) const {
  MigratorOptions o;
  o.history_table = table_name(options_.history_table);
  o.lock_wait = to_ms(options_.lock_timeout_seconds);
  o.statement_lock_timeout = to_ms(options_.statement_lock_timeout_seconds);
  o.lock_scope = options_.lock_mode == "transaction" ? LockScope::transaction : LockScope::session;
  o.listener = listener;
  return o;
}

MigratorSession Context::open(MigratorOptions options) const {
  // The URL is checked first, then the files: a broken directory is reported without touching
  // the database.
  const Provider& p = provider();
  auto scripts = migrations();
  MigratorSession session;
  session.connection = p.connect(url());
  session.migrator =
      std::make_unique<Migrator>(*session.connection, p, std::move(scripts), std::move(options));
  return session;
}

bool Context::confirm(std::string_view question) const {
  if (options_.yes) return true;
  if (!terminal_.in) {
    throw Error(ErrorCode::usage,
                fmt::format("refusing to go on without confirmation ({})", question),
                "there is no terminal to ask on: pass --yes to confirm");
  }
  return ask_yes_no(question);
}

}  // namespace migcmd::cli
