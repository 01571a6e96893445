#pragma once
// A command ("verb") of the tool: its name, its help, its own options and what it does.

#include <boost/program_options.hpp>

#include <string_view>
#include <vector>

#include "cli/context.hpp"

namespace migcmd::cli {

struct Command {
  std::string_view name;
  std::string_view synopsis;     // "up [--target V] [--resume] ..."
  std::string_view summary;      // one line for `migcmd --help`
  std::string_view description;  // one paragraph for `migcmd VERB --help`
  void (*add_options)(boost::program_options::options_description& options,
                      boost::program_options::positional_options_description& positional);
  // Returns the exit status; failures are thrown as migcmd::Error.
  int (*run)(Context& context, const boost::program_options::variables_map& args);
  // In a governed project (migcmd.json), the permission ("status.view") checked before run, the
  // use audited either way. Empty where the command checks its own (up and down through the
  // gate, the governance verbs) or needs none (help).
  std::string_view permission = {};
};

// Every command, in the order `migcmd --help` lists them.
[[nodiscard]] const std::vector<Command>& commands();

// One factory per command, defined in the cmd_*.cpp files.
[[nodiscard]] Command new_command();
[[nodiscard]] Command hash_command();
[[nodiscard]] Command up_command();
[[nodiscard]] Command down_command();
[[nodiscard]] Command status_command();
[[nodiscard]] Command validate_command();
[[nodiscard]] Command script_command();
[[nodiscard]] Command repair_command();
[[nodiscard]] Command baseline_command();
[[nodiscard]] Command adopt_command();
[[nodiscard]] Command lock_command();
[[nodiscard]] Command wait_command();
[[nodiscard]] Command add_command();
[[nodiscard]] Command diff_command();
[[nodiscard]] Command drift_command();
[[nodiscard]] Command dump_command();
[[nodiscard]] Command lint_command();  // with governance (MIGCMD_CLI_WITH_GOVERNANCE)
// Governance policy commands (MIGCMD_CLI_WITH_GOVERNANCE).
[[nodiscard]] Command env_command();
[[nodiscard]] Command request_command();
[[nodiscard]] Command approve_command();
[[nodiscard]] Command reject_command();
[[nodiscard]] Command approvals_command();
[[nodiscard]] Command roles_command();
[[nodiscard]] Command whoami_command();
[[nodiscard]] Command schedule_command();
[[nodiscard]] Command agent_command();
[[nodiscard]] Command audit_command();  // with governance (MIGCMD_CLI_WITH_GOVERNANCE)
// Reports and metrics (MIGCMD_CLI_WITH_GOVERNANCE).
[[nodiscard]] Command report_command();
[[nodiscard]] Command metrics_command();

// Helpers shared by the commands.
inline void no_options(boost::program_options::options_description&,
                       boost::program_options::positional_options_description&) {}

}  // namespace migcmd::cli
