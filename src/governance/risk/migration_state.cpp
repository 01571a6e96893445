#include <algorithm>

#include "risk/analysis.hpp"

namespace migcmd::governance::risk {

bool MigrationState::is_new(const ObjectName& table) const noexcept {
  return std::any_of(created_tables_.begin(), created_tables_.end(),
                     [&](const ObjectName& t) { return same_object(t, table); });
}

bool MigrationState::is_new_index(const ObjectName& index) const noexcept {
  return std::any_of(created_indexes_.begin(), created_indexes_.end(),
                     [&](const ObjectName& i) { return same_object(i, index); });
}

void MigrationState::added_not_null_check(const ObjectName& table, std::string column_key,
                                          std::string name, bool validated) {
  checks_.push_back({table, std::move(column_key), ascii_lower(name), validated});
}

void MigrationState::validated_constraint(std::string_view name) {
  const std::string key = ascii_lower(name);
  for (auto& c : checks_) {
    if (!c.name.empty() && c.name == key) c.validated = true;
  }
}

void MigrationState::dropped_constraint(std::string_view name) {
  const std::string key = ascii_lower(name);
  std::erase_if(checks_, [&](const NotNullCheck& c) { return !c.name.empty() && c.name == key; });
}

bool MigrationState::has_validated_not_null_check(const ObjectName& table,
                                                  std::string_view column_key) const noexcept {
  return std::any_of(checks_.begin(), checks_.end(), [&](const NotNullCheck& c) {
    return c.validated && c.column_key == column_key && same_object(c.table, table);
  });
}

ObjectName object_name(const QualifiedName& name) {
  ObjectName n;
  n.schema = name.schema;
  n.schema_key = name.schema;
  n.name = name.name;
  n.key = name.name;
  return n;
}

MigrationFacts facts_of(const std::vector<ParsedStatement>& statements) {
  MigrationFacts f;
  std::vector<ObjectName> created;
  const auto is_new = [&](const ObjectName& t) {
    return std::any_of(created.begin(), created.end(),
                       [&](const ObjectName& c) { return same_object(c, t); });
  };
  for (const auto& s : statements) {
    f.has_ddl = f.has_ddl || s.is_ddl();
    f.has_dml = f.has_dml || s.is_dml();
    if (s.kind == StatementKind::create_table) {
      created.push_back(s.table);
    } else if (s.is_ddl() && !s.table.empty() && !is_new(s.table)) {
      f.has_ddl_on_existing = true;
    } else if (s.is_ddl() && s.table.empty() && !s.objects.empty() && !is_new(s.objects[0])) {
      f.has_ddl_on_existing = true;
    }
  }
  return f;
}

}  // namespace migcmd::governance::risk
