// `schedule --env ENV --at TIME | --next-window`: record a run of the approved plan for later, for
// `migcmd agent` to execute; `schedule list`; `schedule cancel ID --reason TEXT`.

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/pending_review.hpp"
#include "cli/policy_output.hpp"
#include "cli/policy_session.hpp"
#include "cli/table.hpp"
#include "migcmd/governance/maintenance_window.hpp"
#include "migcmd/governance/schedules.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

void schedule_options(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()
      // clang-format off
      ("action", po::value<std::string>()->value_name("ACTION"),
       "list or cancel (none: schedule a run)")
      ("id", po::value<std::int64_t>()->value_name("ID"), "cancel: the scheduled run")
      ("at", po::value<std::string>()->value_name("TIME"),
       "when: \"2026-11-22T22:00:00Z\", \"2026-11-22T23:00+01:00\", or \"2026-11-22 23:00\""
       " (read in the time zone of the environment's maintenance windows, UTC when they have"
       " none or several)")
      ("next-window", po::bool_switch(),
       "when the environment's next maintenance window opens (now when one is open)")
      ("target", po::value<std::string>()->value_name("VERSION"),
       "only the migrations up to and including VERSION, as `up --target`")
      ("reason", po::value<std::string>()->value_name("TEXT"), "cancel: why (required)")
      ("all", po::bool_switch(), "list: finished and cancelled runs too");
  // clang-format on
  pos.add("action", 1).add("id", 1);
}

nlohmann::json schedule_json(const gov::ScheduledRun& run) {
  auto time = [](const std::optional<gov::TimePoint>& t) {
    return t ? nlohmann::json(gov::format_utc(*t)) : nlohmann::json(nullptr);
  };
  return {
      {"id", run.id},
      {"environment", run.environment},
      {"plan_checksum", run.plan_checksum},
      {"request", run.request_id ? nlohmann::json(*run.request_id) : nullptr},
      {"at", gov::format_utc(run.at)},
      {"options", nlohmann::json::parse(run.options.empty() ? "{}" : run.options, nullptr, false)},
      {"status", std::string(to_string(run.status))},
      {"created_by", run.created_by},
      {"created_at", gov::format_utc(run.created_at)},
      {"claimed_by", run.claimed_by},
      {"claimed_at", time(run.claimed_at)},
      {"finished_at", time(run.finished_at)},
      {"message", run.message}};
}

// The zone a wall-clock --at is read in: the one all the environment's windows share, else UTC.
std::string zone_of(const gov::ProjectConfig& config, const gov::EnvironmentConfig& env) {
  const auto windows = config.windows_of(env);
  if (windows.empty()) return "UTC";
  for (const auto& w : windows) {
    if (w.time_zone != windows.front().time_zone) return "UTC";
  }
  return windows.front().time_zone;
}

int schedule_run(Context& context, const po::variables_map& args) {
  auto session = open_policy_session(context);
  const auto& env = chosen_environment(context, session);
  const bool next_window = args["next-window"].as<bool>();
  if (args.count("at") == (next_window ? 1U : 0U)) {
    throw Error(ErrorCode::usage, "schedule needs exactly one of --at TIME and --next-window",
                fmt::format("e.g. migcmd schedule --env {} --next-window", env.name));
  }
  // Refused before reaching the database (audited); Schedules checks again and audits the rest.
  require_permission(session, gov::Permission::schedule_create, "schedule", env.name, false);
  gov::Schedules schedules(session.config, session.store(), session.audit.get());
  const std::string zone = zone_of(session.config, env);
  gov::ScheduleRequest request;
  if (args.count("target")) request.target = args["target"].as<std::string>();
  request.at = next_window ? schedules.next_window(env.name)
                           : gov::parse_timestamp(args["at"].as<std::string>(), zone);
  auto review = review_pending(context, session, env, request.target);
  request.plan = std::move(review.plan);
  request.risk = review.risk;
  const auto run = schedules.schedule(session.identity, request);

  Output& out = context.output();
  warn_notification_failures(out, schedules.notification_failures());
  if (out.json()) {
    out.json_result("schedule", {{"schedule", schedule_json(run)}});
    return 0;
  }
  std::vector<std::string> versions;
  for (const auto& [version, checksum] : request.plan.migrations) versions.push_back(version);
  out.line(fmt::format(
      "scheduled run #{} on {} at {}{}: {} migration(s) ({}), risk {}{}", run.id, env.name,
      gov::format_utc(run.at),
      zone == "UTC" ? "" : fmt::format(" ({})", gov::format_in_zone(run.at, zone)), versions.size(),
      fmt::join(versions, ", "), to_string(request.risk),
      run.request_id ? fmt::format(", approved in request #{}", *run.request_id) : std::string()));
  out.line(
      "`migcmd agent` runs it when it is due; the gate checks it again then (lock, window, "
      "approvals, unchanged migrations)");
  return 0;
}

