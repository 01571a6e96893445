#pragma once
// Small builders returned by MigrationBuilder methods to refine the operation just appended.
// Each refers to its operation by position, so it stays valid while more operations are added.

#include <cstddef>
#include <string>

#include "migcmd/operations.hpp"

namespace migcmd {

template <typename Op>
class OperationRef {
 public:
  OperationRef(OperationList& ops, std::size_t index) : ops_(&ops), index_(index) {}

 protected:
  [[nodiscard]] Op& op() const { return std::get<Op>((*ops_)[index_]); }

 private:
  OperationList* ops_;
  std::size_t index_;
};

class ForeignKeyBuilder : public OperationRef<AddForeignKey> {
 public:
  using OperationRef::OperationRef;
  ForeignKeyBuilder& on_delete(ReferentialAction action);
  ForeignKeyBuilder& on_update(ReferentialAction action);
  ForeignKeyBuilder& on_delete_cascade() { return on_delete(ReferentialAction::cascade); }
  ForeignKeyBuilder& on_delete_set_null() { return on_delete(ReferentialAction::set_null); }
  ForeignKeyBuilder& on_delete_restrict() { return on_delete(ReferentialAction::restrict); }
};

class IndexBuilder : public OperationRef<CreateIndex> {
 public:
  using OperationRef::OperationRef;
  IndexBuilder& unique(bool value = true);
  IndexBuilder& where(std::string predicate);    // a partial index
  IndexBuilder& descending(std::string column);  // marks an existing column part DESC
};

class AlterColumnBuilder : public OperationRef<AlterColumn> {
 public:
  using OperationRef::OperationRef;
  AlterColumnBuilder& type(Type type);
  AlterColumnBuilder& nullable(bool value = true);
  AlterColumnBuilder& not_null() { return nullable(false); }
  AlterColumnBuilder& default_value(Value value);
  AlterColumnBuilder& default_sql(std::string expression);
  AlterColumnBuilder& drop_default();
  AlterColumnBuilder& identity(bool value = true);
  AlterColumnBuilder& collation(std::string name);  // "": back to the database default
  AlterColumnBuilder& comment(std::string text);    // "": removes the comment
  // The column as it was, which makes the change reversible.
  AlterColumnBuilder& from(Column previous);
};

class RawSqlBuilder : public OperationRef<RawSql> {
 public:
  using OperationRef::OperationRef;
  // SQL used instead of the default text on one dialect ("sqlite", "postgres", "mysql",
  // "sqlserver").
  RawSqlBuilder& on(std::string dialect, std::string sql);
  RawSqlBuilder& suppress_transaction();
};

}  // namespace migcmd
