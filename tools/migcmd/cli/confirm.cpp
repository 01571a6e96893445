#include "cli/confirm.hpp"

#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>

namespace migcmd::cli {

bool ask_yes_no(std::string_view question) {
  std::cerr << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  std::transform(answer.begin(), answer.end(), answer.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return answer == "y" || answer == "yes";
}

}  // namespace migcmd::cli
