// Commands that rewrite the history without running migrations: repair, baseline, adopt.

#include <fmt/format.h>

#include "cli/command.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

void report_list(Context& context, std::string_view command, std::string_view key,
                 const std::vector<std::string>& items, std::string_view prefix,
                 std::string_view when_empty) {
  Output& out = context.output();
  if (out.json()) {
    out.json_result(command, {{std::string(key), items}});
    return;
  }
  if (items.empty()) out.line(when_empty);
  for (const auto& item : items) out.line(fmt::format("{}{}", prefix, item));
}

int run_repair(Context& context, const po::variables_map&) {
  auto session = context.open();
  // What repair would do, shown before it asks.
  std::vector<std::string> plan;
  for (const auto& e : session.migrator->status()) {
    if (e.state == MigrationState::failed) {
      plan.push_back(fmt::format("clear the failure of {} ({})", e.source, e.history->error));
    } else if (e.state == MigrationState::changed) {
      plan.push_back(
          fmt::format("re-record the checksum of {} (the file changed after it was "
                      "applied; the database is not changed to match)",
                      e.source));
    }
  }
  Output& out = context.output();
  if (plan.empty()) {
    report_list(context, "repair", "repaired", {}, "", "nothing to repair");
    return 0;
  }
  if (!out.json()) {
    out.line("repair will:");
    for (const auto& p : plan) out.line("  - " + p);
  }
  if (!context.confirm(fmt::format("repair {} migration(s)?", plan.size()))) {
    throw Error(ErrorCode::usage, "repair cancelled; nothing was changed");
  }
  report_list(context, "repair", "repaired", session.migrator->repair(), "", "nothing to repair");
  return 0;
}

void baseline_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()("version", po::value<std::string>()->value_name("V"),
                        "mark every migration up to and including version V as applied");
}

int run_baseline(Context& context, const po::variables_map& args) {
  if (!args.count("version")) {
    throw Error(ErrorCode::usage, "baseline needs --version V",
                "e.g. `migcmd baseline --version 20250114120000`");
  }
  auto session = context.open();
  report_list(context, "baseline", "baselined",
              session.migrator->baseline(args["version"].as<std::string>()),
              "marked applied without running: ", "nothing to baseline: already applied");
  return 0;
}

void adopt_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()("from", po::value<std::string>()->value_name("TOOL"),
                        "the tool whose history to import: dbmate, flyway or golang-migrate");
}

int run_adopt(Context& context, const po::variables_map& args) {
  if (!args.count("from")) {
    throw Error(ErrorCode::usage, "adopt needs --from TOOL",
                "e.g. `migcmd adopt --from dbmate` (or flyway, golang-migrate)");
  }
  const std::string tool = args["from"].as<std::string>();
  if (tool != "dbmate" && tool != "flyway" && tool != "golang-migrate") {
    throw Error(ErrorCode::usage, fmt::format("adopt: unknown tool \"{}\"", tool),
                "use --from dbmate, --from flyway or --from golang-migrate");
  }
  auto session = context.open();
  report_list(context, "adopt", "adopted", session.migrator->adopt(tool), "adopted ",
              "nothing to adopt: every version it recorded is already in the history");
  return 0;
}

}  // namespace

Command repair_command() {
  return {"repair",
          "repair",
          "clear failures and re-record changed checksums",
          "Clears the history rows of failed migrations (so `up` tries them again) and "
          "re-records the checksums of applied migrations whose files changed since. It does "
          "not change the schema: make sure the database matches the files first. Shows what it "
          "will do and asks for confirmation (--yes skips the question; without a terminal "
          "--yes is required).",
          no_options,
          run_repair};
}

Command baseline_command() {
  return {"baseline",
          "baseline --version V",
          "mark existing migrations applied",
          "Records every migration up to and including version V as applied without running "
          "it, for a database whose schema already has those changes (a database created "
          "before migcmd was introduced).",
          baseline_options,
          run_baseline};
}

Command adopt_command() {
  return {"adopt",
          "adopt --from dbmate|flyway|golang-migrate",
          "import another tool's history",
          "Reads the history table of dbmate (schema_migrations), Flyway (flyway_schema_history) "
          "or golang-migrate (schema_migrations) and records the same versions as applied, so "
          "nothing runs twice when a project switches to migcmd. Refuses when that tool "
          "recorded a failure or a version no file in --dir has.",
          adopt_options,
          run_adopt};
}

}  // namespace migcmd::cli
