#include "migcmd/governance/risk_level.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace migcmd::governance {

std::string_view to_string(RiskLevel level) noexcept {
  switch (level) {
    case RiskLevel::low:
      return "LOW";
    case RiskLevel::medium:
      return "MEDIUM";
    case RiskLevel::high:
      return "HIGH";
    case RiskLevel::critical:
      return "CRITICAL";
  }
  return "CRITICAL";
}

std::optional<RiskLevel> risk_level_from_string(std::string_view text) noexcept {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (RiskLevel level :
       {RiskLevel::low, RiskLevel::medium, RiskLevel::high, RiskLevel::critical}) {
    if (upper == to_string(level)) return level;
  }
  return std::nullopt;
}

}  // namespace migcmd::governance
