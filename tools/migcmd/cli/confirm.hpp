#pragma once
// Asking the person at the terminal.

#include <string_view>

namespace migcmd::cli {

// Prints "<question> [y/N] " on stderr and reads an answer from stdin; true for y/yes.
[[nodiscard]] bool ask_yes_no(std::string_view question);

}  // namespace migcmd::cli
