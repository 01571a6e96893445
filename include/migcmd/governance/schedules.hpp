#pragma once
// `schedule` as a library call: recording a planned run of an approved plan, cancelling one, and
// listing them, with their permission checks, audit entries and notifications. The runs
// themselves are executed by a ScheduleAgent (schedule_agent.hpp).
//
// A schedule is accepted only when it can succeed as far as governance can tell at that moment:
// the time falls in one of the environment's maintenance windows, and the plan is approved now
// and its approvals will still be valid at that time (they expire). What can change in between
// (an environment lock, a migration edited, an approval revoked by a rejection) is checked again
// by the gate when the agent runs it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/authorizer.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/plan_fingerprint.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/risk_level.hpp"
#include "migcmd/governance/scheduled_run.hpp"
#include "migcmd/governance/state_store.hpp"

namespace migcmd::governance {

struct ScheduleRequest {
  PlanFingerprint plan;  // what `up` would apply to plan.environment now
  RiskLevel risk = RiskLevel::low;
  TimePoint at;
  std::optional<std::string> target;  // `up --target`, replayed by the agent
};

class Schedules {
 public:
  // `config`, `store` and `audit` must outlive this object; `audit` may be null.
  Schedules(const ProjectConfig& config, StateStore& store, AuditLog* audit = nullptr,
            Clock clock = {});

  // Needs schedule.create. Error(usage) for an undeclared environment, an empty plan or a time in
  // the past; Error(refused) when the time is outside every maintenance window of the
  // environment (naming the next opening), when the plan is not approved, or when its approval
  // expires before the time. Returns the stored run (pending).
  ScheduledRun schedule(const Identity& identity, const ScheduleRequest& request);
  // Needs schedule.cancel and a reason. Error(refused) when it is running or finished already.
  ScheduledRun cancel(const Identity& identity, std::int64_t id, const std::string& reason);
  // Needs schedule.view. Soonest first; finished ones too with `include_finished`.
  [[nodiscard]] std::vector<ScheduledRun> list(const Identity& identity, bool include_finished);

  // When the next run on `environment` may start from `now` on: `now` inside a window (or when it
  // has no windows), else the next window's opening. Error(usage) when none ever opens.
  [[nodiscard]] TimePoint next_window(const std::string& environment) const;

  [[nodiscard]] const std::vector<std::string>& notification_failures() const noexcept {
    return notification_failures_;
  }

 private:
  void require_approved_until(const ScheduleRequest& request, const EnvironmentConfig& env,
                              std::optional<std::int64_t>& request_id);

  const ProjectConfig& config_;
  StateStore& store_;
  AuditLog* audit_;
  Clock clock_;
  Authorizer authorizer_;
  std::vector<std::string> notification_failures_;
};

// The options a schedule keeps for the agent, as stored in ScheduledRun::options (a JSON object).
[[nodiscard]] std::string schedule_options_json(const std::optional<std::string>& target);
// The target stored by schedule_options_json; Error(usage) naming the run when the text is not
// such an object.
[[nodiscard]] std::optional<std::string> schedule_target(const ScheduledRun& run);

}  // namespace migcmd::governance
