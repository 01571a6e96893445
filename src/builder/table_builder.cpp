#include "migcmd/builder/table_builder.hpp"

namespace migcmd {

ColumnBuilder TableBuilder::column(std::string name, Type type) {
  table_->columns.push_back(Column{std::move(name), std::move(type)});
  return ColumnBuilder(table_->columns.back());
}

TableBuilder& TableBuilder::primary_key(std::vector<std::string> columns, std::string name) {
  table_->primary_key = PrimaryKey{std::move(name), std::move(columns)};
  return *this;
}

TableBuilder& TableBuilder::unique(std::vector<std::string> columns, std::string name) {
  table_->uniques.push_back({std::move(name), std::move(columns)});
  return *this;
}

TableBuilder& TableBuilder::check(std::string name, std::string expression) {
  table_->checks.push_back({std::move(name), std::move(expression)});
  return *this;
}

TableBuilder& TableBuilder::foreign_key(ForeignKey key) {
  table_->foreign_keys.push_back(std::move(key));
  return *this;
}

TableBuilder& TableBuilder::index(Index index) {
  table_->indexes.push_back(std::move(index));
  return *this;
}

TableBuilder& TableBuilder::comment(std::string text) {
  table_->comment = std::move(text);
  return *this;
}

}  // namespace migcmd
