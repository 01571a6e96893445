#pragma once
// Waivers written in a migration: "-- migcmd:allow <rule>[, <rule>...]: <reason>" for the next
// statement, "-- migcmd:allow-file ...: <reason>" for the whole script (in -- or /* */ comments).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/governance/risk_rules.hpp"

namespace migcmd::governance::risk {

struct Waiver {
  bool file_scope = false;
  std::vector<std::string> rules;  // as written: codes or names
  std::string reason;              // empty: the waiver is invalid and waives nothing
  std::string text;                // the comment as written, for messages
  int line = 0;                    // 1-based line of the comment in the file (0: not in a file)
  std::size_t offset = 0;          // of the comment in the script

  // Whether it waives findings of `rule` (never when it has no reason).
  [[nodiscard]] bool covers(const RiskRuleInfo& rule) const noexcept;
};

// The waiver a comment's content states, or std::nullopt when it is no waiver.
[[nodiscard]] std::optional<Waiver> parse_waiver(std::string_view comment);

// The waivers in the comments of `script`, whose first line is `first_line` in its file.
[[nodiscard]] std::vector<Waiver> find_waivers(std::string_view script, std::string_view dialect,
                                               int first_line);

}  // namespace migcmd::governance::risk
