// `up` and `down`: apply pending migrations, roll applied ones back.

#include <fmt/format.h>

#include <algorithm>

#include "cli/command.hpp"
#include "cli/progress.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

// The JSON entries of the migrations a run did, with the durations the listener saw.
nlohmann::json done_list(const std::vector<std::string>& versions,
                         const ProgressListener& listener) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& version : versions) {
    nlohmann::json entry = {{"version", version}};
    const auto& finished = listener.finished();
    auto it = std::find_if(finished.begin(), finished.end(),
                           [&](const FinishedMigration& f) { return f.version == version; });
    if (it != finished.end()) {
      entry["name"] = it->name;
      entry["duration_ms"] = it->duration.count();
    }
    list.push_back(std::move(entry));
  }
  return list;
}

// Statements as a script: each ends with ";" unless it is a comment or already ends with one.
std::string as_script(const std::vector<std::string>& statements) {
  std::string text;
  for (const auto& s : statements) {
    text += s;
    const bool comment = s.rfind("--", 0) == 0 && s.find('\n') == std::string::npos;
    if (!comment && !s.empty() && s.back() != ';') text += ';';
    text += '\n';
  }
  if (!text.empty()) text.pop_back();  // line() ends the last line
  return text;
}

void report(Context& context, std::string_view command, const RunResult& result,
            const ProgressListener& listener) {
  Output& out = context.output();
  const bool up = command == "up";
  const auto& versions = up ? result.applied : result.rolled_back;
  if (out.json()) {
    out.json_result(command, {{"dry_run", result.dry_run},
                              {"dry_run_executed", result.dry_run_executed},
                              {up ? "applied" : "rolled_back", done_list(versions, listener)},
                              {"sql", result.dry_run_sql}});
    return;
  }
  if (versions.empty()) {
    out.line(up ? "nothing to apply" : "nothing to roll back");
    return;
  }
  if (!result.dry_run) return;  // the listener printed a line per migration
  out.line(fmt::format(
      "dry run: {} migration(s) would be {}; {}", versions.size(), up ? "applied" : "rolled back",
      result.dry_run_executed
          ? "they ran in a transaction that was rolled back, so nothing was changed"
          : "nothing was executed (this database commits DDL at once, so it cannot be tried and "
            "undone); the SQL that would run follows"));
  out.line(as_script(result.dry_run_sql));
}

void up_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("target", po::value<std::string>()->value_name("V"),
       "apply up to and including version V")
      ("resume", po::bool_switch(),
       "continue a failed migration from its failed statement (databases without"
       " transactional DDL)")
      ("dry-run", po::bool_switch(),
       "show what would run; where DDL is transactional, run it and roll it back")
      ("single-transaction", po::bool_switch(),
       "apply everything in one transaction: all or nothing (transactional DDL only)")
      ("allow-out-of-order", po::bool_switch(),
       "also apply pending versions older than the newest applied one")
      ("emergency", po::value<std::string>()->value_name("REASON"),
       "governed projects: bypass the maintenance window and missing approvals (needs the"
       " emergency permission; the run is audited and listed for post-review)");
  // clang-format on
}

int run_up(Context& context, const po::variables_map& args) {
  context.check_sum_file();  // before touching the database
  UpOptions up;
  if (args.count("target")) up.target = args["target"].as<std::string>();
  up.resume = args["resume"].as<bool>();
  up.dry_run = args["dry-run"].as<bool>();
  if (args.count("emergency")) context.set_emergency(args["emergency"].as<std::string>());

  ProgressListener listener(context.output(), up.dry_run);
  auto options = context.migrator_options(&listener);
  options.single_transaction = args["single-transaction"].as<bool>();
  options.allow_out_of_order = args["allow-out-of-order"].as<bool>();
  auto session = context.open(std::move(options));
  const RunResult result = session.migrator->up(up);
  report(context, "up", result, listener);
  return 0;
}

void down_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("steps", po::value<int>()->value_name("N"),
       "roll back the last N applied migrations (default 1)")
      ("to", po::value<std::string>()->value_name("V"),
       "roll back every migration applied after version V")
      ("batch", po::bool_switch(), "roll back the last batch (everything one `up` applied)")
      ("dry-run", po::bool_switch(),
       "show what would run; where DDL is transactional, run it and roll it back")
      ("emergency", po::value<std::string>()->value_name("REASON"),
       "governed projects: bypass the maintenance window and missing approvals (audited,"
       " listed for post-review)");
  // clang-format on
}

int run_down(Context& context, const po::variables_map& args) {
  DownOptions down;
  const int choices = static_cast<int>(args.count("steps")) + static_cast<int>(args.count("to")) +
                      (args["batch"].as<bool>() ? 1 : 0);
  if (choices > 1) {
    throw Error(ErrorCode::usage, "down: choose one of --steps, --to and --batch",
                "e.g. `migcmd down --steps 2`");
  }
  if (args.count("steps")) {
    down.steps = args["steps"].as<int>();
    if (down.steps < 1) {
      throw Error(ErrorCode::usage, "down: --steps must be at least 1", "e.g. --steps 1");
    }
  }
  if (args.count("to")) down.to = args["to"].as<std::string>();
  down.batch = args["batch"].as<bool>();
  down.dry_run = args["dry-run"].as<bool>();
  if (args.count("emergency")) context.set_emergency(args["emergency"].as<std::string>());

  ProgressListener listener(context.output(), down.dry_run);
  auto session = context.open(context.migrator_options(&listener));
  const RunResult result = session.migrator->down(down);
  report(context, "down", result, listener);
  return 0;
}

}  // namespace

Command up_command() {
  return {"up",
          "up [--target V] [--resume] [--dry-run] [--single-transaction] [--allow-out-of-order]",
          "apply pending migrations",
          "Applies the pending migrations of --dir in version order, each exactly once, under "
          "the database's migration lock (another runner waits, then finds nothing to do). "
          "Before touching the database it checks migcmd.sum when there is one, and it refuses "
          "to run when an applied migration changed or disappeared (exit status 3). A failing "
          "migration is rolled back where the database can (or recorded with how far it got, "
          "for --resume) and named with its statement (exit status 1).",
          up_options,
          run_up};
}

Command down_command() {
  return {"down",
          "down [--steps N | --to V | --batch] [--dry-run]",
          "roll back applied migrations",
          "Rolls back applied migrations, newest first, with their down scripts: the last one by "
          "default, the last N with --steps, everything after version V with --to, or the last "
          "batch with --batch. A migration without a down script cannot be rolled back.",
          down_options,
          run_down};
}

}  // namespace migcmd::cli
