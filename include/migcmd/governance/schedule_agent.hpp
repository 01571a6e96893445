#pragma once
// The agent behind `migcmd agent`: it claims the scheduled runs that are due, one at a time and
// soonest first, and hands each to an executor (the CLI's runs the migrator behind the governance
// gate, acting as the person who scheduled it). A claim is atomic in the state store, so however
// many agents poll the same project, and however often one is restarted, a run is executed at
// most once: a run whose agent stopped half way stays `running` and is reported by
// interrupted(), never taken again.

#include <functional>
#include <string>
#include <vector>

#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/authorizer.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/scheduled_run.hpp"
#include "migcmd/governance/state_store.hpp"

namespace migcmd::governance {

struct ScheduleOutcome {
  ScheduledRun run;  // as finished in the store (done or failed, with its message)
  bool succeeded = false;
};

class ScheduleAgent {
 public:
  // Executes one claimed run and returns a one-line summary ("applied 003, 004"); throwing fails
  // the run with the exception's message.
  using Executor = std::function<std::string(const ScheduledRun&)>;

  // `config`, `store` and `audit` must outlive the agent; `audit` may be null. `identity` is who
  // runs the agent (it needs agent.run); `name` tells agents apart in the store and the audit.
  ScheduleAgent(const ProjectConfig& config, StateStore& store, AuditLog* audit, Identity identity,
                std::string name, Clock clock = {});

  // Error(permission_denied), audited, when the agent's identity lacks agent.run. Then executes
  // every run due now, until none is left; one run failing does not stop the next. Each run's
  // outcome is audited ("schedule_run", succeeded or failed).
  std::vector<ScheduleOutcome> run_due(const Executor& execute);

  // Runs left `running` by any agent that stopped while executing them.
  [[nodiscard]] std::vector<ScheduledRun> interrupted();

  [[nodiscard]] const std::string& name() const noexcept { return name_; }

 private:
  StateStore& store_;
  AuditLog* audit_;
  Identity identity_;
  std::string name_;
  Clock clock_;
  Authorizer authorizer_;
};

// Who a scheduled run acts as when it runs: the person who scheduled it (their roles in
// migcmd.json at run time decide), with the source naming the schedule.
[[nodiscard]] Identity scheduled_identity(const ScheduledRun& run);

}  // namespace migcmd::governance
