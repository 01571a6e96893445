// SQLite table definitions and the operations its own statements can do: CREATE / DROP / ALTER
// TABLE ... RENAME, simple ADD and DROP COLUMN, indexes and data. The others rebuild the table
// (sqlite_rebuild.cpp).

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "migcmd/error.hpp"
#include "sqlite_dialect.hpp"

namespace migcmd::sqlite {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::toupper(static_cast<unsigned char>(x)) ==
           std::toupper(static_cast<unsigned char>(y));
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_signed_number(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  if (s.empty()) return false;
  bool digit = false;
  bool dot = false;
  bool exponent = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c == '.' && !dot && !exponent) {
      dot = true;
    } else if ((c == 'e' || c == 'E') && digit && !exponent) {
      exponent = true;
      digit = false;
      if (i + 1 < s.size() && (s[i + 1] == '-' || s[i + 1] == '+')) ++i;
    } else {
      return false;
    }
  }
  return digit;
}

// True when the whole text is one parenthesised expression: "(a + b)", not "(a) + (b)".
bool is_parenthesised(std::string_view s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return false;
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;  // a doubled quote closes and reopens: same result
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0 && i + 1 != s.size()) {
      return false;
    }
  }
  return depth == 0 && quote == 0;
}

// SQLite's DEFAULT takes a literal, a signed number or a parenthesised expression; anything else
// (a function call such as datetime('now')) must be wrapped.
std::string default_expression(std::string_view sql) {
  static constexpr std::array<std::string_view, 6> keywords = {
      "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "NULL", "TRUE", "FALSE"};
  const std::string_view s = trim(sql);
  const bool bare = is_signed_number(s) || is_parenthesised(s) ||
                    std::any_of(keywords.begin(), keywords.end(),
                                [&](std::string_view k) { return iequals(s, k); });
  return bare ? std::string(s) : fmt::format("({})", s);
}

bool contains(const std::vector<std::string>& columns, std::string_view column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

// Whether DROP COLUMN can drop `column` by itself. SQLite refuses it for a column in a key,
// constraint or index, and for one named by a CHECK, partial index, expression index or trigger;
// the model cannot see inside those expressions, so their presence sends the drop to a rebuild.
bool drop_column_in_place(const Table& table, const Schema& schema, std::string_view column) {
  if (table.columns.size() <= 1) return false;  // the rebuild reports it: a table needs a column
  if (table.primary_key && contains(table.primary_key->columns, column)) return false;
  if (!table.checks.empty() || !table.triggers.empty()) return false;
  for (const auto& u : table.uniques) {
    if (contains(u.columns, column)) return false;
  }
  for (const auto& fk : table.foreign_keys) {
    if (contains(fk.columns, column)) return false;
  }
  for (const auto& ix : table.indexes) {
    if (!ix.where.empty()) return false;
    for (const auto& p : ix.parts) {
      if (p.is_expression() || p.column == column) return false;
    }
  }
  // A column other tables reference: the rebuild's foreign key checks report the breakage.
  for (const auto& other : schema.tables) {
    for (const auto& fk : other.foreign_keys) {
      if (fk.referenced_table == table.name && contains(fk.referenced_columns, column)) {
        return false;
      }
    }
  }
  return true;
}

// ADD COLUMN cannot add a column that is NOT NULL without a non-NULL default, nor one whose
// default is an expression (CURRENT_TIMESTAMP, or anything parenthesised): those rebuild.
bool add_column_in_place(const Column& column) {
  if (column.identity) return false;
  if (column.default_value && std::holds_alternative<SqlExpression>(*column.default_value)) {
    return false;
  }
  const bool null_default =
      !column.default_value || std::get<Value>(*column.default_value).is_null();
  return column.nullable || !null_default;
}

}  // namespace

// ---- table definitions ---------------------------------------------------------------------

std::string SqliteDialect::table_sql(const QualifiedName& table, const Operation& op) const {
  if (!table.schema.empty()) {
    unsupported(op, fmt::format("use the schema-qualified name {}", to_string(table)),
                "SQLite has no schemas; use an unqualified table name (attached databases are "
                "not managed by migrations)");
  }
  return quote_identifier(table.name);
}

void SqliteDialect::check_table(const Table& table, const Operation& op) const {
  (void)table_sql(table.name, op);
  for (const auto& fk : table.foreign_keys) (void)table_sql(fk.referenced_table, op);
  if (table.columns.empty()) {
    unsupported(op, fmt::format("leave table {} without columns", to_string(table.name)),
                "drop the table instead");
  }
  for (const auto& c : table.columns) {
    if (!c.identity) continue;
    const bool sole_key = table.primary_key && table.primary_key->columns.size() == 1 &&
                          table.primary_key->columns.front() == c.name;
    if (!sole_key || !c.type.is_integer()) {
      unsupported(op,
                  fmt::format("make {}.{} an identity column: SQLite auto-increments only an "
                              "integer column that is the table's whole primary key (INTEGER "
                              "PRIMARY KEY AUTOINCREMENT)",
                              to_string(table.name), c.name),
                  "make the identity column the only primary key column, or drop identity and "
                  "assign the values yourself");
    }
  }
}

std::string SqliteDialect::default_clause(const ColumnDefault& value) const {
  if (const auto* e = std::get_if<SqlExpression>(&value)) {
    return "DEFAULT " + default_expression(e->sql);
  }
  return "DEFAULT " + literal(std::get<Value>(value));
}

std::string SqliteDialect::column_sql(const Column& column, const PrimaryKey* rowid_key) const {
  if (column.identity && !rowid_key) {
    throw Error(ErrorCode::unsupported_operation,
                fmt::format("sqlite cannot make {} an identity column outside its table's "
                            "INTEGER PRIMARY KEY",
                            column.name));
  }
  // The rowid alias must be declared exactly INTEGER: BIGINT PRIMARY KEY is an ordinary key.
  std::string out = fmt::format("{} {}", quote_identifier(column.name),
                                rowid_key ? "INTEGER" : type_sql(column.type));
  if (!column.collation.empty()) out += " COLLATE " + quote_identifier(column.collation);
  if (column.default_value) out += " " + default_clause(*column.default_value);
  if (!column.nullable) out += " NOT NULL";
  if (rowid_key) {
    if (!rowid_key->name.empty()) out += " CONSTRAINT " + quote_identifier(rowid_key->name);
    out += " PRIMARY KEY AUTOINCREMENT";
  }
  return out;
}

std::string SqliteDialect::column_definition(const Column& column, const QualifiedName&) const {
  return column_sql(column, nullptr);
}

std::string SqliteDialect::table_elements(const Table& table) const {
  // An identity column that is the whole primary key carries the key inline (check_table has
  // rejected any other identity column).
  const Column* rowid = nullptr;
  for (const auto& c : table.columns) {
    if (c.identity && table.primary_key && table.primary_key->columns.size() == 1 &&
        table.primary_key->columns.front() == c.name) {
      rowid = &c;
    }
  }
  std::vector<std::string> parts;
  for (const auto& c : table.columns) {
    parts.push_back(column_sql(c, &c == rowid ? &*table.primary_key : nullptr));
  }
  if (table.primary_key && !rowid) parts.push_back(primary_key_clause(*table.primary_key));
  for (const auto& u : table.uniques) parts.push_back(unique_clause(u));
  for (const auto& c : table.checks) parts.push_back(check_clause(c));
  for (const auto& fk : table.foreign_keys) parts.push_back(foreign_key_clause(fk, table.name));
  return fmt::format("(\n    {}\n)", fmt::join(parts, ",\n    "));
}

std::string SqliteDialect::create_table_sql(const Table& table, std::string_view as_name) const {
  return fmt::format("CREATE TABLE {} {}", quote_identifier(as_name), table_elements(table));
}

void SqliteDialect::create_table_extras(const Table& table, const Context& ctx) const {
  for (const auto& ix : table.indexes) ctx.add(create_index_sql(table.name, ix));
  for (const auto& trigger : table.triggers) ctx.add(trigger.sql);
}

// ---- tables --------------------------------------------------------------------------------

void SqliteDialect::emit(const CreateTable& op, const Context& ctx) const {
  check_table(op.table, op);
  ctx.add(create_table_sql(op.table, op.table.name.name));
  create_table_extras(op.table, ctx);
}

void SqliteDialect::emit(const DropTable& op, const Context& ctx) const {
  ctx.add(fmt::format("DROP TABLE {}", table_sql(op.name, op)));
}

void SqliteDialect::emit(const RenameTable& op, const Context& ctx) const {
  // SQLite (>= 3.26) carries the new name into other tables' foreign keys, triggers and views.
  ctx.add(fmt::format("ALTER TABLE {} RENAME TO {}", table_sql(op.name, op),
                      quote_identifier(op.new_name)));
}

void SqliteDialect::emit(const SetTableComment& op, const Context&) const {
  // SQLite keeps no comments (capabilities().comments): nothing to store, as CREATE TABLE stored
  // none. The name is still checked.
  (void)table_sql(op.table, op);
}

void SqliteDialect::emit(const EnsureSchema& op, const Context&) const {
  unsupported(op, fmt::format("create schema {}", op.name),
              "SQLite has no schemas; use unqualified table names in an SQLite migration");
}

// ---- columns -------------------------------------------------------------------------------

void SqliteDialect::emit(const AddColumn& op, const Context& ctx) const {
  const std::string table = table_sql(op.table, op);
  if (!add_column_in_place(op.column)) {
    rebuild(op, op.table, ctx);
    return;
  }
  ctx.add(fmt::format("ALTER TABLE {} ADD COLUMN {}", table, column_sql(op.column, nullptr)));
}

void SqliteDialect::emit(const DropColumn& op, const Context& ctx) const {
  const std::string table = table_sql(op.table, op);
  // Without the table's definition only SQLite can judge; it refuses what it cannot drop.
  const Table* known = ctx.schema.find_table(op.table);
  if (known && !drop_column_in_place(*known, ctx.schema, op.name)) {
    rebuild(op, op.table, ctx);
    return;
  }
  ctx.add(fmt::format("ALTER TABLE {} DROP COLUMN {}", table, quote_identifier(op.name)));
}

void SqliteDialect::emit(const RenameColumn& op, const Context& ctx) const {
  ctx.add(fmt::format("ALTER TABLE {} RENAME COLUMN {} TO {}", table_sql(op.table, op),
                      quote_identifier(op.name), quote_identifier(op.new_name)));
}

void SqliteDialect::emit(const AlterColumn& op, const Context& ctx) const {
  (void)table_sql(op.table, op);
  // SQLite keeps no comments (capabilities().comments): a comment alone changes nothing there.
  ColumnChange definition = op.change;
  definition.comment.reset();
  if (definition.empty()) return;
  rebuild(op, op.table, ctx);
}

// ---- indexes -------------------------------------------------------------------------------

void SqliteDialect::emit(const CreateIndex& op, const Context& ctx) const {
  (void)table_sql(op.table, op);
  ctx.add(create_index_sql(op.table, op.index));
}

void SqliteDialect::emit(const DropIndex& op, const Context& ctx) const {
  // Index names are unique per database in SQLite, so the table is not named.
  (void)table_sql(op.table, op);
  ctx.add(fmt::format("DROP INDEX {}", quote_identifier(op.name)));
}

void SqliteDialect::emit(const RenameIndex& op, const Context& ctx) const {
  // SQLite cannot rename an index: drop it and create it again, under the new name, from the
  // definition the schema has.
  (void)table_sql(op.table, op);
  const Table& table = require_table(ctx.schema, op.table, op);
  const Index* index = table.find_index(op.name);
  if (!index) {
    throw Error(ErrorCode::invalid_migration,
                fmt::format("{}: sqlite needs the definition of index {} to recreate it under its "
                            "new name, and table {} has no such index in the schema",
                            describe(op), op.name, to_string(op.table)),
                "render against the current schema (read from the database or replayed from "
                "earlier migrations)");
  }
  Index renamed = *index;
  renamed.name = op.new_name;
  ctx.add(fmt::format("DROP INDEX {}", quote_identifier(op.name)));
  ctx.add(create_index_sql(op.table, renamed));
}

// ---- data ----------------------------------------------------------------------------------

void SqliteDialect::emit(const InsertRows& op, const Context& ctx) const {
  (void)table_sql(op.table, op);
  Dialect::emit(op, ctx);
}

void SqliteDialect::emit(const UpdateRows& op, const Context& ctx) const {
  (void)table_sql(op.table, op);
  Dialect::emit(op, ctx);
}

void SqliteDialect::emit(const DeleteRows& op, const Context& ctx) const {
  (void)table_sql(op.table, op);
  Dialect::emit(op, ctx);
}

}  // namespace migcmd::sqlite
