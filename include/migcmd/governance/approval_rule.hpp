#pragma once
// One line of the approval matrix: for a tier and a risk level, how many approvals, which roles
// must be among the approvers, and how long an approval stays valid.
//
// Matching: with RiskMatch::at_least (the default) a rule for HIGH applies to HIGH and CRITICAL
// plans; with RiskMatch::exact only to HIGH. Every rule that applies must be satisfied, each on
// its own terms (its count, its roles, its expiry); a plan no rule applies to needs no approval.

#include <chrono>
#include <string>
#include <vector>

#include "migcmd/governance/risk_level.hpp"
#include "migcmd/governance/tier.hpp"

namespace migcmd::governance {

enum class RiskMatch { at_least, exact };

struct ApprovalRule {
  Tier tier = Tier::production;
  RiskLevel risk = RiskLevel::low;
  RiskMatch match = RiskMatch::at_least;
  int approvals = 1;  // distinct approvers, never the requester
  // Roles that must be among the approvers, one distinct approver per entry ("dba" twice: two
  // DBAs). An approver holds a role directly or through a role that inherits it.
  std::vector<std::string> roles;
  std::chrono::seconds expires{std::chrono::hours(24)};  // after the approval is given

  [[nodiscard]] bool applies(Tier plan_tier, RiskLevel plan_risk) const noexcept;
  // "production, risk HIGH or above: 3 approvals including dba, tech_lead, valid 24h".
  [[nodiscard]] std::string describe() const;

  friend bool operator==(const ApprovalRule&, const ApprovalRule&) = default;
};

// The rules of `rules` that apply to a plan, in order.
[[nodiscard]] std::vector<ApprovalRule> applicable_rules(const std::vector<ApprovalRule>& rules,
                                                         Tier tier, RiskLevel risk);

}  // namespace migcmd::governance
