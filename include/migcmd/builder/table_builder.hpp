#pragma once
// Fluent definition of a table inside MigrationBuilder::create_table.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <vector>

#include "migcmd/builder/column_builder.hpp"
#include "migcmd/schema/table.hpp"

namespace migcmd {

// The portable type for a C++ type: bool, std::int16_t/32/64, float, double, std::string (text;
// max_length() makes it string(n)) and migcmd::Bytes (binary).
template <typename T>
[[nodiscard]] Type type_for() {
  if constexpr (std::is_same_v<T, bool>)
    return Type::boolean();
  else if constexpr (std::is_same_v<T, std::int16_t>)
    return Type::int16();
  else if constexpr (std::is_same_v<T, std::int32_t>)
    return Type::int32();
  else if constexpr (std::is_same_v<T, std::int64_t>)
    return Type::int64();
  else if constexpr (std::is_same_v<T, float>)
    return Type::float32();
  else if constexpr (std::is_same_v<T, double>)
    return Type::float64();
  else if constexpr (std::is_same_v<T, std::string>)
    return Type::text();
  else if constexpr (std::is_same_v<T, Bytes>)
    return Type::binary();
  else
    static_assert(sizeof(T) == 0, "no portable type for this C++ type; pass a migcmd::Type");
}

class TableBuilder {
 public:
  explicit TableBuilder(Table& table) : table_(&table) {}

  // The returned builder is valid until the next call to column() on this table.
  ColumnBuilder column(std::string name, Type type);
  template <typename T>
  ColumnBuilder column(std::string name) {
    return column(std::move(name), type_for<T>());
  }

  TableBuilder& primary_key(std::vector<std::string> columns, std::string name = {});
  TableBuilder& unique(std::vector<std::string> columns, std::string name = {});
  TableBuilder& check(std::string name, std::string expression);
  TableBuilder& foreign_key(ForeignKey key);
  TableBuilder& index(Index index);
  TableBuilder& comment(std::string text);

  [[nodiscard]] const Table& table() const noexcept { return *table_; }

 private:
  Table* table_;
};

}  // namespace migcmd
