#pragma once
// SQL Server refuses a foreign key whose referential actions could reach a table twice, or in a
// cycle, from one DELETE or UPDATE (error 1785, "may cause cycles or multiple cascade paths"); a
// self-referencing key with CASCADE or SET NULL is the common case. Checking this against the
// schema turns a server error in the middle of a migration into a clear error before any SQL runs.

#include <optional>
#include <string>
#include <vector>

#include "migcmd/schema.hpp"

namespace migcmd::sqlserver {

struct CascadeEdge {
  QualifiedName parent;  // the referenced table
  QualifiedName child;   // the table holding the foreign key
};

// The cascading edges (action other than NO ACTION / RESTRICT) of every foreign key in `schema`,
// for deletes (`on_delete`) or updates.
[[nodiscard]] std::vector<CascadeEdge> cascade_edges(const Schema& schema, bool on_delete);

// Why adding `key` to table `child` would give SQL Server a cycle or a second cascade path, given
// the existing `edges` for the same event; std::nullopt when it is accepted. `on_delete` picks the
// key's action to consider.
[[nodiscard]] std::optional<std::string> cascade_conflict(const std::vector<CascadeEdge>& edges,
                                                          const QualifiedName& child,
                                                          const ForeignKey& key, bool on_delete);

}  // namespace migcmd::sqlserver
