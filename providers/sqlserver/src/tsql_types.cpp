#include "tsql_types.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "migcmd/error.hpp"

namespace migcmd::sqlserver::tsql {
namespace {

constexpr int max_decimal_precision = 38;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// A variable-length type's family and length, with std::nullopt for (max).
struct VariableLength {
  bool binary = false;
  std::optional<int> length;
};

std::optional<VariableLength> variable_length(const Type& type) {
  if (!type.store_type.empty()) return std::nullopt;  // raw types are not interpreted
  switch (type.kind) {
    case TypeKind::string:
      if (type.length && *type.length <= max_nvarchar_length)
        return VariableLength{false, type.length};
      return VariableLength{false, std::nullopt};
    case TypeKind::text:
    case TypeKind::json:
      return VariableLength{false, std::nullopt};
    case TypeKind::binary:
      if (type.length && *type.length <= max_varbinary_length)
        return VariableLength{true, type.length};
      return VariableLength{true, std::nullopt};
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string store_type(const Type& type) {
  if (!type.store_type.empty()) return type.store_type;
  switch (type.kind) {
    case TypeKind::boolean:
      return "bit";
    case TypeKind::int16:
      return "smallint";
    case TypeKind::int32:
      return "int";
    case TypeKind::int64:
      return "bigint";
    case TypeKind::decimal: {
      const int precision = type.precision.value_or(18);
      const int scale = type.scale.value_or(0);
      if (precision < 1 || precision > max_decimal_precision) {
        throw Error(ErrorCode::unsupported_operation,
                    fmt::format("SQL Server cannot store decimal({},{}): its precision is 1 to {}",
                                precision, scale, max_decimal_precision),
                    "use a smaller precision, or a raw store type such as float");
      }
      return fmt::format("decimal({},{})", precision, scale);
    }
    case TypeKind::float32:
      return "real";
    case TypeKind::float64:
      return "float";
    case TypeKind::string:
    case TypeKind::binary: {
      const auto v = variable_length(type);
      const char* base = v->binary ? "varbinary" : "nvarchar";
      return v->length ? fmt::format("{}({})", base, *v->length) : fmt::format("{}(max)", base);
    }
    case TypeKind::text:
      return "nvarchar(max)";
    case TypeKind::date:
      return "date";
    case TypeKind::time:
      return "time";
    case TypeKind::datetime:
      return "datetime2";
    case TypeKind::timestamp_tz:
      return "datetimeoffset";
    case TypeKind::uuid:
      return "uniqueidentifier";
    // SQL Server's JSON functions (OPENJSON, JSON_VALUE, ISJSON) work on nvarchar; the native
    // json type exists only in Azure SQL and SQL Server 2025, so nvarchar(max) works everywhere.
    case TypeKind::json:
      return "nvarchar(max)";
    case TypeKind::custom:
      break;
  }
  throw Error(ErrorCode::invalid_migration,
              fmt::format("type {} has no SQL Server store type", describe(type)),
              "give the column a raw store type");
}

bool is_large_object(const Type& type) {
  const std::string sql = lower(store_type(type));
  if (sql.ends_with("(max)")) return true;
  return sql == "text" || sql == "ntext" || sql == "image" || sql == "xml";
}

bool keeps_index_keys(const Type& from, const Type& to) {
  const auto a = variable_length(from);
  const auto b = variable_length(to);
  if (!a || !b || a->binary != b->binary) return false;
  if (!a->length || !b->length) return false;  // (max) is never an index key
  return *b->length >= *a->length;
}

}  // namespace migcmd::sqlserver::tsql
