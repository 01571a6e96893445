#pragma once
// Rows for every table of a schema, valid for its keys, uniques, checks and foreign keys: each
// value is small, distinct per row and not NULL (so that a pair may tighten a column), foreign
// keys copy the referenced row's values, and a pair may replace any column's values.

#include <map>
#include <string>
#include <vector>

#include "migcmd/operations.hpp"
#include "migcmd/schema.hpp"

namespace migcmd::convergence {

inline constexpr int seed_row_count = 3;

// One InsertRows per table, parents before the tables that reference them. `values` maps
// "table.column" to the values of its rows, replacing the generated ones.
[[nodiscard]] std::vector<InsertRows> seed_rows(
    const Schema& schema, const std::map<std::string, std::vector<Value>>& values = {});

}  // namespace migcmd::convergence
