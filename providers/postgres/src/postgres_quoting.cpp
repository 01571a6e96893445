#include "postgres_quoting.hpp"

#include <fmt/format.h>

#include <cmath>

#include "migcmd/error.hpp"

namespace migcmd::postgres {
namespace {

constexpr std::string_view hex_digits = "0123456789abcdef";

}  // namespace

std::string quote_identifier(std::string_view identifier) {
  if (identifier.empty()) {
    throw Error(ErrorCode::unsupported_operation,
                "postgres cannot use an empty identifier: PostgreSQL rejects \"\"",
                "give every table, column, index and constraint a name");
  }
  if (identifier.find('\0') != std::string_view::npos) {
    throw Error(
        ErrorCode::unsupported_operation,
        fmt::format("postgres cannot use the identifier \"{}\": it contains a NUL character",
                    identifier),
        "remove the NUL character from the name");
  }
  if (identifier.size() > max_identifier_bytes) {
    // The server would truncate the name and the object would then not be found by the name the
    // migration (and the schema model) uses.
    throw Error(ErrorCode::unsupported_operation,
                fmt::format("postgres cannot use the identifier \"{}\": it is {} bytes long and "
                            "PostgreSQL truncates identifiers to {} bytes",
                            identifier, identifier.size(), max_identifier_bytes),
                fmt::format("shorten the name to at most {} bytes", max_identifier_bytes));
  }
  std::string out = "\"";
  for (char c : identifier) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string string_literal(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    throw Error(ErrorCode::unsupported_operation,
                "postgres cannot store a string containing a NUL character: PostgreSQL text "
                "cannot hold NUL",
                "store such data as bytes (bytea) or remove the NUL characters");
  }
  // With standard_conforming_strings off, '...' treats backslashes as escapes; E'...' always
  // does. Using E'...' with doubled backslashes whenever one is present gives the same string
  // under both settings.
  const bool escape_form = text.find('\\') != std::string_view::npos;
  std::string out = escape_form ? "E'" : "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    if (c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string bytes_literal(const Bytes& bytes) {
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    hex += hex_digits[b >> 4];
    hex += hex_digits[b & 0x0f];
  }
  return fmt::format("decode('{}', 'hex')", hex);
}

std::string value_literal(const Value& value) {
  struct Render {
    std::string operator()(std::monostate) const { return "NULL"; }
    std::string operator()(bool v) const { return v ? "TRUE" : "FALSE"; }
    std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
    std::string operator()(double v) const {
      // float8 holds these; a bare NaN or Infinity would be read as a column name.
      if (std::isnan(v)) return "'NaN'::float8";
      if (std::isinf(v)) return v > 0 ? "'Infinity'::float8" : "'-Infinity'::float8";
      // A bare -0 is the integer 0; the cast keeps the sign of a negative zero.
      if (v == 0 && std::signbit(v)) return "'-0'::float8";
      // The shortest text that reads back as the same double; PostgreSQL reads it as numeric,
      // exact, and converts it to the column's type.
      return fmt::format("{}", v);
    }
    std::string operator()(const std::string& v) const { return string_literal(v); }
    std::string operator()(const Bytes& v) const { return bytes_literal(v); }
  };
  return std::visit(Render{}, value.storage());
}

}  // namespace migcmd::postgres
