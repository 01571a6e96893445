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
    case TypeKind::decimal:
      if (!type.precision) return "numeric";
      return fmt::format("numeric({},{})", *type.precision, type.scale.value_or(0));
    case TypeKind::float32:
      return "real";
    case TypeKind::float64:
      return "double precision";
    case TypeKind::string:
      return type.length ? fmt::format("varchar({})", *type.length) : "varchar";
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
  throw Error(ErrorCode::unsupported_operation,
              fmt::format("postgres cannot map the type {}: a custom type needs a store type",
                          describe(type)),
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
