#include "postgres_types.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "migcmd/error.hpp"

namespace migcmd::postgres {
namespace {

// "character varying (20)" -> "charactervarying(20)", for recognising raw store types.
std::string compact_lower(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (!std::isspace(c)) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// The unbounded character type of a raw "varchar(n)", "char(n)"... or empty.
std::string unbounded_character_type(const std::string& store_type) {
  const std::string t = compact_lower(store_type);
  const auto open = t.find('(');
  if (open == std::string::npos || t.back() != ')') return {};
  const std::string digits = t.substr(open + 1, t.size() - open - 2);
  if (digits.empty() ||
      !std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return {};
  }
  const std::string base = t.substr(0, open);
  if (base == "varchar" || base == "charactervarying") return "varchar";
  if (base == "char" || base == "character" || base == "bpchar") return "bpchar";
  return {};
}

[[noreturn]] void unsupported_type(const Type& type, std::string_view why, std::string_view hint) {
  throw Error(ErrorCode::unsupported_operation,
              fmt::format("postgres cannot store {}: {}", describe(type), why), std::string(hint));
}

// varchar(n) takes 1 to 10485760 characters.
constexpr int max_varchar_length = 10'485'760;
// numeric(p,s) takes a precision of 1 to 1000.
constexpr int max_numeric_precision = 1000;

}  // namespace

std::string type_sql(const Type& type) {
  if (!type.store_type.empty()) return type.store_type;
  switch (type.kind) {
    case TypeKind::boolean:
      return "boolean";
    case TypeKind::int16:
      return "smallint";
    case TypeKind::int32:
      return "integer";
    case TypeKind::int64:
      return "bigint";
    case TypeKind::decimal: {
      if (!type.precision) return "numeric";
      const int precision = *type.precision, scale = type.scale.value_or(0);
      if (precision < 1 || precision > max_numeric_precision) {
        unsupported_type(type, "numeric precision must be from 1 to 1000",
                         "use a precision from 1 to 1000");
      }
      // PostgreSQL 15 accepts a negative scale or one above the precision; earlier versions and
      // the portable model do not.
      if (scale < 0 || scale > precision) {
        unsupported_type(type, "the scale must be from 0 to the precision",
                         "use a scale from 0 to the precision");
      }
      return fmt::format("numeric({},{})", precision, scale);
    }
    case TypeKind::float32:
      return "real";
    case TypeKind::float64:
      return "double precision";
    case TypeKind::string:
      if (!type.length) return "varchar";
      if (*type.length < 1 || *type.length > max_varchar_length) {
        unsupported_type(type, "varchar lengths must be from 1 to 10485760",
                         "use text for longer strings");
      }
      return fmt::format("varchar({})", *type.length);
    case TypeKind::text:
      return "text";
    case TypeKind::binary:
      // PostgreSQL has no length-limited binary type; bytea holds any length.
      return "bytea";
    case TypeKind::date:
      return "date";
    case TypeKind::time:
      return "time";
    case TypeKind::datetime:
      return "timestamp";
    case TypeKind::timestamp_tz:
      return "timestamptz";
    case TypeKind::uuid:
      return "uuid";
    case TypeKind::json:
      // jsonb rather than json: it has equality (so DISTINCT, GROUP BY and unique indexes work),
      // GIN indexing and containment operators, and is stored parsed; json only keeps the text.
      return "jsonb";
    case TypeKind::custom:
      break;
  }
  unsupported_type(type, "a custom type needs a store type",
                   "use Type::raw(\"<PostgreSQL type>\")");
}

std::string using_cast_type(const Type& type) {
  if (type.store_type.empty()) return type.kind == TypeKind::string ? "varchar" : type_sql(type);
  std::string unbounded = unbounded_character_type(type.store_type);
  return unbounded.empty() ? type.store_type : unbounded;
}

bool may_have_collation(const Type& type) {
  if (!type.store_type.empty()) return true;
  return type.kind == TypeKind::string || type.kind == TypeKind::text ||
         type.kind == TypeKind::custom;
}

bool may_be_identity(const Type& type) {
  return !type.store_type.empty() || type.kind == TypeKind::custom || type.is_integer();
}

}  // namespace migcmd::postgres
