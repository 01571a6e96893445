#pragma once
// The operation lists rendered as C++ golden migrations: every sample case of tests/support, cases
// for what the samples do not reach (every Value type, drops with definitions, qualified names,
// triggers, odd types, line breaking), and diffs of the realistic schemas.

#include <optional>
#include <string>
#include <vector>

#include "migcmd/operations.hpp"

namespace migcmd::test {

struct ScaffoldCase {
  std::string name;  // the golden file: tests/scaffold/golden/<name>.hpp
  OperationList up;
  // The explicit down() the golden has; std::nullopt: derived by reverse() (or irreversible).
  std::optional<OperationList> down;
};

[[nodiscard]] std::vector<ScaffoldCase> scaffold_cases();

}  // namespace migcmd::test
