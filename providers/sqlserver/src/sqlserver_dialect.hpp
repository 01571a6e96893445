#pragma once
// T-SQL for SQL Server 2016 and later. Where T-SQL differs from the ANSI defaults:
// - renames go through sp_rename, and CREATE SCHEMA must be alone in its batch (run via EXEC);
// - defaults are constraints with generated names: dropping a column or changing its type or
//   default first drops that constraint, found in sys.default_constraints;
// - ALTER COLUMN restates the type, nullability and collation, and cannot change a column that an
//   index uses (the index is dropped and created again) or a key constraint uses (an error);
// - a column's indexes and constraints do not go away with it: DROP COLUMN drops them first;
// - comments are MS_Description extended properties;
// - what the server would refuse (an expression index, an index over nvarchar(max), cascade
//   cycles) is an error before any SQL runs.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/dialect.hpp"

namespace migcmd::sqlserver {

class SqlServerDialect final : public Dialect {
 public:
  [[nodiscard]] std::string_view name() const noexcept override { return "sqlserver"; }
  [[nodiscard]] Capabilities capabilities() const override;
  [[nodiscard]] std::string quote_identifier(std::string_view identifier) const override;
  [[nodiscard]] std::string literal(const Value& value) const override;
  [[nodiscard]] std::string type_sql(const Type& type) const override;

 protected:
  using Dialect::emit;
  void emit(const CreateTable& op, const Context& ctx) const override;
  void emit(const RenameTable& op, const Context& ctx) const override;
  void emit(const SetTableComment& op, const Context& ctx) const override;
  void emit(const EnsureSchema& op, const Context& ctx) const override;
  void emit(const AddColumn& op, const Context& ctx) const override;
  void emit(const DropColumn& op, const Context& ctx) const override;
  void emit(const RenameColumn& op, const Context& ctx) const override;
  void emit(const AlterColumn& op, const Context& ctx) const override;
  void emit(const CreateIndex& op, const Context& ctx) const override;
  void emit(const DropIndex& op, const Context& ctx) const override;
  void emit(const RenameIndex& op, const Context& ctx) const override;
  void emit(const AddPrimaryKey& op, const Context& ctx) const override;
  void emit(const DropPrimaryKey& op, const Context& ctx) const override;
  void emit(const AddUnique& op, const Context& ctx) const override;
  void emit(const AddForeignKey& op, const Context& ctx) const override;
  void emit(const InsertRows& op, const Context& ctx) const override;

  [[nodiscard]] std::string column_definition(const Column& column,
                                              const QualifiedName& table) const override;
  [[nodiscard]] std::string default_clause(const ColumnDefault& value) const override;
  [[nodiscard]] std::string identity_clause(const Column& column) const override;
  [[nodiscard]] std::string foreign_key_clause(const ForeignKey& key,
                                               const QualifiedName& table) const override;
  [[nodiscard]] std::string referential_action(ReferentialAction action) const override;
  [[nodiscard]] std::string index_part(const IndexPart& part) const override;

 private:
  // "nvarchar(100) COLLATE Latin1_General_CI_AS NOT NULL": what ALTER COLUMN restates.
  [[nodiscard]] std::string type_and_nullability(const Column& column) const;
  // N'[schema].[table]' (or with a column or index appended): how procedures and OBJECT_ID() take
  // a name.
  [[nodiscard]] std::string name_literal(const QualifiedName& table,
                                         std::string_view member = {}) const;
  // N'name' for a name passed as a string (sp_rename's new name, a schema to look up).
  [[nodiscard]] std::string name_string(std::string_view name) const;
  // A batch dropping the default constraint of a column if it has one. `n` keeps the variable
  // names of one rendering distinct, so that a script of several commands stays one valid batch.
  [[nodiscard]] std::string drop_default_sql(const QualifiedName& table, std::string_view column,
                                             std::size_t n) const;
  // A batch dropping a table's primary key when its name is unknown (the server generated it).
  [[nodiscard]] std::string drop_unnamed_primary_key_sql(const QualifiedName& table,
                                                         std::size_t n) const;
  // sp_addextendedproperty 'MS_Description' on a table (`column` empty) or a column.
  void add_comment(const Operation& op, const Context& ctx, const QualifiedName& table,
                   std::string_view column, const std::string& comment) const;
  // Adds, updates or drops ("" after) the MS_Description of a table (`column` empty) or a column.
  // `before` is the comment it has, when known; when not, the batch looks in the catalog.
  void set_comment(const Operation& op, const Context& ctx, const QualifiedName& table,
                   std::string_view column, const std::optional<std::string>& before,
                   const std::string& after) const;

  // AlterColumn without its comment: ALTER COLUMN, the default constraint, rebuilt indexes.
  void alter_definition(const AlterColumn& op, const ColumnChange& change,
                        const std::optional<Column>& before, const Table* table,
                        const Context& ctx) const;

  // Render-time checks of what SQL Server would refuse.
  void check_index(const Operation& op, const Table* table, const Index& index) const;
  void check_key_columns(const Operation& op, const Table* table,
                         const std::vector<std::string>& columns, std::string_view what) const;
  void check_primary_key_columns(const Operation& op, const Table* table,
                                 const PrimaryKey& key) const;
  // `pending` holds foreign keys of a table being created that are not in the schema yet.
  void check_cascades(const Operation& op, const Schema& schema, const QualifiedName& table,
                      const ForeignKey& key, const std::vector<ForeignKey>& pending = {}) const;
  void check_collation(const Column& column) const;

  // Whether a key (or index) of the model can exist in SQL Server at all: a model that did not
  // come from SQL Server may index an nvarchar(max) column or an expression. Such a key is not
  // there to drop or rebuild.
  [[nodiscard]] static bool can_exist(const Table& table, const std::vector<std::string>& key);
  [[nodiscard]] static bool can_exist(const Table& table, const Index& index);
};

}  // namespace migcmd::sqlserver
