#pragma once
// The process exit statuses of migcmd, stable for scripts and CI jobs.

#include <string>

#include "migcmd/error.hpp"

namespace migcmd::cli {

enum class ExitCode : int {
  ok = 0,
  migration_failed = 1,   // a migration's statement failed (recorded in the history)
  usage = 2,              // wrong arguments, unknown URL scheme, a refused confirmation
  validation_failed = 3,  // changed or missing migrations, migcmd.sum problems, malformed files
  lock_timeout = 4,       // another runner held the migration lock too long
  cannot_connect = 5,     // the database could not be reached
  other = 6,              // anything else (a database or file error outside a migration)
  differences = 7,        // `drift` found drift; `diff --exit-code` found differences
  refused = 8,            // governance refused: a permission, approvals, a window, a locked env
  risk_threshold = 9,     // `lint` found a risk at or above --fail-on
};

// The one place an error's code becomes an exit status.
[[nodiscard]] ExitCode exit_code_for(ErrorCode code) noexcept;

[[nodiscard]] inline int to_int(ExitCode code) noexcept {
  return static_cast<int>(code);
}

// The table printed by `migcmd --help`.
[[nodiscard]] std::string exit_codes_help();

}  // namespace migcmd::cli
