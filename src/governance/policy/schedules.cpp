#include "migcmd/governance/schedules.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "migcmd/governance/approvals.hpp"
#include "migcmd/governance/maintenance_window.hpp"
#include "migcmd/governance/policy_checks.hpp"
#include "policy_audit.hpp"

namespace migcmd::governance {
namespace {

// A time a little behind "now" is still accepted: `--at` typed as the current minute, or a clock
// that ticked while the plan was read.
constexpr std::chrono::seconds past_tolerance{60};

std::string versions_of(const PlanFingerprint& plan) {
  std::vector<std::string> versions;
  for (const auto& [version, checksum] : plan.migrations) versions.push_back(version);
  return fmt::format("{}", fmt::join(versions, ", "));
}

}  // namespace

Schedules::Schedules(const ProjectConfig& config, StateStore& store, AuditLog* audit, Clock clock)
    : config_(config),
      store_(store),
      audit_(audit),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::system_clock::now(); })),
      authorizer_(config) {}

void Schedules::require_approved_until(const ScheduleRequest& request, const EnvironmentConfig& env,
                                       std::optional<std::int64_t>& request_id) {
  Approvals approvals(config_, store_, nullptr, clock_);
  const ApprovalDecision now = approvals.check(request.plan, request.risk);
  require_approved(now);
  if (now.request_id == 0) return;  // no approval rule applies to this tier and risk
  request_id = now.request_id;
  const ApprovalDecision then = evaluate(store_.request(now.request_id), config_, env.tier,
                                         request.risk, request.plan, request.at);
  if (then.approved) return;
  std::string hint;
  for (const auto& item : then.missing) hint += (hint.empty() ? "" : "\n") + ("- " + item);
  throw Error(ErrorCode::refused,
              fmt::format("request #{} is approved now but will not be at {}: {}", now.request_id,
                          format_utc(request.at), then.message),
              hint.empty() ? "schedule the run sooner, or renew the approvals" : hint);
}

ScheduledRun Schedules::schedule(const Identity& identity, const ScheduleRequest& request) {
  notification_failures_.clear();
  const std::string& env_name = request.plan.environment;
  auto entry = detail::audit_entry(identity, "schedule", env_name, request.plan.checksum());
  entry.details["at"] = format_utc(request.at);
  ScheduledRun stored = detail::audited(audit_, entry, [&](AuditEntry& e) {
    authorizer_.require(identity, Permission::schedule_create);
    const EnvironmentConfig& env = config_.environment(env_name);
    if (request.plan.migrations.empty()) {
      throw Error(ErrorCode::usage, fmt::format("nothing to schedule: {} is up to date", env_name));
    }
    const TimePoint now = clock_();
    if (request.at + past_tolerance < now) {
      throw Error(
          ErrorCode::usage,
          fmt::format("{} is in the past (it is {} now)", format_utc(request.at), format_utc(now)),
          "give a later --at, or --next-window");
    }
    require_window_open(config_, env, request.at);
    ScheduledRun run;
    require_approved_until(request, env, run.request_id);
    run.environment = env_name;
    run.plan_checksum = request.plan.checksum();
    run.at = request.at;
    run.options = schedule_options_json(request.target);
    run.created_by = identity.user;
    run.created_at = now;
    const std::int64_t id = store_.add_schedule(run);
    e.target = fmt::format("#{}", id);
    e.message = fmt::format("{} scheduled {} on {} at {}{}", identity.user,
                            versions_of(request.plan), env_name, format_utc(request.at),
                            run.request_id ? fmt::format(" (request #{})", *run.request_id) : "");
    if (run.request_id) e.details["request"] = std::to_string(*run.request_id);
    return *store_.find_schedule(id);
  });
  notification_failures_ = detail::notify_and_audit(
      config_.notifications,
      Notification{"schedule",
                   env_name,
                   identity.user,
                   fmt::format("{} scheduled run #{} of {} on {} at {}", identity.user, stored.id,
                               versions_of(request.plan), env_name, format_utc(stored.at)),
                   {{"schedule", std::to_string(stored.id)}, {"at", format_utc(stored.at)}},
                   clock_()},
      audit_);
  return stored;
}

ScheduledRun Schedules::cancel(const Identity& identity, std::int64_t id,
                               const std::string& reason) {
  notification_failures_.clear();
  auto entry = detail::audit_entry(identity, "schedule_cancel", "", "", fmt::format("#{}", id));
  entry.details["reason"] = reason;
  ScheduledRun cancelled = detail::audited(audit_, entry, [&](AuditEntry& e) {
    authorizer_.require(identity, Permission::schedule_cancel);
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
      throw Error(ErrorCode::usage, "cancelling a scheduled run needs a reason",
                  fmt::format("e.g. migcmd schedule cancel {} --reason \"release moved\"", id));
    }
    const auto run = store_.find_schedule(id);
    if (!run) throw Error(ErrorCode::usage, fmt::format("there is no scheduled run #{}", id));
    e.environment = run->environment;
    e.plan_checksum = run->plan_checksum;
    auto done = store_.cancel_schedule(id, identity.user, reason, clock_());
    e.message = fmt::format("{} cancelled run #{} on {} (due {}): {}", identity.user, id,
                            done.environment, format_utc(done.at), reason);
    return done;
  });
  notification_failures_ = detail::notify_and_audit(
      config_.notifications,
      Notification{"schedule.cancel",
                   cancelled.environment,
                   identity.user,
                   fmt::format("{} cancelled scheduled run #{} on {}: {}", identity.user, id,
                               cancelled.environment, reason),
                   {{"schedule", std::to_string(id)}},
                   clock_()},
      audit_);
  return cancelled;
}

std::vector<ScheduledRun> Schedules::list(const Identity& identity, bool include_finished) {
  authorizer_.require(identity, Permission::schedule_view);
  return store_.schedules(include_finished);
}

TimePoint Schedules::next_window(const std::string& environment) const {
  const EnvironmentConfig& env = config_.environment(environment);
  const auto next = next_opening(config_.windows_of(env), clock_());
  if (!next) {
    throw Error(
        ErrorCode::usage,
        fmt::format("no maintenance window of {} ever opens (none lists a day)", environment),
        "fix its windows in migcmd.json");
  }
  return *next;
}

std::string schedule_options_json(const std::optional<std::string>& target) {
  nlohmann::json options = nlohmann::json::object();
  if (target) options["target"] = *target;
  return options.dump();
}

std::optional<std::string> schedule_target(const ScheduledRun& run) {
  if (run.options.empty()) return std::nullopt;
  const auto options = nlohmann::json::parse(run.options, nullptr, false);
  if (!options.is_object() || (options.contains("target") && !options["target"].is_string())) {
    throw Error(ErrorCode::usage,
                fmt::format("scheduled run #{} has unreadable options: {}", run.id, run.options));
  }
  if (!options.contains("target")) return std::nullopt;
  return options["target"].get<std::string>();
}

}  // namespace migcmd::governance
