#pragma once
// The SQLite dialect. SQLite's ALTER TABLE can rename tables and columns and add or drop simple
// columns; everything else (altering a column, adding or dropping a key or constraint) is done
// by rebuilding the table: the documented 12-step procedure, with the new definition taken from
// the schema the migration is rendered against. SQLite has no schemas (namespaces): a qualified
// name is an error.

#include <string>
#include <string_view>

#include "migcmd/dialect.hpp"

namespace migcmd::sqlite {

class SqliteDialect final : public Dialect {
 public:
  [[nodiscard]] std::string_view name() const noexcept override { return "sqlite"; }
  [[nodiscard]] Capabilities capabilities() const override;
  [[nodiscard]] std::string quote_identifier(std::string_view identifier) const override;
  [[nodiscard]] std::string literal(const Value& value) const override;
  [[nodiscard]] std::string type_sql(const Type& type) const override;
  // sqlite_file_statements.cpp
  void place_file_statement(SqlCommand& command) const override;

 protected:
  using Dialect::emit;
  void emit(const CreateTable& op, const Context& ctx) const override;
  void emit(const DropTable& op, const Context& ctx) const override;
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
  void emit(const DropUnique& op, const Context& ctx) const override;
  void emit(const AddCheck& op, const Context& ctx) const override;
  void emit(const DropCheck& op, const Context& ctx) const override;
  void emit(const AddForeignKey& op, const Context& ctx) const override;
  void emit(const DropForeignKey& op, const Context& ctx) const override;
  void emit(const InsertRows& op, const Context& ctx) const override;
  void emit(const UpdateRows& op, const Context& ctx) const override;
  void emit(const DeleteRows& op, const Context& ctx) const override;

  [[nodiscard]] std::string column_definition(const Column& column,
                                              const QualifiedName& table) const override;
  [[nodiscard]] std::string default_clause(const ColumnDefault& value) const override;
  [[nodiscard]] std::string table_elements(const Table& table) const override;

 private:
  // The quoted table name; a schema-qualified name fails naming `op`.
  [[nodiscard]] std::string table_sql(const QualifiedName& table, const Operation& op) const;
  // Checks what SQLite cannot express in a table definition: schema-qualified names (its own or
  // referenced by a foreign key), and an identity column that is not the sole primary key column.
  void check_table(const Table& table, const Operation& op) const;
  // A column as CREATE TABLE states it; `rowid_key` set makes it the auto-incrementing rowid
  // alias "INTEGER ... PRIMARY KEY AUTOINCREMENT" carrying that key's name.
  [[nodiscard]] std::string column_sql(const Column& column, const PrimaryKey* rowid_key) const;
  [[nodiscard]] std::string create_table_sql(const Table& table, std::string_view as_name) const;
  void create_table_extras(const Table& table, const Context& ctx) const;  // indexes, triggers

  // Rebuilds op's table into the definition the operation leaves it with, keeping its rows.
  void rebuild(const Operation& op, const QualifiedName& table, const Context& ctx) const;
  void rebuild(const Table& before, const Table& after, const Schema& schema_after,
               const Operation& op, const Context& ctx) const;
};

}  // namespace migcmd::sqlite
