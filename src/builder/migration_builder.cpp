#include "migcmd/builder/migration_builder.hpp"

#include <fmt/format.h>

#include "migcmd/error.hpp"
#include "migcmd/validate.hpp"

namespace migcmd {

MigrationBuilder::MigrationBuilder(std::string migration_name)
    : migration_name_(std::move(migration_name)) {}

template <typename Op>
std::size_t MigrationBuilder::push(Op op) {
  ops_.emplace_back(std::move(op));
  return ops_.size() - 1;
}

void MigrationBuilder::append(Operation op) {
  ops_.push_back(std::move(op));
}

void MigrationBuilder::create_table(QualifiedName name,
                                    const std::function<void(TableBuilder&)>& define) {
  Table table;
  table.name = std::move(name);
  TableBuilder builder(table);
  if (define) define(builder);
  push(CreateTable{std::move(table)});
}

void MigrationBuilder::drop_table(QualifiedName name) {
  push(DropTable{std::move(name), {}});
}

void MigrationBuilder::drop_table(Table definition) {
  auto name = definition.name;
  push(DropTable{std::move(name), std::move(definition)});
}

void MigrationBuilder::rename_table(QualifiedName name, std::string new_name) {
  push(RenameTable{std::move(name), std::move(new_name)});
}

void MigrationBuilder::set_table_comment(QualifiedName table, std::string comment) {
  push(SetTableComment{std::move(table), std::move(comment), {}});
}

void MigrationBuilder::set_table_comment(QualifiedName table, std::string comment,
                                         std::string previous) {
  push(SetTableComment{std::move(table), std::move(comment), std::move(previous)});
}

void MigrationBuilder::ensure_schema(std::string name) {
  push(EnsureSchema{std::move(name)});
}

ColumnBuilder MigrationBuilder::add_column(QualifiedName table, std::string column, Type type) {
  auto i = push(AddColumn{std::move(table), Column{std::move(column), std::move(type)}});
  return ColumnBuilder(std::get<AddColumn>(ops_[i]).column);
}

void MigrationBuilder::drop_column(QualifiedName table, std::string column) {
  push(DropColumn{std::move(table), std::move(column), {}});
}

void MigrationBuilder::drop_column(QualifiedName table, Column definition) {
  auto name = definition.name;
  push(DropColumn{std::move(table), std::move(name), std::move(definition)});
}

void MigrationBuilder::rename_column(QualifiedName table, std::string column,
                                     std::string new_name) {
  push(RenameColumn{std::move(table), std::move(column), std::move(new_name)});
}

AlterColumnBuilder MigrationBuilder::alter_column(QualifiedName table, std::string column) {
  return {ops_, push(AlterColumn{std::move(table), std::move(column), {}, {}})};
}

IndexBuilder MigrationBuilder::create_index(std::string name, QualifiedName table,
                                            std::vector<std::string> columns) {
  Index index;
  index.name = std::move(name);
  for (auto& c : columns) index.parts.push_back(IndexPart{std::move(c), {}, false});
  return {ops_, push(CreateIndex{std::move(table), std::move(index)})};
}

IndexBuilder MigrationBuilder::create_index(QualifiedName table, Index index) {
  return {ops_, push(CreateIndex{std::move(table), std::move(index)})};
}

void MigrationBuilder::drop_index(std::string name, QualifiedName table) {
  push(DropIndex{std::move(table), std::move(name), {}});
}

void MigrationBuilder::drop_index(QualifiedName table, Index definition) {
  auto name = definition.name;
  push(DropIndex{std::move(table), std::move(name), std::move(definition)});
}

void MigrationBuilder::rename_index(QualifiedName table, std::string name, std::string new_name) {
  push(RenameIndex{std::move(table), std::move(name), std::move(new_name)});
}

void MigrationBuilder::add_primary_key(std::string name, QualifiedName table,
                                       std::vector<std::string> columns) {
  push(AddPrimaryKey{std::move(table), PrimaryKey{std::move(name), std::move(columns)}});
}

void MigrationBuilder::drop_primary_key(std::string name, QualifiedName table) {
  push(DropPrimaryKey{std::move(table), std::move(name), {}});
}

void MigrationBuilder::add_unique(std::string name, QualifiedName table,
                                  std::vector<std::string> columns) {
  push(AddUnique{std::move(table), UniqueConstraint{std::move(name), std::move(columns)}});
}

void MigrationBuilder::drop_unique(std::string name, QualifiedName table) {
  push(DropUnique{std::move(table), std::move(name), {}});
}

void MigrationBuilder::add_check(std::string name, QualifiedName table, std::string expression) {
  push(AddCheck{std::move(table), CheckConstraint{std::move(name), std::move(expression)}});
}

void MigrationBuilder::drop_check(std::string name, QualifiedName table) {
  push(DropCheck{std::move(table), std::move(name), {}});
}

ForeignKeyBuilder MigrationBuilder::add_foreign_key(std::string name, QualifiedName table,
                                                    std::vector<std::string> columns,
                                                    QualifiedName referenced_table,
                                                    std::vector<std::string> referenced_columns) {
  ForeignKey key{std::move(name), std::move(columns), std::move(referenced_table),
                 std::move(referenced_columns)};
  return {ops_, push(AddForeignKey{std::move(table), std::move(key)})};
}

void MigrationBuilder::drop_foreign_key(std::string name, QualifiedName table) {
  push(DropForeignKey{std::move(table), std::move(name), {}});
}

void MigrationBuilder::drop_foreign_key(QualifiedName table, ForeignKey definition) {
  auto name = definition.name;
  push(DropForeignKey{std::move(table), std::move(name), std::move(definition)});
}

void MigrationBuilder::insert(QualifiedName table, std::vector<std::string> columns,
                              std::vector<std::vector<Value>> rows) {
  push(InsertRows{std::move(table), std::move(columns), std::move(rows)});
}

void MigrationBuilder::update(QualifiedName table, std::vector<std::pair<std::string, Value>> set,
                              RowFilter where) {
  push(UpdateRows{std::move(table), std::move(set), std::move(where)});
}

void MigrationBuilder::delete_rows(QualifiedName table, RowFilter where) {
  push(DeleteRows{std::move(table), std::move(where)});
}

RawSqlBuilder MigrationBuilder::sql(std::string sql) {
  return {ops_, push(RawSql{std::move(sql), {}, false})};
}

OperationList MigrationBuilder::build() const {
  for (std::size_t i = 0; i < ops_.size(); ++i) {
    try {
      validate(ops_[i]);
    } catch (Error& e) {
      e.add_context(fmt::format("migration {}, operation {}",
                                migration_name_.empty() ? "(unnamed)" : migration_name_, i + 1));
      throw;
    }
  }
  return ops_;
}

}  // namespace migcmd
