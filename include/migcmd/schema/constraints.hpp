#pragma once
// Table constraints: primary key, unique, check and foreign key.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/schema/name.hpp"

namespace migcmd {

struct PrimaryKey {
  std::string name;  // empty: the database names it
  std::vector<std::string> columns;
  friend bool operator==(const PrimaryKey&, const PrimaryKey&) = default;
};

struct UniqueConstraint {
  std::string name;
  std::vector<std::string> columns;
  friend bool operator==(const UniqueConstraint&, const UniqueConstraint&) = default;
};

struct CheckConstraint {
  std::string name;
  std::string expression;  // raw SQL, e.g. "price >= 0"
  friend bool operator==(const CheckConstraint&, const CheckConstraint&) = default;
};

enum class ReferentialAction { no_action, restrict, cascade, set_null, set_default };

[[nodiscard]] std::string_view to_string(ReferentialAction action) noexcept;  // "NO ACTION"...
[[nodiscard]] std::optional<ReferentialAction> referential_action_from_string(
    std::string_view text) noexcept;

struct ForeignKey {
  std::string name;
  std::vector<std::string> columns;
  QualifiedName referenced_table;
  std::vector<std::string> referenced_columns;
  ReferentialAction on_delete = ReferentialAction::no_action;
  ReferentialAction on_update = ReferentialAction::no_action;
  friend bool operator==(const ForeignKey&, const ForeignKey&) = default;
};

}  // namespace migcmd
