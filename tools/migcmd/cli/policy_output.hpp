#pragma once
// How the governance commands show requests, decisions and emergency runs, as text and as JSON.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/output.hpp"

#include "migcmd/governance/approval_decision.hpp"
#include "migcmd/governance/approval_request.hpp"
#include "migcmd/governance/emergency_run.hpp"

namespace migcmd::cli {

[[nodiscard]] nlohmann::json request_json(const governance::ApprovalRequest& request);
[[nodiscard]] nlohmann::json decision_json(const governance::ApprovalDecision& decision);
[[nodiscard]] nlohmann::json emergency_json(const governance::EmergencyRun& run);

// One "warning: ..." note per notification hook that failed (the action itself went through).
void warn_notification_failures(Output& out, const std::vector<std::string>& failures);

// "7" or "#7"; Error(usage) naming `what` otherwise.
[[nodiscard]] std::int64_t parse_id(const std::string& text, std::string_view what);

}  // namespace migcmd::cli
