#include "tsql_text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "detail/hex.hpp"
#include "migcmd/error.hpp"

namespace migcmd::sqlserver::tsql {
namespace {

bool is_line_break(char c) noexcept {
  return c == '\n' || c == '\r';
}

// T-SQL removes "\" followed by a line break from string literals (a line continuation).
bool continues_line(std::string_view text, std::size_t i) noexcept {
  return text[i] == '\\' && i + 1 < text.size() && is_line_break(text[i + 1]);
}

}  // namespace

std::size_t utf16_length(std::string_view text) noexcept {
  std::size_t units = 0;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    units += c >= 0xF0 ? 2 : 1;        // four-byte sequences are surrogate pairs in UTF-16
  }
  return units;
}

std::string quote(std::string_view identifier) {
  auto fail = [&](std::string_view why) -> std::string {
    throw Error(ErrorCode::invalid_migration,
                fmt::format("SQL Server identifier \"{}\" {}", identifier, why),
                "rename the object");
  };
  if (identifier.empty()) return fail("is empty");
  if (identifier.find('\0') != std::string_view::npos) return fail("contains a NUL character");
  for (std::size_t i = 0; i < identifier.size(); ++i) {
    if (continues_line(identifier, i)) {
      return fail("has a backslash before a line break, which T-SQL string literals drop");
    }
  }
  if (utf16_length(identifier) > max_identifier_length) {
    return fail(fmt::format("is longer than {} characters", max_identifier_length));
  }
  std::string out = "[";
  for (char c : identifier) {
    out += c;
    if (c == ']') out += ']';
  }
  return out + "]";
}

std::string unicode_literal(std::string_view text) {
  std::vector<std::string> pieces;
  std::string current = "N'";
  auto close = [&] {
    if (current != "N'") pieces.push_back(current + "'");
    current = "N'";
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\0') {
      close();
      pieces.emplace_back("NCHAR(0)");
    } else if (continues_line(text, i)) {
      current += '\\';
      close();  // the line break starts the next literal, so no "\" precedes it
    } else {
      current += c;
      if (c == '\'') current += '\'';
    }
  }
  if (current != "N'" || pieces.empty()) pieces.push_back(current + "'");
  if (pieces.size() == 1) return pieces.front();
  return fmt::format("({})", fmt::join(pieces, " + "));
}

std::string value_literal(const Value& value) {
  const auto& v = value.storage();
  if (std::holds_alternative<std::monostate>(v)) return "NULL";
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "1" : "0";
  if (const auto* i = std::get_if<std::int64_t>(&v)) return fmt::format("{}", *i);
  if (const auto* d = std::get_if<double>(&v)) {
    if (!std::isfinite(*d)) {
      throw Error(ErrorCode::unsupported_operation,
                  fmt::format("SQL Server cannot store the floating point value {}", *d),
                  "float columns hold finite numbers only; use NULL for a missing value");
    }
    return fmt::format("{}", *d);  // shortest text that reads back as the same double
  }
  if (const auto* s = std::get_if<std::string>(&v)) return unicode_literal(*s);
  return "0x" + detail::to_hex(std::get<Bytes>(v), true);
}

}  // namespace migcmd::sqlserver::tsql
