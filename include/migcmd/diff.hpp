#pragma once
// The differ: the operations that turn one schema into another, in an order that is safe to run
// (foreign keys dropped first and added last), each one telling whether it destroys data.
// Renames are never guessed silently into a drop plus an add: likely renames are reported and a
// rename is applied only when DiffOptions names it.

#include <map>
#include <string>
#include <vector>

#include "migcmd/dialect.hpp"
#include "migcmd/operations.hpp"
#include "migcmd/schema.hpp"

namespace migcmd {

struct DiffOptions {
  // Renames to apply: "old_table" -> "new_table", "table.old_column" -> "new_column" (the table
  // named as in `to`).
  std::map<std::string, std::string> renames;
  // The dialect whose types and defaults decide equality: two types are the same when the
  // dialect renders them the same (int4 and integer; varchar(255) and character varying(255)).
  // Without one, the portable model values are compared as they are.
  const Dialect* dialect = nullptr;
};

struct RenameCandidate {
  std::string kind;  // "table" or "column"
  std::string from;  // "users" / "users.email"
  std::string to;    // "members" / "users.mail"
  std::string hint;  // how to apply it: the DiffOptions::renames entry, or the CLI flag
};

struct SchemaDiff {
  OperationList operations;
  std::vector<RenameCandidate> likely_renames;

  [[nodiscard]] bool empty() const noexcept { return operations.empty(); }
};

[[nodiscard]] SchemaDiff diff(const Schema& from, const Schema& to,
                              const DiffOptions& options = {});

// The operations that create `schema` from nothing: schemas, tables (without their foreign keys),
// then every foreign key, so tables that reference each other can be created.
[[nodiscard]] OperationList create_operations(const Schema& schema);

}  // namespace migcmd
