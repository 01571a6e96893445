#include "migcmd/governance/state_snapshot.hpp"

namespace migcmd::governance {

StateSnapshot take_state_snapshot(const ProjectConfig& config, StateStore& store, TimePoint now) {
  StateSnapshot s;
  s.taken_at = now;
  for (const auto& env : config.environments) s.environments.push_back(env.name);
  s.locks = store.environment_locks();
  s.open_requests = store.requests(RequestFilter{});
  s.awaiting_review = store.emergency_runs(/*include_reviewed=*/false);
  s.schedules = store.schedules(/*include_finished=*/true);
  return s;
}

}  // namespace migcmd::governance
