#pragma once
// The fluent API of migrations: each method appends one operation.

#include <functional>
#include <string>
#include <vector>

#include "migcmd/builder/operation_builders.hpp"
#include "migcmd/builder/table_builder.hpp"
#include "migcmd/operations.hpp"

namespace migcmd {

class MigrationBuilder {
 public:
  // `migration_name` names the migration in error messages.
  explicit MigrationBuilder(std::string migration_name = {});

  void create_table(QualifiedName name, const std::function<void(TableBuilder&)>& define);
  void drop_table(QualifiedName name);
  void drop_table(Table definition);  // reversible: the definition recreates it
  void rename_table(QualifiedName name, std::string new_name);
  // Sets the table's comment; "" removes it.
  void set_table_comment(QualifiedName table, std::string comment);
  void set_table_comment(QualifiedName table, std::string comment,
                         std::string previous);  // reversible
  void ensure_schema(std::string name);

  ColumnBuilder add_column(QualifiedName table, std::string column, Type type);
  void drop_column(QualifiedName table, std::string column);
  void drop_column(QualifiedName table, Column definition);  // reversible
  void rename_column(QualifiedName table, std::string column, std::string new_name);
  AlterColumnBuilder alter_column(QualifiedName table, std::string column);

  IndexBuilder create_index(std::string name, QualifiedName table,
                            std::vector<std::string> columns);
  IndexBuilder create_index(QualifiedName table, Index index);
  void drop_index(std::string name, QualifiedName table);
  void drop_index(QualifiedName table, Index definition);  // reversible
  void rename_index(QualifiedName table, std::string name, std::string new_name);

  void add_primary_key(std::string name, QualifiedName table, std::vector<std::string> columns);
  void drop_primary_key(std::string name, QualifiedName table);
  void add_unique(std::string name, QualifiedName table, std::vector<std::string> columns);
  void drop_unique(std::string name, QualifiedName table);
  void add_check(std::string name, QualifiedName table, std::string expression);
  void drop_check(std::string name, QualifiedName table);
  ForeignKeyBuilder add_foreign_key(std::string name, QualifiedName table,
                                    std::vector<std::string> columns,
                                    QualifiedName referenced_table,
                                    std::vector<std::string> referenced_columns);
  void drop_foreign_key(std::string name, QualifiedName table);
  void drop_foreign_key(QualifiedName table, ForeignKey definition);  // reversible

  void insert(QualifiedName table, std::vector<std::string> columns,
              std::vector<std::vector<Value>> rows);
  void update(QualifiedName table, std::vector<std::pair<std::string, Value>> set, RowFilter where);
  void delete_rows(QualifiedName table, RowFilter where);
  RawSqlBuilder sql(std::string sql);

  // Appends an operation made elsewhere (the differ, a reversed migration).
  void append(Operation op);

  [[nodiscard]] const std::string& migration_name() const noexcept { return migration_name_; }
  [[nodiscard]] const OperationList& operations() const noexcept { return ops_; }

  // Checks every operation (empty names, duplicate columns, keys on missing columns, decimal
  // scale above precision...) and returns them. Throws Error(invalid_migration) naming the
  // migration, the operation and the object.
  [[nodiscard]] OperationList build() const;

 private:
  template <typename Op>
  std::size_t push(Op op);

  std::string migration_name_;
  OperationList ops_;
};

}  // namespace migcmd
