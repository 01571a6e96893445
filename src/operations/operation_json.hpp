#pragma once
// The canonical JSON of an operation (internal): every field, keys in a fixed order. Two
// operations have the same text exactly when they are equal, which makes it the input of a code
// migration's checksum.

#include <nlohmann/json.hpp>

#include "migcmd/operations.hpp"

namespace migcmd::detail {

[[nodiscard]] nlohmann::ordered_json operation_json(const Operation& op);

}  // namespace migcmd::detail
