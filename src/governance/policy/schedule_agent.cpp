#include "migcmd/governance/schedule_agent.hpp"

#include <fmt/format.h>

#include <chrono>
#include <exception>

#include "policy_audit.hpp"

namespace migcmd::governance {

ScheduleAgent::ScheduleAgent(const ProjectConfig& config, StateStore& store, AuditLog* audit,
                             Identity identity, std::string name, Clock clock)
    : store_(store),
      audit_(audit),
      identity_(std::move(identity)),
      name_(std::move(name)),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::system_clock::now(); })),
      authorizer_(config) {}

std::vector<ScheduleOutcome> ScheduleAgent::run_due(const Executor& execute) {
  // Only a refusal is audited here: an agent polls every few seconds, and its runs are audited
  // one by one below.
  try {
    authorizer_.require(identity_, Permission::agent_run);
  } catch (const Error& e) {
    if (audit_) {
      auto entry = detail::audit_entry(identity_, "agent", "", "", name_);
      entry.result = audit_result::refused;
      entry.message = e.message();
      audit_->append(entry);
    }
    throw;
  }
  std::vector<ScheduleOutcome> outcomes;
  while (auto run = store_.claim_next_due(name_, clock_())) {
    auto entry = detail::audit_entry(identity_, "schedule_run", run->environment,
                                     run->plan_checksum, fmt::format("#{}", run->id));
    entry.details["agent"] = name_;
    entry.details["scheduled_by"] = run->created_by;
    entry.details["due"] = format_utc(run->at);
    const auto started = std::chrono::steady_clock::now();
    std::string message;
    bool succeeded = false;
    try {
      message = execute(*run);
      succeeded = true;
    } catch (const Error& e) {
      message = e.message();
    } catch (const std::exception& e) {
      message = e.what();
    }
    ScheduleOutcome outcome{store_.finish_schedule(run->id, name_, succeeded, message, clock_()),
                            succeeded};
    if (audit_) {
      entry.result = succeeded ? audit_result::succeeded : audit_result::failed;
      entry.message = message;
      entry.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
      audit_->append(entry);
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

std::vector<ScheduledRun> ScheduleAgent::interrupted() {
  return store_.interrupted_schedules();
}

Identity scheduled_identity(const ScheduledRun& run) {
  return Identity{run.created_by, {}, fmt::format("schedule #{}", run.id)};
}

}  // namespace migcmd::governance
