#pragma once
// Fluent configuration of one column of a table being created (or added).

#include <string>

#include "migcmd/schema/column.hpp"

namespace migcmd {

// Refers to a column by its position, so it stays valid while more columns are added.
class ColumnBuilder {
 public:
  explicit ColumnBuilder(Column& column) : column_(&column) {}

  ColumnBuilder& not_null() { return nullable(false); }
  ColumnBuilder& nullable(bool value = true);
  ColumnBuilder& identity();
  // string(n) / binary(n); turns an unbounded text column into string(n).
  ColumnBuilder& max_length(int length);
  ColumnBuilder& precision(int precision, int scale = 0);
  ColumnBuilder& default_value(Value value);
  ColumnBuilder& default_sql(std::string expression);
  ColumnBuilder& collation(std::string name);
  ColumnBuilder& comment(std::string text);
  ColumnBuilder& store_type(std::string raw_type);

  [[nodiscard]] const Column& column() const noexcept { return *column_; }

 private:
  Column* column_;
};

}  // namespace migcmd
