// Catalog text back to the model: sys.types to portable types, default definitions to values.

#include "sqlserver_reader_mapping.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>

#include "detail/hex.hpp"
#include "sqlserver_reader_expression.hpp"
#include "tsql_text.hpp"

namespace migcmd::sqlserver {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Whether `text` is exactly one string literal, '...' or N'...'.
bool is_string_literal(std::string_view text) {
  if (!text.empty() && (text.front() == 'N' || text.front() == 'n')) text.remove_prefix(1);
  if (text.size() < 2 || text.front() != '\'' || text.back() != '\'') return false;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != '\'') continue;
    if (text[i + 1] != '\'' || i + 2 == text.size()) return false;  // a quote ends it early
    ++i;
  }
  return true;
}

bool is_hex_literal(std::string_view text) {
  return text.size() >= 2 && text.size() % 2 == 0 && text[0] == '0' &&
         (text[1] == 'x' || text[1] == 'X') &&
         std::all_of(text.begin() + 2, text.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// Digits with an optional sign, point and exponent: "-1", "9.95", "9000000000.",
// "1.5000000000000000e+000".
bool is_number_literal(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text.front()))) return false;
  double d = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  return ec == std::errc{} && end == text.data() + text.size();
}

std::string string_contents(std::string_view literal) {
  if (!literal.empty() && (literal.front() == 'N' || literal.front() == 'n')) {
    literal.remove_prefix(1);
  }
  std::string out;
  for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
    out += literal[i];
    if (literal[i] == '\'') ++i;  // '' stands for one quote
  }
  return out;
}

bool is_integer_text(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A numeric constant as a default: a bool on a bit column, a double on a float column, an integer
// where it is one ("9000000000." is a numeric constant with no fraction), a double where the
// dialect writes that double back as the same text, else the text as an expression.
ColumnDefault number_default(std::string text, const Type& type) {
  const bool portable = type.store_type.empty();
  const bool is_float =
      portable && (type.kind == TypeKind::float32 || type.kind == TypeKind::float64);
  if (text.front() == '+') text.erase(0, 1);
  std::string whole = text;
  if (const auto dot = text.find('.'); dot != std::string::npos &&
                                       text.find_first_of("eE") == std::string::npos &&
                                       text.find_first_not_of('0', dot + 1) == std::string::npos) {
    whole = text.substr(0, dot);  // "0.00", "9000000000."
  }
  if (is_integer_text(whole) && !is_float) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), n);
    if (ec == std::errc{} && end == whole.data() + whole.size()) {
      if (portable && type.kind == TypeKind::boolean && (n == 0 || n == 1)) return Value{n == 1};
      return Value{n};
    }
  }
  double d = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec == std::errc{} && end == text.data() + text.size() &&
      (is_float || fmt::format("{}", d) == text)) {
    return Value{d};
  }
  return SqlExpression{text};
}

}  // namespace

Type type_from_catalog(const CatalogType& t) {
  if (!t.user_schema.empty()) {
    return Type::raw(tsql::quote(t.user_schema) + "." + tsql::quote(t.name));
  }
  const std::string& n = t.name;
  const std::string length = t.max_length == -1 ? "max" : std::to_string(t.max_length);
  const std::string characters = t.max_length == -1 ? "max" : std::to_string(t.max_length / 2);
  constexpr int default_fraction_digits = 7;  // time, datetime2, datetimeoffset
  const bool default_scale = t.scale == default_fraction_digits;
  if (n == "bit") return Type::boolean();
  if (n == "smallint") return Type::int16();
  if (n == "int") return Type::int32();
  if (n == "bigint") return Type::int64();
  if (n == "decimal") return Type::decimal(t.precision, t.scale);
  if (n == "numeric") return Type::raw(fmt::format("numeric({},{})", t.precision, t.scale));
  if (n == "real") return Type::float32();
  if (n == "float") return Type::float64();  // float(25..53); float(1..24) is real
  if (n == "nvarchar") return t.max_length == -1 ? Type::text() : Type::string(t.max_length / 2);
  if (n == "varbinary") return t.max_length == -1 ? Type::binary() : Type::binary(t.max_length);
  if (n == "date") return Type::date();
  if (n == "time")
    return default_scale ? Type::time() : Type::raw(fmt::format("time({})", t.scale));
  if (n == "datetime2") {
    return default_scale ? Type::datetime() : Type::raw(fmt::format("datetime2({})", t.scale));
  }
  if (n == "datetimeoffset") {
    return default_scale ? Type::timestamp_tz()
                         : Type::raw(fmt::format("datetimeoffset({})", t.scale));
  }
  if (n == "uniqueidentifier") return Type::uuid();
  if (n == "nchar") return Type::raw(fmt::format("nchar({})", characters));
  if (n == "varchar" || n == "char" || n == "binary") {
    return Type::raw(fmt::format("{}({})", n, length));
  }
  if (n == "timestamp") return Type::raw("rowversion");  // sys.types' old name for it
  return Type::raw(n);
}

ColumnDefault default_from_catalog(std::string_view definition, const Type& type) {
  const std::string text = strip_enclosing_parentheses(definition);
  if (lower(text) == "null") return Value{};
  if (is_string_literal(text)) return Value{string_contents(text)};
  if (is_hex_literal(text)) return Value{detail::from_hex(std::string_view(text).substr(2))};
  if (is_number_literal(text)) return number_default(text, type);
  // SQL Server stores CURRENT_TIMESTAMP as getdate().
  if (lower(text) == "getdate()") return SqlExpression{"CURRENT_TIMESTAMP"};
  return SqlExpression{normalise_expression(definition)};
}

}  // namespace migcmd::sqlserver
