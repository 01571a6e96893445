#pragma once
// A table with its columns, keys, constraints, indexes and triggers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/schema/column.hpp"
#include "migcmd/schema/constraints.hpp"
#include "migcmd/schema/index.hpp"
#include "migcmd/schema/name.hpp"

namespace migcmd {

// A trigger kept as its full CREATE TRIGGER statement in the table's dialect. The model does not
// interpret triggers; it keeps them so that a SQLite table rebuild can recreate them.
struct Trigger {
  std::string name;
  std::string sql;
  friend bool operator==(const Trigger&, const Trigger&) = default;
};

struct Table {
  QualifiedName name;
  std::vector<Column> columns;
  std::optional<PrimaryKey> primary_key;
  std::vector<UniqueConstraint> uniques;
  std::vector<CheckConstraint> checks;
  std::vector<ForeignKey> foreign_keys;
  std::vector<Index> indexes;
  std::vector<Trigger> triggers;
  std::string comment;

  [[nodiscard]] const Column* find_column(std::string_view column) const noexcept;
  [[nodiscard]] Column* find_column(std::string_view column) noexcept;
  [[nodiscard]] const Index* find_index(std::string_view index) const noexcept;

  friend bool operator==(const Table&, const Table&) = default;
};

}  // namespace migcmd
