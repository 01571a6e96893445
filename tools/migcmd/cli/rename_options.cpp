#include "cli/rename_options.hpp"

#include <fmt/format.h>

#include "migcmd/error.hpp"

namespace migcmd::cli {

std::map<std::string, std::string> parse_renames(const std::vector<std::string>& entries) {
  std::map<std::string, std::string> out;
  for (const auto& entry : entries) {
    const auto eq = entry.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == entry.size()) {
      throw Error(ErrorCode::usage, fmt::format("bad --rename \"{}\"", entry),
                  "write --rename old_table=new_table or --rename table.old_column=new_column");
    }
    out[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return out;
}

}  // namespace migcmd::cli
