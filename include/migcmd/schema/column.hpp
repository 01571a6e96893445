#pragma once
// A column: name, portable type, nullability, default, identity, collation and comment.

#include <optional>
#include <string>
#include <variant>

#include "migcmd/schema/type.hpp"
#include "migcmd/value.hpp"

namespace migcmd {

// SQL text kept verbatim (a default such as CURRENT_TIMESTAMP, a CHECK, an index expression).
struct SqlExpression {
  std::string sql;
  friend bool operator==(const SqlExpression&, const SqlExpression&) = default;
};

// A column default: a literal value (escaped by the dialect) or a SQL expression (verbatim).
using ColumnDefault = std::variant<Value, SqlExpression>;

struct Column {
  std::string name;
  Type type;
  bool nullable = true;
  std::optional<ColumnDefault> default_value;
  bool identity = false;  // identity / auto-increment, integer columns only
  std::string collation;  // empty: the database default
  std::string comment;

  friend bool operator==(const Column&, const Column&) = default;
};

}  // namespace migcmd
