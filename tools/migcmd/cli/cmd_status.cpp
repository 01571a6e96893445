// `status` and `validate`: what the database has applied compared with the files. Read-only.

#include <fmt/format.h>

#include <map>

#include "cli/command.hpp"
#include "cli/table.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

nlohmann::json entry_json(const MigrationStatusEntry& e) {
  nlohmann::json j = {{"version", e.version},        {"name", e.name},
                      {"state", to_string(e.state)}, {"source", e.source},
                      {"checksum", e.checksum},      {"applied_at", nullptr}};
  if (e.history) {
    const HistoryRow& h = *e.history;
    j["applied_at"] = h.applied_at;
    j["applied_by"] = h.applied_by;
    j["execution_ms"] = h.execution_ms;
    j["batch"] = h.batch;
    j["recorded_checksum"] = h.checksum;
    if (!h.error.empty()) j["error"] = h.error;
  }
  return j;
}

int run_status(Context& context, const po::variables_map&) {
  auto session = context.open();
  const auto entries = session.migrator->status();
  Output& out = context.output();

  std::map<std::string, int> counts;
  for (const auto& e : entries) ++counts[std::string(to_string(e.state))];
  if (out.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : entries) list.push_back(entry_json(e));
    out.json_result("status", {{"migrations", list}, {"counts", counts}});
    return 0;
  }
  if (entries.empty()) {
    out.line(fmt::format("no migrations in {}", context.options().dir.string()));
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : entries) {
    rows.push_back({e.version, e.name, std::string(to_string(e.state)),
                    e.history && e.history->status != MigrationStatus::rolled_back
                        ? e.history->applied_at
                        : std::string("-")});
  }
  std::string table = render_table({"VERSION", "NAME", "STATE", "APPLIED AT (UTC)"}, rows);
  table.pop_back();  // line() ends the last line
  out.line(table);
  std::string summary;
  for (const auto& [state, count] : counts) {
    summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", count, state);
  }
  out.line(fmt::format("{} migration(s): {}", entries.size(), summary));
  return 0;
}

int run_validate(Context& context, const po::variables_map&) {
  context.check_sum_file();  // before touching the database
  auto session = context.open();
  const auto issues = session.migrator->validate();
  const auto entries = session.migrator->status();
  if (!issues.empty()) {
    std::string text = fmt::format("{} problem(s) found:", issues.size());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& issue : issues) {
      text += "\n  - " + issue.message;
      list.push_back(
          {{"version", issue.version}, {"file", issue.source}, {"message", issue.message}});
    }
    throw DetailedError(ErrorCode::validation_failed, text,
                        "restore changed files as they were applied, or record the change with "
                        "`migcmd repair`; pass --allow-out-of-order to `up` for older versions",
                        {{"problems", list}});
  }
  const bool has_sum = std::filesystem::exists(context.options().dir / sum_file_name);
  if (context.output().json()) {
    context.output().json_result("validate", {{"migrations", entries.size()},
                                              {"sum_file", has_sum},
                                              {"problems", nlohmann::json::array()}});
  } else {
    context.output().line(fmt::format("ok: {} migration(s) checked{}, no problems", entries.size(),
                                      has_sum ? " against the database and migcmd.sum" : ""));
  }
  return 0;
}

}  // namespace

Command status_command() {
  return {"status",
          "status",
          "show each migration's state",
          "Shows every migration of --dir and every version the database has applied: version, "
          "name, state (pending, applied, failed, rolled_back, changed, missing, out_of_order, "
          "outdated) and when it was applied, as an aligned table or, with --json, as a list. "
          "Changes nothing, and does not create the history table.",
          no_options,
          run_status,
          "status.view"};
}

Command validate_command() {
  return {"validate",
          "validate",
          "check files against the database and migcmd.sum",
          "Checks, without changing anything, that the migrations of --dir agree with migcmd.sum "
          "(when there is one) and with the history in the database: no applied file edited "
          "since, none missing, none failed, no pending version older than the newest applied. "
          "Lists every problem and exits with status 3 when there is one.",
          no_options,
          run_validate,
          "status.view"};
}

}  // namespace migcmd::cli
