#pragma once
// The report's renderers (report_format.hpp) and what they share.

#include <cstdint>
#include <string>
#include <string_view>

#include "migcmd/governance/report.hpp"

namespace migcmd::governance::detail {

[[nodiscard]] std::string render_text(const GovernanceReport& report);
[[nodiscard]] std::string render_markdown(const GovernanceReport& report);
[[nodiscard]] std::string render_json(const GovernanceReport& report);
[[nodiscard]] std::string render_csv(const GovernanceReport& report);

// "250ms", "1.5s", "3m 20s", "2h 5m", "1d 3h".
[[nodiscard]] std::string human_duration(std::int64_t ms);
// Milliseconds as exact decimal seconds: "1.5", "12", "0.007", "-3.25".
[[nodiscard]] std::string decimal_seconds(std::int64_t ms);
// "from 2026-11-01 00:00:00 UTC until 2026-12-01 00:00:00 UTC", "the whole audit trail", ...
[[nodiscard]] std::string period_text(const ReportFilter& filter);
// Text from outside on one line: control characters become spaces.
[[nodiscard]] std::string one_line(std::string_view text);
// How a person reads an environment name ("" is "(no environment)").
[[nodiscard]] std::string environment_label(const std::string& environment);

}  // namespace migcmd::governance::detail
