#pragma once
// A governed project (a migcmd.json in the working directory, or --config): every command that
// reaches a database names its environment with --env, whose URL comes from the variable its
// url_env names, and the commands that change it run behind the governance gate (permissions,
// environment lock, risk, window, approvals or --emergency; all audited).

#include <memory>
#include <optional>
#include <string>

#include "cli/context.hpp"
#include "cli/policy_session.hpp"
#include "migcmd/governance/governance_gate.hpp"

namespace migcmd::cli {

struct GovernedRun {
  std::shared_ptr<PolicySession> policy;
  const governance::EnvironmentConfig* environment = nullptr;
  std::string url;
  std::unique_ptr<governance::GovernanceGate> gate;
};

// std::nullptr when the project is not governed; Error(usage) when it is and --env is missing.
[[nodiscard]] std::shared_ptr<GovernedRun> open_governed_run(
    Context& context, const ProviderRegistry& providers,
    const std::optional<std::string>& emergency_reason);

}  // namespace migcmd::cli
