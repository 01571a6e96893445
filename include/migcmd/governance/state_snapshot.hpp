#pragma once
// The governance state as it is now, for reports and metrics: the configured environments and,
// from the state store, the environment locks, the open approval requests, the emergency runs
// awaiting post-review and the scheduled runs. Plain values: a report built from a snapshot never
// touches the store.

#include <string>
#include <vector>

#include "migcmd/governance/approval_request.hpp"
#include "migcmd/governance/emergency_run.hpp"
#include "migcmd/governance/environment_lock.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/scheduled_run.hpp"
#include "migcmd/governance/state_store.hpp"
#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

struct StateSnapshot {
  TimePoint taken_at;                     // "now" for the report
  std::vector<std::string> environments;  // configured, in the configuration's order
  std::vector<EnvironmentLock> locks;
  std::vector<ApprovalRequest> open_requests;  // newest first
  std::vector<EmergencyRun> awaiting_review;   // emergency runs not yet post-reviewed
  std::vector<ScheduledRun> schedules;         // every one, finished ones too, soonest first
};

// Reads `store` once. `now` becomes StateSnapshot::taken_at.
[[nodiscard]] StateSnapshot take_state_snapshot(const ProjectConfig& config, StateStore& store,
                                                TimePoint now);

}  // namespace migcmd::governance
