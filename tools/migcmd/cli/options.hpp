#pragma once
// The global options, accepted before or after the command, and the split of the command line
// into those, the command's name and the command's own arguments.

#include <boost/program_options.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace migcmd::cli {

struct GlobalOptions {
  std::optional<std::string> url;      // --url, else $DATABASE_URL
  std::optional<std::string> dev_url;  // --dev-url, else $MIGCMD_DEV_URL
  std::filesystem::path dir = "./migrations";
  bool json = false;
  bool yes = false;
  bool verbose = false;
  bool help = false;
  std::string history_table = "migcmd_history";
  double lock_timeout_seconds = 60;
  double statement_lock_timeout_seconds = 10;  // 0: off
  std::string lock_mode = "session";
  // Governance: the project configuration, the environment acted on, the acting user.
  std::filesystem::path config = "migcmd.json";  // --config
  bool config_given = false;                     // --config was passed (a missing file is an error)
  std::optional<std::string> environment;        // --env: its URL comes from its url_env
  std::optional<std::string> as_user;            // --as, else $MIGCMD_USER, else the OS user
};

struct CommandLine {
  GlobalOptions global;
  std::optional<std::string> command;  // the first word that is not an option
  std::vector<std::string> arguments;  // everything the global options did not take
};

// No prefix guessing: a command's "--to" must never be taken for a global option.
inline constexpr int option_style = boost::program_options::command_line_style::default_style &
                                    ~boost::program_options::command_line_style::allow_guessing;

[[nodiscard]] boost::program_options::options_description global_options_description();

// Throws Error(usage) for a malformed global option.
[[nodiscard]] CommandLine parse_command_line(const std::vector<std::string>& args);

// A quick look for --json before parsing, so that even a parse error is reported as JSON.
[[nodiscard]] bool wants_json(const std::vector<std::string>& args);

}  // namespace migcmd::cli
