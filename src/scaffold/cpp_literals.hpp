#pragma once
// C++ source for the values inside operations (internal): string literals, Values, names, types
// and the schema structs, each spelled so that it compiles back to an equal value.

#include <string>
#include <string_view>
#include <vector>

#include "migcmd/schema.hpp"
#include "migcmd/value.hpp"
#include "scaffold/cpp_layout.hpp"

namespace migcmd::detail {

// "text" with escapes, or R"sql(...)sql" for multi-line text that reads better raw.
[[nodiscard]] std::string cpp_string(std::string_view text);
[[nodiscard]] std::string cpp_value(const Value& value);  // nullptr, true, 42, 1.5, "x", Bytes{..}
// "users" or {"audit", "users"}.
[[nodiscard]] std::string cpp_name(const QualifiedName& name);
[[nodiscard]] CppExpr cpp_strings(const std::vector<std::string>& items);
[[nodiscard]] std::string cpp_type(const Type& type);  // migcmd::Type::int64()...
[[nodiscard]] std::string cpp_action(ReferentialAction action);

// A designated initializer: ".name = value".
[[nodiscard]] CppExpr cpp_field(std::string_view name, std::string value);
[[nodiscard]] CppExpr cpp_field(std::string_view name, CppExpr value);

[[nodiscard]] CppExpr cpp_column(const Column& column);  // migcmd::Column{.name = ...}
[[nodiscard]] CppExpr cpp_index(const Index& index);
[[nodiscard]] CppExpr cpp_foreign_key(const ForeignKey& key);
[[nodiscard]] CppExpr cpp_primary_key(const PrimaryKey& key);
[[nodiscard]] CppExpr cpp_unique(const UniqueConstraint& unique);
[[nodiscard]] CppExpr cpp_check(const CheckConstraint& check);

}  // namespace migcmd::detail
