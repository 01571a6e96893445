// Identifier quoting and literals.

#include <fmt/format.h>

#include <cmath>

#include "detail/hex.hpp"
#include "migcmd/error.hpp"
#include "mysql_dialect.hpp"
#include "mysql_text.hpp"
#include "mysql_types.hpp"

namespace migcmd::mysql {
namespace {

[[noreturn]] void reject_identifier(std::string_view identifier, std::string_view why,
                                    std::string_view hint = "rename it") {
  throw Error(ErrorCode::unsupported_operation,
              fmt::format("mysql cannot use the identifier \"{}\": {}", printable(identifier), why),
              std::string(hint));
}

}  // namespace

std::string MySqlDialect::quote_identifier(std::string_view identifier) const {
  if (identifier.empty()) reject_identifier(identifier, "it is empty", "give it a name");
  if (identifier.find('\0') != std::string_view::npos) {
    reject_identifier(identifier, "it contains a NUL character");
  }
  const auto info = utf8_info(identifier);
  if (!info) reject_identifier(identifier, "it is not valid UTF-8");
  // MySQL identifiers are limited to the Basic Multilingual Plane, 64 characters, and may not end
  // with a space (the server answers "Incorrect table name").
  if (info->supplementary) {
    reject_identifier(identifier, "it has a character outside the Basic Multilingual Plane");
  }
  if (info->characters > 64) {
    reject_identifier(
        identifier,
        fmt::format("it has {} characters and MySQL allows at most 64", info->characters),
        "use a shorter name");
  }
  if (identifier.back() == ' ') reject_identifier(identifier, "it ends with a space");
  std::string out = "`";
  for (char c : identifier) {
    if (c == '`') out += '`';
    out += c;
  }
  return out + "`";
}

std::string MySqlDialect::text_literal(std::string_view text) const {
  // The session's character set is utf8mb4: any other bytes would fail as "Incorrect string
  // value" or, worse, be converted. Bytes travel as binary values instead.
  if (!utf8_info(text)) {
    throw Error(ErrorCode::unsupported_operation,
                fmt::format("mysql cannot render the string \"{}\": it is not valid UTF-8",
                            printable(text)),
                "store bytes as a binary value (migcmd::Bytes)");
  }
  return "'" + escape_string(text) + "'";
}

std::string MySqlDialect::literal(const Value& value) const {
  const auto& v = value.storage();
  if (value.is_null()) return "NULL";
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "TRUE" : "FALSE";
  if (const auto* i = std::get_if<std::int64_t>(&v)) return fmt::format("{}", *i);
  if (const auto* d = std::get_if<double>(&v)) {
    if (!std::isfinite(*d)) {
      throw Error(ErrorCode::unsupported_operation,
                  fmt::format("mysql cannot store the number {}: MySQL has no NaN or infinity", *d),
                  "store NULL or a sentinel value instead");
    }
    // The shortest text that reads back as the same double.
    return fmt::format("{}", *d);
  }
  if (const auto* s = std::get_if<std::string>(&v)) return text_literal(*s);
  return fmt::format("X'{}'", detail::to_hex(std::get<Bytes>(v), true));
}

std::string MySqlDialect::type_sql(const Type& type) const {
  try {
    return store_type_sql(type);
  } catch (const Rejection& r) {
    throw Error(ErrorCode::unsupported_operation, fmt::format("mysql cannot {}", r.what), r.hint);
  }
}

}  // namespace migcmd::mysql
