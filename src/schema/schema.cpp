#include <fmt/format.h>
#include <algorithm>

#include <utility>

#include "migcmd/schema.hpp"

namespace migcmd {

std::string to_string(const QualifiedName& name) {
  return name.schema.empty() ? name.name : fmt::format("{}.{}", name.schema, name.name);
}

std::string_view to_string(ReferentialAction action) noexcept {
  switch (action) {
    case ReferentialAction::no_action:
      return "NO ACTION";
    case ReferentialAction::restrict:
      return "RESTRICT";
    case ReferentialAction::cascade:
      return "CASCADE";
    case ReferentialAction::set_null:
      return "SET NULL";
    case ReferentialAction::set_default:
      return "SET DEFAULT";
  }
  return "NO ACTION";
}

std::optional<ReferentialAction> referential_action_from_string(std::string_view text) noexcept {
  for (auto action :
       {ReferentialAction::no_action, ReferentialAction::restrict, ReferentialAction::cascade,
        ReferentialAction::set_null, ReferentialAction::set_default}) {
    if (to_string(action) == text) return action;
  }
  return std::nullopt;
}

const Column* Table::find_column(std::string_view column) const noexcept {
  auto it = std::find_if(columns.begin(), columns.end(),
                         [&](const Column& c) { return c.name == column; });
  return it == columns.end() ? nullptr : &*it;
}

Column* Table::find_column(std::string_view column) noexcept {
  return const_cast<Column*>(std::as_const(*this).find_column(column));
}

const Index* Table::find_index(std::string_view index) const noexcept {
  auto it =
      std::find_if(indexes.begin(), indexes.end(), [&](const Index& i) { return i.name == index; });
  return it == indexes.end() ? nullptr : &*it;
}

const Table* Schema::find_table(const QualifiedName& name) const noexcept {
  auto it =
      std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.name == name; });
  return it == tables.end() ? nullptr : &*it;
}

Table* Schema::find_table(const QualifiedName& name) noexcept {
  return const_cast<Table*>(std::as_const(*this).find_table(name));
}

}  // namespace migcmd
