#include "convergence/pair_requirements.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace migcmd::convergence {
namespace {

std::optional<std::string> schema_reason(const Schema& s, const DialectTraits& traits) {
  const Capabilities& caps = traits.capabilities;
  const bool qualified = std::any_of(s.tables.begin(), s.tables.end(),
                                     [](const Table& t) { return !t.name.schema.empty(); });
  if ((!s.namespaces.empty() || qualified) && !caps.schemas) return "no schemas (namespaces)";
  for (const auto& t : s.tables) {
    if (!t.checks.empty() && !caps.check_constraints) return "no check constraints";
    if (!t.comment.empty() && !caps.comments) return "no comments";
    for (const auto& c : t.columns) {
      if (!c.comment.empty() && !caps.comments) return "no comments";
      if (!c.collation.empty() && traits.collation.empty()) return "no second collation known";
    }
    for (const auto& ix : t.indexes) {
      if (!ix.where.empty() && !caps.partial_indexes) return "no partial indexes";
      bool ascending_columns = true;
      for (const auto& p : ix.parts) {
        if (p.is_expression() && !caps.expression_indexes) return "no expression indexes";
        if (p.descending && !caps.descending_indexes) return "no descending indexes";
        ascending_columns = ascending_columns && !p.is_expression() && !p.descending;
      }
      if (ix.unique && ascending_columns && ix.where.empty() &&
          !traits.unique_index_apart_from_constraint) {
        return "a unique index reads back as a unique constraint";
      }
    }
    for (const auto& k : t.foreign_keys) {
      if (!t.name.schema.empty() && k.referenced_table.schema.empty() &&
          !traits.unqualified_reference_from_other_schema) {
        return "a key from another schema to the default one names the default schema";
      }
      for (const auto action : {k.on_delete, k.on_update}) {
        if (action == ReferentialAction::restrict && !traits.restrict_apart_from_no_action) {
          return "RESTRICT is not told apart from NO ACTION";
        }
        if (action == ReferentialAction::set_default && !traits.set_default_action) {
          return "no SET DEFAULT referential action";
        }
      }
    }
  }
  return std::nullopt;
}

// Whether `sql` names `column` as a word (a check expression over it).
bool mentions(const std::string& sql, const std::string& column) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (auto at = sql.find(column); at != std::string::npos; at = sql.find(column, at + 1)) {
    const std::size_t end = at + column.size();
    if ((at == 0 || !word(sql[at - 1])) && (end == sql.size() || !word(sql[end]))) return true;
  }
  return false;
}

std::optional<std::string> rename_reason(const SchemaPair& pair, const DialectTraits& traits) {
  if (traits.rename_column_used_by_check) return std::nullopt;
  std::map<std::string, std::string> table_back;  // new name -> old name
  for (const auto& [from, to] : pair.renames) {
    if (from.find('.') == std::string::npos) table_back[to] = from;
  }
  for (const auto& [from, to] : pair.renames) {
    const auto dot = from.find('.');
    if (dot == std::string::npos) continue;
    std::string table_name = from.substr(0, dot);
    if (auto it = table_back.find(table_name); it != table_back.end()) table_name = it->second;
    const Table* t = pair.current.find_table(table_name);
    if (!t) continue;
    for (const auto& c : t->checks) {
      if (mentions(c.expression, from.substr(dot + 1))) {
        return "the dialect refuses to rename a column a check uses";
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> unsupported_reason(const SchemaPair& pair, const DialectTraits& traits) {
  if (auto reason = schema_reason(pair.current, traits)) return reason;
  if (auto reason = schema_reason(pair.desired, traits)) return reason;
  return rename_reason(pair, traits);
}

}  // namespace migcmd::convergence
