#pragma once
// Whether a request's approvals allow its plan to run now, and if not exactly what is missing.
//
// Counted: each user's latest approval, given to the request's plan checksum, not by the
// requester, and not older than the rule's expiry (each applicable rule judges expiry with its
// own). Every applicable rule (approval_rule.hpp) must be satisfied: its count of distinct
// approvers, and each required role held by a distinct approver (a role is held directly or
// through a role that inherits it). A request no rule applies to is approved as it is.
//
// Never approved: a rejected request, one already executed, or one whose plan is not the current
// plan (a migration's checksum changed, a version was added or removed, another environment or
// direction): such a request needs a new request.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/governance/approval_request.hpp"
#include "migcmd/governance/approval_rule.hpp"
#include "migcmd/governance/plan_fingerprint.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/risk_level.hpp"
#include "migcmd/governance/tier.hpp"

namespace migcmd::governance {

struct ApprovalDecision {
  std::int64_t request_id = 0;
  bool approved = false;
  bool rejected = false;
  bool executed = false;
  bool invalidated = false;            // the plan is not the one approved
  std::vector<ApprovalRule> rules;     // the rules that applied
  std::vector<std::string> approvers;  // counted (valid for every applicable rule), sorted
  std::vector<std::string> expired;    // users whose approval expired under some rule
  // One sentence per unmet requirement: "2 more approvals needed, including one from role dba;
  // approvals expire 24h after they are given (production, risk HIGH or above)", "the plan
  // changed since it was approved: migration 002 changed (checksum 1a2b3c4d -> 9f8e7d6c)", ...
  std::vector<std::string> missing;
  // The whole verdict in one paragraph: "request #3 is approved: alice, carol (production, risk
  // HIGH or above: 2 approvals including dba, valid 24h)" or "request #3 is not approved: ...".
  std::string message;
};

// `current_checksum`: the checksum of the plan about to run. `risk`: its level now.
[[nodiscard]] ApprovalDecision evaluate(const ApprovalRequest& request, const ProjectConfig& config,
                                        Tier tier, RiskLevel risk,
                                        std::string_view current_checksum, TimePoint now);
// The same, naming what changed when the plan differs.
[[nodiscard]] ApprovalDecision evaluate(const ApprovalRequest& request, const ProjectConfig& config,
                                        Tier tier, RiskLevel risk, const PlanFingerprint& current,
                                        TimePoint now);

}  // namespace migcmd::governance
