#pragma once
// A planned run: `schedule --at TIME` records it, `migcmd agent` claims it when due and runs it.
// Claiming is atomic (pending -> running in one statement), so two agents, or an agent restarted
// after a crash, never run one schedule twice: a run interrupted while `running` stays so until
// someone looks at it (StateStore::interrupted_schedules).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

enum class ScheduleStatus { pending, running, done, failed, cancelled };

[[nodiscard]] std::string_view to_string(ScheduleStatus status) noexcept;
[[nodiscard]] std::optional<ScheduleStatus> schedule_status_from_string(
    std::string_view text) noexcept;

struct ScheduledRun {
  std::int64_t id = 0;
  std::string environment;
  std::string plan_checksum;
  std::optional<std::int64_t> request_id;  // the approval request it runs under
  TimePoint at;                            // due from then on
  std::string options;  // what the runner needs besides the plan (e.g. a JSON object: target)
  ScheduleStatus status = ScheduleStatus::pending;
  std::string created_by;
  TimePoint created_at;
  std::string claimed_by;  // the agent that took it ("host:pid" or a name)
  std::optional<TimePoint> claimed_at;
  std::optional<TimePoint> finished_at;
  std::string message;  // the outcome, an error, or why it was cancelled (and by whom)

  friend bool operator==(const ScheduledRun&, const ScheduledRun&) = default;
};

}  // namespace migcmd::governance
