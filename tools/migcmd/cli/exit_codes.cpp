#include "cli/exit_codes.hpp"

namespace migcmd::cli {

ExitCode exit_code_for(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::migration_failed:
      return ExitCode::migration_failed;
    case ErrorCode::usage:
      return ExitCode::usage;
    // A malformed or duplicated migration file is caught before the database is touched, like a
    // changed one: CI treats all three as "the migrations directory is not acceptable".
    case ErrorCode::validation_failed:
    case ErrorCode::parse_error:
    case ErrorCode::invalid_migration:
      return ExitCode::validation_failed;
    case ErrorCode::lock_timeout:
      return ExitCode::lock_timeout;
    case ErrorCode::permission_denied:
    case ErrorCode::refused:
      return ExitCode::refused;
    case ErrorCode::connection_error:
      return ExitCode::cannot_connect;
    case ErrorCode::invalid_schema:
    case ErrorCode::irreversible_operation:
    case ErrorCode::unsupported_operation:
    case ErrorCode::database_error:
    case ErrorCode::io_error:
    case ErrorCode::internal:
      return ExitCode::other;
  }
  return ExitCode::other;
}

std::string exit_codes_help() {
  return "Exit status:\n"
         "  0  ok\n"
         "  1  a migration failed (recorded in the history)\n"
         "  2  usage error (arguments, unknown URL scheme, confirmation refused)\n"
         "  3  validation failed (changed or missing migrations, migcmd.sum, malformed files)\n"
         "  4  timed out waiting for the migration lock\n"
         "  5  cannot connect to the database\n"
         "  6  other error\n"
         "  7  drift found (`drift`), or the schemas differ (`diff --exit-code`)\n"
         "  8  refused by governance (permission, approvals, window, locked environment)\n"
         "  9  `lint` found a risk at or above --fail-on\n";
}

}  // namespace migcmd::cli
