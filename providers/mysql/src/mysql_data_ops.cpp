// Data operations. With RenderOptions::bind_values the statement runs through SOCI, whose MySQL
// backend finds placeholders by scanning the text for ':' and for '...' strings. It does not know
// backtick identifiers: a name holding ' or : would be misread (a placeholder taken for part of a
// string, or a name taken for a placeholder). Such statements are rendered with literals instead,
// which run unchanged through the direct path and are escaped exactly.

#include <string_view>
#include <vector>

#include "mysql_dialect.hpp"

namespace migcmd::mysql {
namespace {

bool scanner_safe(std::string_view identifier) {
  return identifier.find_first_of("':") == std::string_view::npos;
}

bool table_safe(const QualifiedName& table) {
  return scanner_safe(table.schema) && scanner_safe(table.name);
}

template <typename Pairs>
bool scanner_safe_columns(const Pairs& pairs) {
  for (const auto& [column, value] : pairs) {
    if (!scanner_safe(column)) return false;
  }
  return true;
}

}  // namespace

void MySqlDialect::emit(const InsertRows& op, const Context& ctx) const {
  bool safe = table_safe(op.table);
  for (const auto& c : op.columns) safe = safe && scanner_safe(c);
  const RenderOptions literals{};
  Dialect::emit(op, safe ? ctx : Context{ctx.schema, literals, ctx.out});
}

void MySqlDialect::emit(const UpdateRows& op, const Context& ctx) const {
  const bool safe =
      table_safe(op.table) && scanner_safe_columns(op.set) && scanner_safe_columns(op.where);
  const RenderOptions literals{};
  Dialect::emit(op, safe ? ctx : Context{ctx.schema, literals, ctx.out});
}

void MySqlDialect::emit(const DeleteRows& op, const Context& ctx) const {
  const bool safe = table_safe(op.table) && scanner_safe_columns(op.where);
  const RenderOptions literals{};
  Dialect::emit(op, safe ? ctx : Context{ctx.schema, literals, ctx.out});
}

}  // namespace migcmd::mysql
