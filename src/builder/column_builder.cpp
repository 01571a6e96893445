#include "migcmd/builder/column_builder.hpp"

namespace migcmd {

ColumnBuilder& ColumnBuilder::nullable(bool value) {
  column_->nullable = value;
  return *this;
}

ColumnBuilder& ColumnBuilder::identity() {
  column_->identity = true;
  column_->nullable = false;
  return *this;
}

ColumnBuilder& ColumnBuilder::max_length(int length) {
  if (column_->type.kind == TypeKind::text) column_->type.kind = TypeKind::string;
  column_->type.length = length;
  return *this;
}

ColumnBuilder& ColumnBuilder::precision(int precision, int scale) {
  column_->type.precision = precision;
  column_->type.scale = scale;
  return *this;
}

ColumnBuilder& ColumnBuilder::default_value(Value value) {
  column_->default_value = std::move(value);
  return *this;
}

ColumnBuilder& ColumnBuilder::default_sql(std::string expression) {
  column_->default_value = SqlExpression{std::move(expression)};
  return *this;
}

ColumnBuilder& ColumnBuilder::collation(std::string name) {
  column_->collation = std::move(name);
  return *this;
}

ColumnBuilder& ColumnBuilder::comment(std::string text) {
  column_->comment = std::move(text);
  return *this;
}

ColumnBuilder& ColumnBuilder::store_type(std::string raw_type) {
  column_->type.store_type = std::move(raw_type);
  return *this;
}

}  // namespace migcmd
