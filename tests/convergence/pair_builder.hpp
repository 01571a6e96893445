#pragma once
// Writing pairs tersely: a pair is a base schema and an edit of a copy of it; most edits are
// also checked backwards (desired -> current), which is the opposite kind of change.

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "convergence/schema_pair.hpp"

namespace migcmd::convergence {

using Edit = std::function<void(Schema&)>;

class PairList {
 public:
  // The pair base -> edit(base), named "<base_name>/<name>".
  SchemaPair& add(const std::string& base_name, const Schema& base, const std::string& name,
                  std::vector<std::string> kinds, const Edit& edit);
  // add(), and the pair edit(base) -> base named "<name>~reverse" with `reverse_kinds`. Renames
  // are turned around for it, seed values are shared (they must suit both schemas).
  void both(const std::string& base_name, const Schema& base, const std::string& name,
            std::vector<std::string> kinds, std::vector<std::string> reverse_kinds,
            const Edit& edit, std::map<std::string, std::string> renames = {},
            std::map<std::string, std::vector<Value>> values = {});

  [[nodiscard]] std::vector<SchemaPair> take() { return std::move(pairs_); }

 private:
  std::vector<SchemaPair> pairs_;
};

// Edit helpers; each fails loudly (std::logic_error) when the named object is missing, so that a
// pair cannot silently edit nothing.
[[nodiscard]] Table& table(Schema& schema, const QualifiedName& name);
[[nodiscard]] Column& column(Schema& schema, const QualifiedName& table_name,
                             const std::string& name);
void drop_table(Schema& schema, const QualifiedName& name);
void drop_column(Schema& schema, const QualifiedName& table_name, const std::string& name);
void rename_table(Schema& schema, const QualifiedName& name, const std::string& new_name);
void rename_column(Schema& schema, const QualifiedName& table_name, const std::string& name,
                   const std::string& new_name);
[[nodiscard]] Index& index(Schema& schema, const QualifiedName& table_name,
                           const std::string& name);
[[nodiscard]] ForeignKey& foreign_key(Schema& schema, const QualifiedName& table_name,
                                      const std::string& name);
[[nodiscard]] CheckConstraint& check(Schema& schema, const QualifiedName& table_name,
                                     const std::string& name);
[[nodiscard]] UniqueConstraint& unique(Schema& schema, const QualifiedName& table_name,
                                       const std::string& name);
// Removes the named unique, check, foreign key or index (whichever has the name).
void drop_named(Schema& schema, const QualifiedName& table_name, const std::string& name);

// Model shorthands.
[[nodiscard]] Column col(std::string name, Type type, bool nullable = true);
[[nodiscard]] Column col_default(std::string name, Type type, bool nullable, ColumnDefault value);
[[nodiscard]] IndexPart part(std::string column, bool descending = false);
[[nodiscard]] IndexPart expression_part(std::string expression, bool descending = false);
[[nodiscard]] ForeignKey fk(std::string name, std::vector<std::string> columns,
                            QualifiedName target, std::vector<std::string> target_columns,
                            ReferentialAction on_delete = ReferentialAction::no_action,
                            ReferentialAction on_update = ReferentialAction::no_action);

}  // namespace migcmd::convergence
