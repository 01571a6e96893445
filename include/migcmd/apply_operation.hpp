#pragma once
// Replays operations on a schema model: the schema a database has after the operation ran.
// Used to render operations that need the current definition (SQLite rebuilds, MySQL MODIFY),
// to check operations against existing tables, and to replay a directory of migrations.

#include "migcmd/operations.hpp"
#include "migcmd/schema.hpp"

namespace migcmd {

// Applies `op` to `schema`. Throws Error(invalid_migration) when the operation refers to an object
// the schema does not have (or creates one it already has). Raw SQL and data operations leave the
// model unchanged.
void apply_operation(Schema& schema, const Operation& op);

}  // namespace migcmd
