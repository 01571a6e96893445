#include "cascade_paths.hpp"

#include <fmt/format.h>

#include <set>

namespace migcmd::sqlserver {
namespace {

bool cascades(ReferentialAction action) noexcept {
  return action != ReferentialAction::no_action && action != ReferentialAction::restrict;
}

using Tables = std::set<QualifiedName>;

// Tables reachable from `from` by one or more edges, following them forwards or backwards.
Tables reachable(const std::vector<CascadeEdge>& edges, const QualifiedName& from, bool forwards) {
  Tables seen;
  std::vector<QualifiedName> todo{from};
  while (!todo.empty()) {
    QualifiedName at = todo.back();
    todo.pop_back();
    for (const auto& e : edges) {
      const QualifiedName& src = forwards ? e.parent : e.child;
      const QualifiedName& dst = forwards ? e.child : e.parent;
      if (src == at && seen.insert(dst).second) todo.push_back(dst);
    }
  }
  return seen;
}

}  // namespace

std::vector<CascadeEdge> cascade_edges(const Schema& schema, bool on_delete) {
  std::vector<CascadeEdge> edges;
  for (const auto& table : schema.tables) {
    for (const auto& fk : table.foreign_keys) {
      if (cascades(on_delete ? fk.on_delete : fk.on_update)) {
        edges.push_back({fk.referenced_table, table.name});
      }
    }
  }
  return edges;
}

std::optional<std::string> cascade_conflict(const std::vector<CascadeEdge>& edges,
                                            const QualifiedName& child, const ForeignKey& key,
                                            bool on_delete) {
  if (!cascades(on_delete ? key.on_delete : key.on_update)) return std::nullopt;
  const QualifiedName& parent = key.referenced_table;
  if (parent == child) return fmt::format("it references its own table {}", to_string(child));
  Tables below = reachable(edges, child, true);
  if (below.count(parent)) {
    return fmt::format("{} already cascades to {}, which would make a cycle", to_string(child),
                       to_string(parent));
  }
  // A second path exists when some table at or above the parent already reaches the child or a
  // table below it: the new key adds another way between the same two tables.
  Tables above = reachable(edges, parent, false);
  above.insert(parent);
  below.insert(child);
  for (const auto& top : above) {
    for (const auto& reached : reachable(edges, top, true)) {
      if (below.count(reached)) {
        return fmt::format("{} already reaches {} through other cascading foreign keys",
                           to_string(top), to_string(reached));
      }
    }
  }
  return std::nullopt;
}

}  // namespace migcmd::sqlserver
