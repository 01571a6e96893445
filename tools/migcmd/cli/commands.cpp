#include "cli/command.hpp"

namespace migcmd::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> all = {
      new_command(),       hash_command(),     up_command(),      down_command(),
      status_command(),    validate_command(), script_command(),  repair_command(),
      baseline_command(),  adopt_command(),    lock_command(),    wait_command(),
      add_command(),       diff_command(),     drift_command(),   dump_command(),
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
      lint_command(),
#endif
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
      env_command(),       request_command(),  approve_command(), reject_command(),
      approvals_command(), roles_command(),    whoami_command(),  schedule_command(),
      agent_command(),
#endif
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
      audit_command(),
#endif
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
      report_command(),    metrics_command(),
#endif
  };
  return all;
}

}  // namespace migcmd::cli
