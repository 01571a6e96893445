#include "migcmd/error.hpp"

#include <fmt/format.h>

namespace migcmd {
namespace {

// Control characters in names (a NUL, an escape sequence) would cut or garble a message on a
// terminal or in a log; they are shown as \xNN instead.
std::string printable(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (c < 0x20 && c != '\n' && c != '\t')
      out += fmt::format("\\x{:02x}", c);
    else
      out.push_back(static_cast<char>(c));
  }
  return out;
}

}  // namespace

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::usage:
      return "usage";
    case ErrorCode::invalid_migration:
      return "invalid_migration";
    case ErrorCode::invalid_schema:
      return "invalid_schema";
    case ErrorCode::irreversible_operation:
      return "irreversible_operation";
    case ErrorCode::unsupported_operation:
      return "unsupported_operation";
    case ErrorCode::parse_error:
      return "parse_error";
    case ErrorCode::connection_error:
      return "connection_error";
    case ErrorCode::database_error:
      return "database_error";
    case ErrorCode::io_error:
      return "io_error";
    case ErrorCode::validation_failed:
      return "validation_failed";
    case ErrorCode::lock_timeout:
      return "lock_timeout";
    case ErrorCode::migration_failed:
      return "migration_failed";
    case ErrorCode::permission_denied:
      return "permission_denied";
    case ErrorCode::refused:
      return "refused";
    case ErrorCode::internal:
      return "internal";
  }
  return "unknown";
}

Error::Error(ErrorCode code, std::string message, std::string hint)
    : std::runtime_error(""),
      code_(code),
      message_(printable(std::move(message))),
      hint_(printable(std::move(hint))) {
  render();
}

void Error::add_context(std::string_view context) {
  message_ = printable(fmt::format("{}: {}", context, message_));
  render();
}

void Error::render() {
  what_ = fmt::format("[migcmd.{}] {}", to_string(code_), message_);
  if (!hint_.empty()) what_ += fmt::format(" (hint: {})", hint_);
}

DatabaseError::DatabaseError(std::string message, std::string statement, std::string sqlstate)
    : Error(ErrorCode::database_error, std::move(message)),
      statement_(std::move(statement)),
      sqlstate_(std::move(sqlstate)) {}

}  // namespace migcmd
