#pragma once
// What `request`, `schedule` and `agent` look at before a governed run: the plan `up` would apply
// to an environment now (its pending migrations with their checksums) and the risk level of
// those migrations, as the gate will compute them when it runs.

#include <optional>
#include <string>

#include "cli/context.hpp"
#include "cli/policy_session.hpp"
#include "migcmd/governance/plan_fingerprint.hpp"
#include "migcmd/governance/risk_level.hpp"

namespace migcmd::cli {

struct PendingReview {
  governance::PlanFingerprint plan;
  governance::RiskLevel risk = governance::RiskLevel::low;
};

// Reads --dir and the environment's database (its URL from the variable its url_env names).
[[nodiscard]] PendingReview review_pending(Context& context, const PolicySession& session,
                                           const governance::EnvironmentConfig& environment,
                                           const std::optional<std::string>& target);

}  // namespace migcmd::cli