int schedule_list(Context& context, const po::variables_map& args) {
  auto session = open_policy_session(context);
  require_permission(session, gov::Permission::schedule_view, "schedule_list", {}, false);
  gov::Schedules schedules(session.config, session.store(), session.audit.get());
  const auto runs = schedules.list(session.identity, args["all"].as<bool>());
  Output& out = context.output();
  if (out.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& run : runs) list.push_back(schedule_json(run));
    out.json_result("schedule list", {{"schedules", list}});
    return 0;
  }
  if (runs.empty()) {
    out.line(args["all"].as<bool>() ? "no scheduled runs" : "no pending or running scheduled runs");
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& run : runs) {
    std::string state(to_string(run.status));
    if (!run.claimed_by.empty()) state += " (" + run.claimed_by + ")";
    rows.push_back({fmt::format("#{}", run.id), run.environment, gov::format_utc(run.at), state,
                    run.created_by, run.request_id ? fmt::format("#{}", *run.request_id) : "-",
                    run.message});
  }
  std::string table =
      render_table({"ID", "ENVIRONMENT", "DUE", "STATUS", "BY", "REQUEST", "OUTCOME"}, rows);
  table.pop_back();
  out.line(table);
  return 0;
}

int schedule_cancel(Context& context, const po::variables_map& args) {
  if (!args.count("id")) {
    throw Error(ErrorCode::usage, "schedule cancel needs the run's id",
                "e.g. migcmd schedule cancel 4 --reason \"release moved\"");
  }
  auto session = open_policy_session(context);
  const std::string reason = args.count("reason") ? args["reason"].as<std::string>() : "";
  gov::Schedules schedules(session.config, session.store(), session.audit.get());
  const auto run = schedules.cancel(session.identity, args["id"].as<std::int64_t>(), reason);
  Output& out = context.output();
  warn_notification_failures(out, schedules.notification_failures());
  if (out.json()) {
    out.json_result("schedule cancel", {{"schedule", schedule_json(run)}});
  } else {
    out.line(fmt::format("cancelled run #{} on {} (was due {})", run.id, run.environment,
                         gov::format_utc(run.at)));
  }
  return 0;
}

int run_schedule(Context& context, const po::variables_map& args) {
  const std::string action = args.count("action") ? args["action"].as<std::string>() : "";
  if (action.empty()) return schedule_run(context, args);
  if (action == "list") return schedule_list(context, args);
  if (action == "cancel") return schedule_cancel(context, args);
  throw Error(ErrorCode::usage, fmt::format("unknown schedule action \"{}\"", action),
              "use `migcmd schedule --env ENV --at TIME`, `migcmd schedule list` or "
              "`migcmd schedule cancel ID --reason TEXT`");
}

}  // namespace

Command schedule_command() {
  return {"schedule",
          "schedule --env ENV (--at TIME | --next-window) [--target V] | schedule list [--all] | "
          "schedule cancel ID --reason TEXT",
          "schedule an approved run for later, list or cancel scheduled runs",
          "Records a run of the plan `up` would apply to --env now (its pending migrations and "
          "their checksums) for `migcmd agent` to execute at --at TIME, or when the next "
          "maintenance window opens (--next-window). It is accepted only when the time is in one "
          "of the environment's windows and the plan is approved now and will still be then "
          "(approvals expire); when it runs, the gate checks again, acting as the person who "
          "scheduled it, and a plan that changed in between is not run. `schedule list` shows "
          "pending and running runs (--all: finished ones too); `schedule cancel ID --reason` "
          "cancels a pending one. Permissions schedule.create, schedule.view, schedule.cancel; "
          "audited.",
          schedule_options,
          run_schedule};
}

}  // namespace migcmd::cli
