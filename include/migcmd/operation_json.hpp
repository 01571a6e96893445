#pragma once
// Operations as JSON: the canonical form code-migration checksums are computed from, pretty-printed
// (`migcmd diff --format json`, tools that post-process a diff).

#include <string>

#include "migcmd/operations.hpp"

namespace migcmd {

// An array with one object per operation: {"op": "add_column", "args": {...every field...}}.
[[nodiscard]] std::string to_json(const OperationList& operations);

}  // namespace migcmd
