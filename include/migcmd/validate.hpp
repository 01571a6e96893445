#pragma once
// Structural checks of operations, independent of any database: what can be known to be wrong
// from the operation alone. Checks that need the current schema live in apply_operation().

#include "migcmd/operations.hpp"

namespace migcmd {

// Throws Error(invalid_migration) describing the operation and the mistake.
void validate(const Operation& op);

}  // namespace migcmd
