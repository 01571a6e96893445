#include "migcmd/governance/approval_rule.hpp"

#include <fmt/format.h>

#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

bool ApprovalRule::applies(Tier plan_tier, RiskLevel plan_risk) const noexcept {
  if (plan_tier != tier) return false;
  return match == RiskMatch::exact ? plan_risk == risk
                                   : static_cast<int>(plan_risk) >= static_cast<int>(risk);
}

std::string ApprovalRule::describe() const {
  std::string text = fmt::format("{}, risk {}{}: {} approval{}", to_string(tier), to_string(risk),
                                 match == RiskMatch::at_least ? " or above" : " only", approvals,
                                 approvals == 1 ? "" : "s");
  if (!roles.empty()) text += fmt::format(" including {}", fmt::join(roles, ", "));
  text += fmt::format(", valid {}", format_duration(expires));
  return text;
}

std::vector<ApprovalRule> applicable_rules(const std::vector<ApprovalRule>& rules, Tier tier,
                                           RiskLevel risk) {
  std::vector<ApprovalRule> out;
  for (const auto& rule : rules) {
    if (rule.applies(tier, risk)) out.push_back(rule);
  }
  return out;
}

}  // namespace migcmd::governance
