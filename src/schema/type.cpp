#include "migcmd/schema/type.hpp"

#include <fmt/format.h>
#include <array>
#include <utility>

namespace migcmd {
namespace {

constexpr std::array<std::pair<TypeKind, std::string_view>, 17> kind_names{{
    {TypeKind::boolean, "boolean"},
    {TypeKind::int16, "int16"},
    {TypeKind::int32, "int32"},
    {TypeKind::int64, "int64"},
    {TypeKind::decimal, "decimal"},
    {TypeKind::float32, "float32"},
    {TypeKind::float64, "float64"},
    {TypeKind::string, "string"},
    {TypeKind::text, "text"},
    {TypeKind::binary, "binary"},
    {TypeKind::date, "date"},
    {TypeKind::time, "time"},
    {TypeKind::datetime, "datetime"},
    {TypeKind::timestamp_tz, "timestamp_tz"},
    {TypeKind::uuid, "uuid"},
    {TypeKind::json, "json"},
    {TypeKind::custom, "custom"},
}};

}  // namespace

std::string_view to_string(TypeKind kind) noexcept {
  for (const auto& [k, name] : kind_names) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<TypeKind> type_kind_from_string(std::string_view name) noexcept {
  for (const auto& [k, n] : kind_names) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string describe(const Type& type) {
  std::string text(to_string(type.kind));
  if (type.kind == TypeKind::decimal && type.precision) {
    text += fmt::format("({},{})", *type.precision, type.scale.value_or(0));
  } else if (type.length) {
    text += fmt::format("({})", *type.length);
  }
  if (!type.store_type.empty()) text += fmt::format(" as {}", type.store_type);
  return text;
}

}  // namespace migcmd
