#pragma once
// Operations on columns.

#include <optional>
#include <string>

#include "migcmd/schema/column.hpp"
#include "migcmd/schema/name.hpp"

namespace migcmd {

struct AddColumn {
  QualifiedName table;
  Column column;
  friend bool operator==(const AddColumn&, const AddColumn&) = default;
};

struct DropColumn {
  QualifiedName table;
  std::string name;
  std::optional<Column> definition;  // known: reversible
  friend bool operator==(const DropColumn&, const DropColumn&) = default;
};

struct RenameColumn {
  QualifiedName table;
  std::string name;
  std::string new_name;
  friend bool operator==(const RenameColumn&, const RenameColumn&) = default;
};

// What an AlterColumn changes. An unset member is left as it is.
struct ColumnChange {
  std::optional<Type> type;
  std::optional<bool> nullable;
  // Set: the default changes; set to std::nullopt inside: the default is dropped.
  std::optional<std::optional<ColumnDefault>> default_value;
  std::optional<bool> identity;
  std::optional<std::string> collation;  // set to "": back to the database default
  std::optional<std::string> comment;    // set to "": the comment is removed

  [[nodiscard]] bool empty() const noexcept {
    return !type && !nullable && !default_value && !identity && !collation && !comment;
  }
  friend bool operator==(const ColumnChange&, const ColumnChange&) = default;
};

struct AlterColumn {
  QualifiedName table;
  std::string name;
  ColumnChange change;
  // The column before the change. Needed to reverse it; dialects that must restate the whole
  // column (MySQL MODIFY, SQL Server ALTER COLUMN, SQLite rebuilds) take it from the schema the
  // migration is rendered against when it is not given here.
  std::optional<Column> from;
  friend bool operator==(const AlterColumn&, const AlterColumn&) = default;
};

// The column that results from applying `change` to `column`.
[[nodiscard]] Column apply_change(Column column, const ColumnChange& change);

}  // namespace migcmd
