#pragma once
// The one exception hierarchy of migcmd. Every failure is a migcmd::Error with a stable code
// (rendered as "[migcmd.<code>]"), a plain message naming the object involved, and a hint.

#include <stdexcept>
#include <string>
#include <string_view>

namespace migcmd {

enum class ErrorCode {
  usage,                   // the caller used the API or CLI wrongly
  invalid_migration,       // a migration's operations are malformed (empty name, missing column...)
  invalid_schema,          // a schema model or its JSON is malformed
  irreversible_operation,  // down() was derived but an operation has no inverse
  unsupported_operation,   // the dialect cannot express the operation
  parse_error,             // a SQL file or configuration could not be parsed
  connection_error,        // the database could not be reached
  database_error,          // the database rejected a statement
  io_error,                // a file could not be read or written
  validation_failed,       // migrations and history disagree (changed file, missing, out of order)
  lock_timeout,            // another runner held the migration lock too long
  migration_failed,        // a migration's statement failed (recorded in the history)
  permission_denied,       // governance: the acting identity lacks a permission
  refused,                 // governance: missing approvals, outside a window, environment locked
  internal,                // a bug in migcmd
};

[[nodiscard]] std::string_view to_string(ErrorCode code) noexcept;

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string hint = {});

  [[nodiscard]] ErrorCode code() const noexcept { return code_; }
  // The message without the "[migcmd.code]" prefix and without the hint.
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  [[nodiscard]] const std::string& hint() const noexcept { return hint_; }

  // Prefixes the message with where it happened ("migration 20250101_users: ..."), keeping the
  // code.
  void add_context(std::string_view context);

  [[nodiscard]] const char* what() const noexcept override { return what_.c_str(); }

 private:
  void render();

  ErrorCode code_;
  std::string message_;
  std::string hint_;
  std::string what_;
};

// A statement the database refused. Carries what SOCI/the driver reported.
class DatabaseError : public Error {
 public:
  DatabaseError(std::string message, std::string statement, std::string sqlstate = {});

  [[nodiscard]] const std::string& statement() const noexcept { return statement_; }
  [[nodiscard]] const std::string& sqlstate() const noexcept { return sqlstate_; }

 private:
  std::string statement_;
  std::string sqlstate_;
};

}  // namespace migcmd
