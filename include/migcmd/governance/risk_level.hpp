#pragma once
// How much a change can hurt, from LOW (nothing to watch) to CRITICAL (data loss or an outage is
// likely). Risk rules give each finding a level; a plan's level is its highest finding's; the
// approval matrix asks for more sign-off as it rises.

#include <optional>
#include <string_view>

namespace migcmd::governance {

enum class RiskLevel { low = 0, medium = 1, high = 2, critical = 3 };

[[nodiscard]] std::string_view to_string(RiskLevel level) noexcept;  // "LOW" ... "CRITICAL"
// Accepts any case ("high", "HIGH"); std::nullopt for anything else.
[[nodiscard]] std::optional<RiskLevel> risk_level_from_string(std::string_view text) noexcept;

}  // namespace migcmd::governance
