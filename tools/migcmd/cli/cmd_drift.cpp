// `drift`: compares the live database with the schema its applied migrations produce (replayed in
// a scratch space), reports every difference, and with --fix writes the migration that records
// the drift.

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "cli/change_script.hpp"
#include "cli/command.hpp"
#include "cli/drift_report.hpp"
#include "cli/exit_codes.hpp"
#include "cli/rename_options.hpp"
#include "cli/schema_source.hpp"
#include "migcmd/diff.hpp"
#include "migcmd/file_write.hpp"
#include "migcmd/migrator/replay.hpp"
#include "migcmd/scaffold.hpp"
#include "migcmd/snapshot.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace migcmd::cli {
namespace {

void drift_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("fix", po::value<std::string>()->value_name("NAME")->implicit_value("record_drift"),
       "write a migration NAME (default record_drift) that makes the migrations describe the"
       " database as it is, and record it as applied here (the database already has it)")
      ("revert-script", po::value<std::string>()->value_name("FILE"),
       "write to FILE the SQL that puts the database back to what its migrations say (review it"
       " before running it: it may drop what someone added by hand)")
      ("rename", po::value<std::vector<std::string>>()->value_name("OLD=NEW")->composing(),
       "report a rename instead of a drop and an add (repeatable)");
  // clang-format on
}

struct AppliedState {
  std::vector<std::string> applied;  // versions whose effect the database should have
  std::vector<std::string> pending;
};

// Versions applied, and refusals where the expected schema cannot be known.
AppliedState applied_state(const std::vector<MigrationStatusEntry>& entries) {
  AppliedState out;
  for (const auto& e : entries) {
    switch (e.state) {
      case MigrationState::applied:
      case MigrationState::changed:
        out.applied.push_back(e.version);
        break;
      case MigrationState::missing:
        throw Error(ErrorCode::validation_failed,
                    fmt::format("migration {} ({}) is applied but its file is gone, so the schema "
                                "it made cannot be replayed",
                                e.version, e.name),
                    "restore the file, then run drift again");
      case MigrationState::failed:
        throw Error(ErrorCode::validation_failed,
                    fmt::format("migration {} ({}) failed part-way; the expected schema is not "
                                "defined",
                                e.version, e.source),
                    "finish it with `migcmd up --resume` or clear it with `migcmd repair` first");
      case MigrationState::pending:
      case MigrationState::rolled_back:
      case MigrationState::out_of_order:
        out.pending.push_back(e.version);
        break;
      case MigrationState::outdated:
        break;
    }
  }
  return out;
}

// The migration that records the drift (expected -> live), marked applied on this database.
std::string record_drift(Context& context, const std::string& name, const AppliedState& state,
                         const Schema& expected, const Schema& live, const SchemaDiff& drift) {
  if (!state.pending.empty()) {
    throw Error(ErrorCode::usage,
                fmt::format("drift --fix: {} migration(s) are pending here (first: {})",
                            state.pending.size(), state.pending.front()),
                "apply them with `migcmd up` (or compare another database) first: the fix must "
                "come after every migration");
  }
  const Provider& provider = context.provider();
  const Dialect& dialect = provider.dialect();
  const fs::path dir = context.options().dir;
  const SqlFileFormat format = detect_sql_file_format(dir);
  const std::string version = next_migration_version(dir, format);
  DiffOptions back;
  back.dialect = &dialect;
  const auto up = change_statements(drift.operations, expected, dialect);
  const auto down = change_statements(diff(live, expected, back).operations, live, dialect);
  for (const auto& file :
       scaffold_sql_migration(dir, format, version, name, up, down, provider.name())) {
    write_file_atomically(file.path, file.content);
    context.output().note(fmt::format("wrote {}", file.path.string()));
  }
  write_sum_file(dir);
  const fs::path snapshot = dir / default_snapshot_file;
  std::error_code ec;
  if (fs::exists(snapshot, ec)) {
    write_snapshot(snapshot, Snapshot{live, version, std::string(provider.name())});
  }
  auto session = context.open();
  (void)session.migrator->baseline(version);
  return version;
}

int run_drift(Context& context, const po::variables_map& args) {
  context.check_sum_file();
  const Provider& provider = context.provider();
  auto session = context.open();
  const AppliedState state = applied_state(session.migrator->status());

  ReplayOptions replay;
  replay.versions = state.applied;
  replay.history_table = context.read_options().history_table;
  const std::string dev_url = dev_url_for(
      context, provider, fmt::format("the migrations of {}", context.options().dir.string()));
  const Schema expected = replay_migrations(provider, dev_url, context.migrations(), replay);
  const Schema live = provider.read_schema(*session.connection, context.read_options());
  session.migrator.reset();
  session.connection.reset();

  DiffOptions options;
  options.dialect = &provider.dialect();
  if (args.count("rename")) {
    options.renames = parse_renames(args["rename"].as<std::vector<std::string>>());
  }
  const SchemaDiff drift = diff(expected, live, options);

  std::vector<std::string> findings;
  for (const auto& op : drift.operations) findings.push_back(drift_description(op));
  for (const auto& r : drift.likely_renames) {
    findings.push_back(fmt::format("{} {} looks renamed to {} in the database ({})", r.kind, r.from,
                                   r.to, r.hint));
  }

  if (args.count("revert-script")) {
    DiffOptions back = options;
    back.renames.clear();
    write_file_atomically(args["revert-script"].as<std::string>(),
                          change_script(diff(live, expected, back), live, provider.dialect()));
  }
  std::string fixed;
  if (args.count("fix") && !drift.empty()) {
    fixed = record_drift(context, args["fix"].as<std::string>(), state, expected, live, drift);
  }

  if (context.output().json()) {
    context.output().json_result("drift", {{"drift", !drift.empty()},
                                           {"applied_migrations", state.applied.size()},
                                           {"differences", findings},
                                           {"fix_version", fixed}});
  } else if (drift.empty()) {
    context.output().line(fmt::format("no drift: the database matches its {} applied migration(s)",
                                      state.applied.size()));
  } else {
    context.output().line(fmt::format("drift: {} difference(s) from the {} applied migration(s):",
                                      findings.size(), state.applied.size()));
    for (const auto& f : findings) context.output().line("  - " + f);
    if (!fixed.empty()) {
      context.output().line(
          fmt::format("recorded as migration {} (marked applied on this database)", fixed));
    }
  }
  return drift.empty() || !fixed.empty() ? 0 : to_int(ExitCode::differences);
}

}  // namespace

Command drift_command() {
  return {"drift",
          "drift [--fix [NAME]] [--revert-script FILE] [--rename OLD=NEW]...",
          "compare the database with what its migrations should have made",
          "Replays the migrations the database has applied in a scratch schema on --dev-url (in "
          "memory for SQLite), reads the live schema, and lists every difference in plain words: "
          "objects added by hand, objects missing, columns changed. Exits with 7 when there is "
          "drift. --fix writes a migration in the project's format that records the drift, "
          "updates migcmd.sum (and the snapshot, when there is one) and marks the new migration "
          "applied on this database, so other environments get the same change with `up`. "
          "--revert-script writes the SQL that would instead put the database back.",
          drift_options,
          run_drift,
          "plan.view"};
}

}  // namespace migcmd::cli
