#include "cli/help.hpp"

#include <fmt/format.h>

#include <sstream>

#include "cli/exit_codes.hpp"
#include "cli/options.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {

std::string wrap(std::string_view text, std::size_t width, std::size_t indent) {
  std::string out;
  std::string line;
  std::istringstream words{std::string(text)};
  for (std::string word; words >> word;) {
    if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
      out += std::string(indent, ' ') + line + '\n';
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += std::string(indent, ' ') + line + '\n';
  return out;
}

std::string general_help() {
  std::string text =
      "Usage: migcmd [global options] COMMAND [command options]\n\n"
      "Applies SQL migrations (dbmate, Flyway, golang-migrate or migcmd files) to a database\n"
      "exactly once, under the database's own lock, and reports what it did.\n\n"
      "Commands:\n";
  for (const auto& c : commands()) text += fmt::format("  {:<10} {}\n", c.name, c.summary);
  std::ostringstream options;
  options << global_options_description();
  text += "\n" + options.str() + "\n" + exit_codes_help() +
          "\nRun `migcmd COMMAND --help` for a command's options.\n";
  return text;
}

std::string command_help(const Command& command) {
  po::options_description options(fmt::format("Options of {}", command.name));
  po::positional_options_description positional;
  command.add_options(options, positional);
  std::string text = fmt::format("Usage: migcmd [global options] {}\n\n", command.synopsis);
  text += wrap(command.description, 80);
  if (!options.options().empty()) {
    std::ostringstream listing;
    listing << options;
    text += "\n" + listing.str();
  }
  text += "\nGlobal options (--url, --dir, --json, --yes, ...): see `migcmd --help`.\n";
  return text;
}

}  // namespace migcmd::cli
