#pragma once
// Operations on rows: seed data and data fixes that travel with a migration. Values are never
// pasted into SQL: dialects render them as escaped literals or bind them as parameters.

#include <string>
#include <utility>
#include <vector>

#include "migcmd/schema/name.hpp"
#include "migcmd/value.hpp"

namespace migcmd {

// column = value conditions joined with AND; a NULL value means IS NULL. Empty: every row.
using RowFilter = std::vector<std::pair<std::string, Value>>;

struct InsertRows {
  QualifiedName table;
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  friend bool operator==(const InsertRows&, const InsertRows&) = default;
};

struct UpdateRows {
  QualifiedName table;
  std::vector<std::pair<std::string, Value>> set;
  RowFilter where;
  friend bool operator==(const UpdateRows&, const UpdateRows&) = default;
};

struct DeleteRows {
  QualifiedName table;
  RowFilter where;
  friend bool operator==(const DeleteRows&, const DeleteRows&) = default;
};

}  // namespace migcmd
