#pragma once
// The text of `migcmd --help` and `migcmd VERB --help`.

#include <string>

#include "cli/command.hpp"

namespace migcmd::cli {

[[nodiscard]] std::string general_help();
[[nodiscard]] std::string command_help(const Command& command);

// `text` wrapped at `width` columns, each line indented by `indent` spaces.
[[nodiscard]] std::string wrap(std::string_view text, std::size_t width, std::size_t indent = 0);

}  // namespace migcmd::cli
