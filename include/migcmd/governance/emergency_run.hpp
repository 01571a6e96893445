#pragma once
// A run that bypassed windows and missing approvals with --emergency: recorded with its reason
// and listed by `approvals --post-review` until someone other than its author reviews it.

#include <cstdint>
#include <optional>
#include <string>

#include "migcmd/governance/plan_fingerprint.hpp"
#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

struct EmergencyRun {
  std::int64_t id = 0;
  PlanFingerprint plan;
  std::string plan_checksum;
  std::string reason;
  std::string run_by;
  TimePoint run_at;
  std::string outcome;  // set by the runner afterwards: "succeeded", "failed: ..." ("" until then)
  std::string reviewed_by;  // empty until reviewed
  std::string review_comment;
  std::optional<TimePoint> reviewed_at;

  [[nodiscard]] bool reviewed() const noexcept { return !reviewed_by.empty(); }
  [[nodiscard]] const std::string& environment() const noexcept { return plan.environment; }

  friend bool operator==(const EmergencyRun&, const EmergencyRun&) = default;
};

}  // namespace migcmd::governance
