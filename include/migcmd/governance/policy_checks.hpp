#pragma once
// The checks a run goes through, each as one call that throws Error(refused) with a message that
// says what to do. The gate combines them (and audits its decision).

#include <string>

#include "migcmd/governance/approval_decision.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/state_store.hpp"
#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

// "environment prod is locked by alice since 2025-03-01 10:00:00 UTC: incident 42", hint
// `migcmd env unlock prod`.
void require_unlocked(StateStore& store, const std::string& environment);

// "prod is outside its maintenance windows (weeknights: mon-thu 22:00-02:00 Europe/Paris) at
// 2025-03-01 10:00:00 UTC; the next opens at 2025-03-03 21:00:00 UTC", hint: schedule it with
// --next-window, or --emergency. Does nothing for an environment without windows.
void require_window_open(const ProjectConfig& config, const EnvironmentConfig& environment,
                         TimePoint now);

// Error(refused) with decision.message (and the missing items in the hint) unless approved.
void require_approved(const ApprovalDecision& decision);

}  // namespace migcmd::governance
