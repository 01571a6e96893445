#include "migcmd/builder/operation_builders.hpp"

#include <algorithm>

namespace migcmd {

ForeignKeyBuilder& ForeignKeyBuilder::on_delete(ReferentialAction action) {
  op().key.on_delete = action;
  return *this;
}

ForeignKeyBuilder& ForeignKeyBuilder::on_update(ReferentialAction action) {
  op().key.on_update = action;
  return *this;
}

IndexBuilder& IndexBuilder::unique(bool value) {
  op().index.unique = value;
  return *this;
}

IndexBuilder& IndexBuilder::where(std::string predicate) {
  op().index.where = std::move(predicate);
  return *this;
}

IndexBuilder& IndexBuilder::descending(std::string column) {
  auto& parts = op().index.parts;
  auto it = std::find_if(parts.begin(), parts.end(),
                         [&](const IndexPart& p) { return p.column == column; });
  // An unknown column becomes a descending part of its own; validation then reports it if the
  // table lacks it, rather than the mistake passing silently here.
  if (it == parts.end())
    parts.push_back(IndexPart{std::move(column), {}, true});
  else
    it->descending = true;
  return *this;
}

AlterColumnBuilder& AlterColumnBuilder::type(Type type) {
  op().change.type = std::move(type);
  return *this;
}

AlterColumnBuilder& AlterColumnBuilder::nullable(bool value) {
  op().change.nullable = value;
  return *this;
}

AlterColumnBuilder& AlterColumnBuilder::default_value(Value value) {
  op().change.default_value = std::optional<ColumnDefault>(std::move(value));
  return *this;
}

AlterColumnBuilder& AlterColumnBuilder::default_sql(std::string expression) {
  op().change.default_value = std::optional<ColumnDefault>(SqlExpression{std::move(expression)});
  return *this;
}

AlterColumnBuilder& AlterColumnBuilder::drop_default() {
  op().change.default_value = std::optional<ColumnDefault>{};
  return *this;
}

AlterColumnBuilder& AlterColumnBuilder::identity(bool value) {
  op().change.identity = value;
  return *this;
}

AlterColumnBuilder& AlterColumnBuilder::collation(std::string name) {
  op().change.collation = std::move(name);
  return *this;
}

AlterColumnBuilder& AlterColumnBuilder::comment(std::string text) {
  op().change.comment = std::move(text);
  return *this;
}

AlterColumnBuilder& AlterColumnBuilder::from(Column previous) {
  op().from = std::move(previous);
  return *this;
}

RawSqlBuilder& RawSqlBuilder::on(std::string dialect, std::string sql) {
  op().per_dialect[std::move(dialect)] = std::move(sql);
  return *this;
}

RawSqlBuilder& RawSqlBuilder::suppress_transaction() {
  op().suppress_transaction = true;
  return *this;
}

}  // namespace migcmd
