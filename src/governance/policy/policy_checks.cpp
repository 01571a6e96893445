#include "migcmd/governance/policy_checks.hpp"

#include <fmt/format.h>

#include "migcmd/governance/maintenance_window.hpp"

namespace migcmd::governance {

void require_unlocked(StateStore& store, const std::string& environment) {
  const auto lock = store.environment_lock(environment);
  if (!lock) return;
  throw Error(ErrorCode::refused,
              fmt::format("environment {} is locked by {} since {}: {}", environment,
                          lock->locked_by, format_utc(lock->locked_at), lock->reason),
              fmt::format("no run is allowed until `migcmd env unlock {}`", environment));
}

void require_window_open(const ProjectConfig& config, const EnvironmentConfig& environment,
                         TimePoint now) {
  const auto windows = config.windows_of(environment);
  if (is_open(windows, now)) return;
  std::vector<std::string> described;
  for (const auto& w : windows) described.push_back(fmt::format("{}: {}", w.name, describe(w)));
  const auto next = next_opening(windows, now);
  throw Error(
      ErrorCode::refused,
      fmt::format("{} is outside its maintenance windows ({}) at {}{}", environment.name,
                  fmt::join(described, "; "), format_utc(now),
                  next ? fmt::format("; the next opens at {}", format_utc(*next)) : std::string()),
      "schedule the run for the window (`migcmd schedule --next-window`), or, for an "
      "emergency, pass --emergency \"reason\" (it will need a post-review)");
}

void require_approved(const ApprovalDecision& decision) {
  if (decision.approved) return;
  std::string hint;
  for (const auto& item : decision.missing) hint += (hint.empty() ? "" : "\n") + ("- " + item);
  throw Error(ErrorCode::refused, decision.message,
              hint.empty() ? std::string("`migcmd approvals` shows the requests") : hint);
}

}  // namespace migcmd::governance
