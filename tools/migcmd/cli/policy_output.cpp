#include "cli/policy_output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "migcmd/error.hpp"
#include "migcmd/governance/time_text.hpp"

namespace migcmd::cli {

namespace gov = migcmd::governance;

nlohmann::json request_json(const gov::ApprovalRequest& r) {
  nlohmann::json migrations = nlohmann::json::array();
  for (const auto& [version, checksum] : r.plan.migrations) {
    migrations.push_back({{"version", version}, {"checksum", checksum}});
  }
  nlohmann::json votes = nlohmann::json::array();
  for (const auto& v : r.votes) {
    votes.push_back({{"user", v.user},
                     {"kind", v.kind == gov::VoteKind::approve ? "approve" : "reject"},
                     {"roles", v.roles},
                     {"comment", v.comment},
                     {"at", gov::format_utc(v.at)}});
  }
  return {{"id", r.id},
          {"environment", r.environment()},
          {"direction", r.plan.direction},
          {"plan_checksum", r.plan_checksum},
          {"migrations", migrations},
          {"risk", std::string(to_string(r.risk))},
          {"reason", r.reason},
          {"requested_by", r.requested_by},
          {"requested_at", gov::format_utc(r.requested_at)},
          {"status", std::string(to_string(r.status))},
          {"closed_by", r.closed_by},
          {"closed_reason", r.closed_reason},
          {"votes", votes}};
}

nlohmann::json decision_json(const gov::ApprovalDecision& d) {
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& rule : d.rules) rules.push_back(rule.describe());
  return {{"approved", d.approved},       {"rejected", d.rejected},   {"executed", d.executed},
          {"invalidated", d.invalidated}, {"approvers", d.approvers}, {"expired", d.expired},
          {"missing", d.missing},         {"rules", rules},           {"message", d.message}};
}

nlohmann::json emergency_json(const gov::EmergencyRun& e) {
  nlohmann::json migrations = nlohmann::json::array();
  for (const auto& [version, checksum] : e.plan.migrations) {
    migrations.push_back({{"version", version}, {"checksum", checksum}});
  }
  return {{"id", e.id},
          {"environment", e.environment()},
          {"plan_checksum", e.plan_checksum},
          {"migrations", migrations},
          {"reason", e.reason},
          {"run_by", e.run_by},
          {"run_at", gov::format_utc(e.run_at)},
          {"outcome", e.outcome},
          {"reviewed", e.reviewed()},
          {"reviewed_by", e.reviewed_by},
          {"review_comment", e.review_comment},
          {"reviewed_at", e.reviewed_at ? nlohmann::json(gov::format_utc(*e.reviewed_at))
                                        : nlohmann::json(nullptr)}};
}

std::int64_t parse_id(const std::string& text, std::string_view what) {
  std::string digits = text;
  if (!digits.empty() && digits.front() == '#') digits.erase(0, 1);
  const bool ok = !digits.empty() && digits.size() < 18 &&
                  std::all_of(digits.begin(), digits.end(),
                              [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!ok) {
    throw Error(ErrorCode::usage, fmt::format("\"{}\" is not {} id", text, what),
                "give the number `migcmd approvals` shows, e.g. 7");
  }
  return std::stoll(digits);
}

void warn_notification_failures(Output& out, const std::vector<std::string>& failures) {
  for (const auto& f : failures) out.warning(f);
}

}  // namespace migcmd::cli
