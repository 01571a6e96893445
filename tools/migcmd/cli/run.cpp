#include "cli/run.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/help.hpp"
#include "cli/options.hpp"
#include "cli/output.hpp"
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
#include "cli/policy_session.hpp"
#endif
#include "migcmd/url.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

const Command* find_command(const std::string& name) {
  const auto& all = commands();
  auto it = std::find_if(all.begin(), all.end(), [&](const Command& c) { return c.name == name; });
  return it == all.end() ? nullptr : &*it;
}

// The URL and its password are masked wherever they might show up in a message.
void register_secrets(Output& output, const std::optional<std::string>& url) {
  if (!url || url->empty()) return;
  output.add_secret(*url, redact_url(*url));
  try {
    const DatabaseUrl parsed = parse_url(*url);
    // A one- or two-character password would mask unrelated text; the URL form covers it.
    if (parsed.password.size() >= 3) output.add_secret(parsed.password);
    const std::string redacted = parsed.redacted();
    for (const auto& [key, value] : parsed.parameters) {
      if (value.size() >= 3 && redacted.find(value) == std::string::npos) {
        output.add_secret(value);  // a secret parameter the redaction hid
      }
    }
  } catch (const std::exception&) {
    // A malformed URL is reported by the command that needs it.
  }
  const auto scheme_end = url->find("://");
  const auto at = url->rfind('@');
  if (scheme_end != std::string::npos && at != std::string::npos && at > scheme_end) {
    const std::string user_info = url->substr(scheme_end + 3, at - scheme_end - 3);
    const auto colon = user_info.find(':');
    if (colon != std::string::npos && user_info.size() - colon - 1 >= 3) {
      output.add_secret(user_info.substr(colon + 1));  // as written, still percent-encoded
    }
  }
}

int run_command(const Command& command, Context& context, const std::vector<std::string>& args) {
  po::options_description options;
  po::positional_options_description positional;
  command.add_options(options, positional);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args)
                  .options(options)
                  .positional(positional)
                  .style(option_style)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(ErrorCode::usage, fmt::format("{}: {}", command.name, e.what()),
                fmt::format("run `migcmd {} --help` for its options", command.name));
  }
#ifdef MIGCMD_CLI_WITH_GOVERNANCE
  if (!command.permission.empty()) {
    check_command_permission(context, command.name, command.permission, args);
  }
#endif
  return command.run(context, vm);
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        Terminal terminal) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);

  // Until the options are parsed, errors are reported the way --json asks for.
  Output early(out, err, wants_json(args), false, false);
  CommandLine line;
  try {
    line = parse_command_line(args);
  } catch (const Error& e) {
    early.error(e);
    return to_int(exit_code_for(e.code()));
  }

  const GlobalOptions& g = line.global;
  Output output(out, err, g.json, g.verbose, terminal.out);
  register_secrets(output, g.url);
  try {
    if (!line.command) {
      if (g.help) {
        out << general_help();
        return to_int(ExitCode::ok);
      }
      throw Error(ErrorCode::usage, "no command given", "run `migcmd --help` to list the commands");
    }
    const Command* command = find_command(*line.command);
    if (!command) {
      throw Error(ErrorCode::usage, fmt::format("unknown command \"{}\"", *line.command),
                  "run `migcmd --help` to list the commands");
    }
    if (g.help) {
      out << command_help(*command);
      return to_int(ExitCode::ok);
    }
    Context context(g, output, terminal);
    return run_command(*command, context, line.arguments);
  } catch (const Error& e) {
    output.error(e);
    return to_int(exit_code_for(e.code()));
  } catch (const std::exception& e) {
    // Not from migcmd (a driver, the standard library): reported as it is, masked.
    output.error(
        Error(ErrorCode::internal, e.what(),
              "this is unexpected; run again with --verbose and report it if it persists"));
    return to_int(ExitCode::other);
  }
}

int run(int argc, char** argv) {
  return run(argc, argv, std::cout, std::cerr,
             Terminal{isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1});
}

}  // namespace migcmd::cli
