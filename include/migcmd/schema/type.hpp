#pragma once
// The portable column type system. Each dialect maps a Type to its own store type; a raw store
// type (e.g. "citext", "geometry(Point,4326)") overrides the mapping where portability ends.

#include <optional>
#include <string>
#include <string_view>

namespace migcmd {

enum class TypeKind {
  boolean,
  int16,
  int32,
  int64,
  decimal,  // exact numeric, precision and scale
  float32,
  float64,
  string,  // variable length character data, with an optional maximum length
  text,    // unbounded character data
  binary,  // variable length bytes, with an optional maximum length
  date,
  time,
  datetime,      // date and time without time zone
  timestamp_tz,  // date and time with time zone
  uuid,
  json,
  custom,  // only a raw store type is known
};

[[nodiscard]] std::string_view to_string(TypeKind kind) noexcept;
[[nodiscard]] std::optional<TypeKind> type_kind_from_string(std::string_view name) noexcept;

struct Type {
  TypeKind kind = TypeKind::text;
  std::optional<int> length;     // string(n), binary(n)
  std::optional<int> precision;  // decimal(p, s)
  std::optional<int> scale;
  std::string store_type;  // when not empty, rendered verbatim instead of the mapping

  // A type of `kind` with nothing else set (an assignment rather than a brace list: a partial
  // brace list warns under -Wextra in applications that include this header).
  static Type of(TypeKind kind) {
    Type t;
    t.kind = kind;
    return t;
  }
  static Type boolean() { return of(TypeKind::boolean); }
  static Type int16() { return of(TypeKind::int16); }
  static Type int32() { return of(TypeKind::int32); }
  static Type int64() { return of(TypeKind::int64); }
  static Type decimal(int precision, int scale = 0) {
    return {TypeKind::decimal, std::nullopt, precision, scale, {}};
  }
  static Type float32() { return of(TypeKind::float32); }
  static Type float64() { return of(TypeKind::float64); }
  static Type string(int max_length) { return {TypeKind::string, max_length, {}, {}, {}}; }
  static Type text() { return of(TypeKind::text); }
  static Type binary(std::optional<int> max_length = std::nullopt) {
    return {TypeKind::binary, max_length, {}, {}, {}};
  }
  static Type date() { return of(TypeKind::date); }
  static Type time() { return of(TypeKind::time); }
  static Type datetime() { return of(TypeKind::datetime); }
  static Type timestamp_tz() { return of(TypeKind::timestamp_tz); }
  static Type uuid() { return of(TypeKind::uuid); }
  static Type json() { return of(TypeKind::json); }
  // A store type known only by its database name, e.g. Type::raw("citext").
  static Type raw(std::string store_type) {
    return {TypeKind::custom, {}, {}, {}, std::move(store_type)};
  }

  // This portable type, rendered as `store_type` instead of the dialect's mapping.
  [[nodiscard]] Type with_store_type(std::string store) const {
    Type t = *this;
    t.store_type = std::move(store);
    return t;
  }

  [[nodiscard]] bool is_integer() const noexcept {
    return kind == TypeKind::int16 || kind == TypeKind::int32 || kind == TypeKind::int64;
  }

  friend bool operator==(const Type&, const Type&) = default;
};

// "int64", "decimal(10,2)", "string(255)", "custom(citext)": for messages and scaffolding.
[[nodiscard]] std::string describe(const Type& type);

}  // namespace migcmd
