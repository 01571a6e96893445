#include <fmt/format.h>

#include "migcmd/governance/risk.hpp"

namespace migcmd::governance {

RiskLevel RiskReport::level() const noexcept {
  RiskLevel highest = RiskLevel::low;
  for (const auto& f : findings) {
    if (!f.waived() && f.level > highest) highest = f.level;
  }
  return highest;
}

bool RiskReport::reaches(RiskLevel threshold) const noexcept {
  for (const auto& f : findings) {
    if (!f.waived() && f.level >= threshold) return true;
  }
  return false;
}

std::string location(const RiskFinding& finding) {
  if (finding.line > 0) return fmt::format("{}:{}", finding.source, finding.line);
  if (finding.statement > 0) {
    return fmt::format("{} operation {}", finding.migration, finding.statement);
  }
  return finding.migration;
}

std::string format_finding(const RiskFinding& finding) {
  std::string text = fmt::format("{}  {}  {} {}  {}\n    suggestion: {}\n", location(finding),
                                 to_string(finding.level), finding.code, finding.rule,
                                 finding.message, finding.suggestion);
  if (finding.waiver) text += fmt::format("    waived: {}\n", *finding.waiver);
  return text;
}

}  // namespace migcmd::governance
