#pragma once
// The schema model: plain values describing tables, with no SQL and no connection.
// Schemas compare with == and round-trip through JSON (migcmd/schema_json.hpp).

#include <string>
#include <vector>

#include "migcmd/schema/column.hpp"
#include "migcmd/schema/constraints.hpp"
#include "migcmd/schema/index.hpp"
#include "migcmd/schema/name.hpp"
#include "migcmd/schema/table.hpp"
#include "migcmd/schema/type.hpp"

namespace migcmd {

struct Schema {
  std::vector<std::string> namespaces;  // schemas created by ensure_schema, besides the default
  std::vector<Table> tables;

  [[nodiscard]] const Table* find_table(const QualifiedName& name) const noexcept;
  [[nodiscard]] Table* find_table(const QualifiedName& name) noexcept;

  friend bool operator==(const Schema&, const Schema&) = default;
};

}  // namespace migcmd
