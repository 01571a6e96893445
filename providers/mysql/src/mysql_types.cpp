#include "mysql_types.hpp"

#include <fmt/format.h>

#include "mysql_dialect.hpp"
#include "mysql_text.hpp"

namespace migcmd::mysql {
namespace {

// utf8mb4 takes up to 4 bytes a character and a row at most 65,535 bytes.
constexpr int max_varchar = 16383;
constexpr int max_varbinary = 65532;

int require_length(const Type& type, int max, std::string_view store, std::string_view instead) {
  if (!type.length) {
    throw Rejection{fmt::format("render {} without a length", describe(type)),
                    fmt::format("give a length, or use {}", instead)};
  }
  if (*type.length < 1 || *type.length > max) {
    throw Rejection{
        fmt::format("render {}: {} takes a length from 1 to {}", describe(type), store, max),
        fmt::format("use {} for longer values", instead)};
  }
  return *type.length;
}

}  // namespace

std::string store_type_sql(const Type& type) {
  if (!type.store_type.empty()) return type.store_type;
  switch (type.kind) {
    case TypeKind::boolean:
      return "TINYINT(1)";
    case TypeKind::int16:
      return "SMALLINT";
    case TypeKind::int32:
      return "INT";
    case TypeKind::int64:
      return "BIGINT";
    case TypeKind::decimal: {
      const int precision = type.precision.value_or(0);
      const int scale = type.scale.value_or(0);
      if (precision < 1 || precision > 65 || scale < 0 || scale > 30 || scale > precision) {
        throw Rejection{fmt::format("render {}: DECIMAL takes a precision from 1 to 65 and a "
                                    "scale from 0 to 30, at most the precision",
                                    describe(type)),
                        "give an explicit precision (MySQL's bare DECIMAL is DECIMAL(10,0))"};
      }
      return fmt::format("DECIMAL({},{})", precision, scale);
    }
    case TypeKind::float32:
      return "FLOAT";
    case TypeKind::float64:
      return "DOUBLE";
    case TypeKind::string:
      return fmt::format("VARCHAR({})", require_length(type, max_varchar, "VARCHAR", "text"));
    case TypeKind::text:
      return "LONGTEXT";
    case TypeKind::binary:
      if (!type.length) return "LONGBLOB";
      return fmt::format("VARBINARY({})",
                         require_length(type, max_varbinary, "VARBINARY", "binary()"));
    case TypeKind::date:
      return "DATE";
    case TypeKind::time:
      return "TIME(6)";
    case TypeKind::datetime:
      return "DATETIME(6)";
    case TypeKind::timestamp_tz:
      return "TIMESTAMP(6)";
    case TypeKind::uuid:
      return "CHAR(36)";
    case TypeKind::json:
      return "JSON";
    case TypeKind::custom:
      break;
  }
  throw Rejection{fmt::format("render {}: a custom type needs a store type", describe(type)),
                  "use Type::raw(\"...\") with the MySQL type"};
}

std::optional<int> key_bytes(const Type& type) {
  if (!type.store_type.empty()) {
    const std::string store = to_upper(type.store_type);
    for (const char* large : {"TEXT", "BLOB", "JSON", "GEOMETRY"}) {
      if (store.find(large) != std::string::npos) return std::nullopt;
    }
    return 0;
  }
  switch (type.kind) {
    case TypeKind::boolean:
      return 1;
    case TypeKind::int16:
      return 2;
    case TypeKind::int32:
      return 4;
    case TypeKind::int64:
      return 8;
    case TypeKind::decimal:
      return 30;  // at most 4 bytes for every 9 digits
    case TypeKind::float32:
      return 4;
    case TypeKind::float64:
      return 8;
    case TypeKind::string:
      return 4 * type.length.value_or(0);
    case TypeKind::binary:
      if (!type.length) return std::nullopt;
      return *type.length;
    case TypeKind::date:
      return 3;
    case TypeKind::time:
      return 6;
    case TypeKind::datetime:
      return 8;
    case TypeKind::timestamp_tz:
      return 7;
    case TypeKind::uuid:
      return 4 * 36;
    case TypeKind::text:
    case TypeKind::json:
      return std::nullopt;
    case TypeKind::custom:
      return 0;
  }
  return 0;
}

bool is_large_object(const Type& type) {
  return !key_bytes(type).has_value();
}

bool is_auto_increment_type(const Type& type) {
  if (type.store_type.empty()) return type.is_integer();
  const std::string store = to_upper(trim(type.store_type));
  if (store.starts_with("TINYINT(1)")) return false;
  for (const char* integer : {"TINYINT", "SMALLINT", "MEDIUMINT", "INT", "BIGINT"}) {
    if (store.starts_with(integer)) return true;
  }
  return false;
}

bool is_fractional_datetime(const Type& type) {
  return type.store_type.empty() &&
         (type.kind == TypeKind::datetime || type.kind == TypeKind::timestamp_tz);
}

bool is_timestamp(const Type& type) {
  if (type.store_type.empty()) return type.kind == TypeKind::timestamp_tz;
  return starts_with_ci(trim(type.store_type), "TIMESTAMP");
}

}  // namespace migcmd::mysql
