#include "sqlserver_dialect.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cascade_paths.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "tsql_text.hpp"
#include "tsql_types.hpp"

namespace migcmd::sqlserver {
namespace {

// MS_Description is a sql_variant, which holds at most 8000 bytes; SQL Server allows 7500 for an
// extended property value, 3750 UTF-16 characters.
constexpr std::size_t max_comment_length = 3750;

bool uses(const std::vector<std::string>& columns, std::string_view column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

bool uses(const Index& index, std::string_view column) {
  return std::any_of(index.parts.begin(), index.parts.end(),
                     [&](const IndexPart& p) { return p.column == column; });
}

std::vector<std::string> key_columns(const Index& index) {
  std::vector<std::string> out;
  for (const auto& p : index.parts) {
    if (!p.is_expression()) out.push_back(p.column);
  }
  return out;
}

}  // namespace

std::unique_ptr<Dialect> make_dialect() {
  return std::make_unique<SqlServerDialect>();
}

Capabilities SqlServerDialect::capabilities() const {
  Capabilities c;
  c.transactional_ddl = true;
  c.schemas = true;
  c.alter_column = true;
  c.alter_constraints = true;
  c.rename_index = true;
  c.partial_indexes = true;  // filtered indexes: CREATE INDEX ... WHERE <predicate>
  c.expression_indexes = false;
  c.descending_indexes = true;
  c.check_constraints = true;
  c.comments = true;  // MS_Description extended properties
  c.concurrent_index = false;
  c.max_identifier_length = static_cast<int>(tsql::max_identifier_length);
  return c;
}

std::string SqlServerDialect::quote_identifier(std::string_view identifier) const {
  return tsql::quote(identifier);
}

std::string SqlServerDialect::literal(const Value& value) const {
  return tsql::value_literal(value);
}

std::string SqlServerDialect::type_sql(const Type& type) const {
  return tsql::store_type(type);
}

// ---- building blocks ----------------------------------------------------------------------

void SqlServerDialect::check_collation(const Column& column) const {
  // COLLATE takes a bare name (Latin1_General_100_CI_AS_SC_UTF8); it cannot be delimited.
  const bool valid = std::all_of(column.collation.begin(), column.collation.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!valid) {
    throw Error(ErrorCode::invalid_migration,
                fmt::format("column {} has the collation \"{}\", which is not a SQL Server "
                            "collation name",
                            column.name, column.collation),
                "collation names hold letters, digits and underscores only "
                "(SELECT name FROM sys.fn_helpcollations() lists them)");
  }
}

std::string SqlServerDialect::type_and_nullability(const Column& column) const {
  check_collation(column);
  std::string out = type_sql(column.type);
  if (!column.collation.empty()) out += " COLLATE " + column.collation;
  // Explicit NULL: without it the nullability depends on the session's ANSI_NULL_DFLT settings.
  out += column.nullable ? " NULL" : " NOT NULL";
  return out;
}

std::string SqlServerDialect::column_definition(const Column& column, const QualifiedName&) const {
  check_collation(column);
  std::string out = fmt::format("{} {}", quote_identifier(column.name), type_sql(column.type));
  if (!column.collation.empty()) out += " COLLATE " + column.collation;
  if (column.identity) out += " " + identity_clause(column);
  out += column.nullable ? " NULL" : " NOT NULL";
  if (column.default_value) out += " " + default_clause(*column.default_value);
  return out;
}

std::string SqlServerDialect::default_clause(const ColumnDefault& value) const {
  // Parentheses keep an expression whole whatever it contains, as SQL Server itself stores it.
  if (const auto* e = std::get_if<SqlExpression>(&value))
    return fmt::format("DEFAULT ({})", e->sql);
  return fmt::format("DEFAULT {}", literal(std::get<Value>(value)));
}

std::string SqlServerDialect::identity_clause(const Column&) const {
  return "IDENTITY(1,1)";
}

std::string SqlServerDialect::referential_action(ReferentialAction action) const {
  // T-SQL has no RESTRICT. Its NO ACTION is checked at once (SQL Server has no deferred
  // constraints), which is what RESTRICT means elsewhere, so RESTRICT is rendered as NO ACTION.
  if (action == ReferentialAction::restrict) return "NO ACTION";
  return std::string(to_string(action));
}

std::string SqlServerDialect::foreign_key_clause(const ForeignKey& key,
                                                 const QualifiedName&) const {
  std::string out;
  if (!key.name.empty()) out = fmt::format("CONSTRAINT {} ", quote_identifier(key.name));
  out += fmt::format("FOREIGN KEY ({}) REFERENCES {} ({})", column_list(key.columns),
                     quote_name(key.referenced_table), column_list(key.referenced_columns));
  auto is_default = [](ReferentialAction a) {
    return a == ReferentialAction::no_action || a == ReferentialAction::restrict;
  };
  if (!is_default(key.on_delete)) out += " ON DELETE " + referential_action(key.on_delete);
  if (!is_default(key.on_update)) out += " ON UPDATE " + referential_action(key.on_update);
  return out;
}

std::string SqlServerDialect::index_part(const IndexPart& part) const {
  // emit() rejects expression parts with the operation named; this guards any other path.
  if (part.is_expression()) {
    throw Error(ErrorCode::unsupported_operation,
                fmt::format("sqlserver cannot index the expression ({})", part.expression),
                "index a computed column holding the expression instead");
  }
  return Dialect::index_part(part);
}

std::string SqlServerDialect::name_literal(const QualifiedName& table,
                                           std::string_view member) const {
  std::string name = quote_name(table);
  if (!member.empty()) name += "." + quote_identifier(member);
  return tsql::unicode_literal(name);
}

std::string SqlServerDialect::name_string(std::string_view name) const {
  // quote_identifier() refuses what would need an expression (NUL, "\\" before a line break), so
  // this is always one N'...' constant, as procedure arguments and EXEC() require.
  static_cast<void>(quote_identifier(name));
  return tsql::unicode_literal(name);
}

std::string SqlServerDialect::drop_default_sql(const QualifiedName& table, std::string_view column,
                                               std::size_t n) const {
  // The constraint's name is generated (DF__users__score__5EBF139D); the batch looks it up and
  // drops it through dynamic SQL, as EF Core's migrations do.
  return fmt::format(
      "DECLARE @var{0} nvarchar(max);\n"
      "SELECT @var{0} = {1} + QUOTENAME([d].[name])\n"
      "FROM [sys].[default_constraints] [d]\n"
      "INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] "
      "AND [d].[parent_object_id] = [c].[object_id]\n"
      "WHERE [d].[parent_object_id] = OBJECT_ID({2}) AND [c].[name] = {3};\n"
      "IF @var{0} IS NOT NULL EXEC sp_executesql @var{0}",
      n, tsql::unicode_literal(fmt::format("ALTER TABLE {} DROP CONSTRAINT ", quote_name(table))),
      name_literal(table), name_string(column));
}

std::string SqlServerDialect::drop_unnamed_primary_key_sql(const QualifiedName& table,
                                                           std::size_t n) const {
  return fmt::format(
      "DECLARE @var{0} nvarchar(max);\n"
      "SELECT @var{0} = {1} + QUOTENAME([name])\n"
      "FROM [sys].[key_constraints]\n"
      "WHERE [parent_object_id] = OBJECT_ID({2}) AND [type] = 'PK';\n"
      "IF @var{0} IS NULL THROW 50000, N'migcmd: the table has no primary key to drop', 1;\n"
      "EXEC sp_executesql @var{0}",
      n, tsql::unicode_literal(fmt::format("ALTER TABLE {} DROP CONSTRAINT ", quote_name(table))),
      name_literal(table));
}

void SqlServerDialect::add_comment(const Operation& op, const Context& ctx,
                                   const QualifiedName& table, std::string_view column,
                                   const std::string& comment) const {
  if (comment.empty()) return;
  set_comment(op, ctx, table, column, std::string(), comment);
}

void SqlServerDialect::set_comment(const Operation& op, const Context& ctx,
                                   const QualifiedName& table, std::string_view column,
                                   const std::optional<std::string>& before,
                                   const std::string& after) const {
  if (before && *before == after) return;
  if (tsql::utf16_length(after) > max_comment_length) {
    unsupported(op, fmt::format("store a comment longer than {} characters", max_comment_length),
                "MS_Description extended properties hold at most 7500 bytes; shorten the comment");
  }
  const std::size_t n = ctx.out.size();
  std::string sql;
  std::string schema;
  if (table.schema.empty()) {
    // The default schema is where an unqualified CREATE TABLE put the table. Procedure arguments
    // must be constants or variables, hence the variable.
    sql = fmt::format("DECLARE @schema{} sysname = SCHEMA_NAME();\n", n);
    schema = fmt::format("@schema{}", n);
  } else {
    schema = name_string(table.schema);
  }
  if (!after.empty()) {
    // The comment may need an expression (NCHAR(0), a split literal): it goes through a variable.
    sql +=
        fmt::format("DECLARE @description{} sql_variant = {};\n", n, tsql::unicode_literal(after));
  }
  std::string levels = fmt::format(
      "@level0type = N'SCHEMA', @level0name = {}, @level1type = N'TABLE', @level1name = {}", schema,
      name_string(table.name));
  if (!column.empty()) {
    levels += fmt::format(", @level2type = N'COLUMN', @level2name = {}", name_string(column));
  }
  auto exec = [&](std::string_view procedure) {
    std::string value =
        procedure == "sp_dropextendedproperty" ? "" : fmt::format("@value = @description{}, ", n);
    return fmt::format("EXEC {} @name = N'MS_Description', {}{}", procedure, value, levels);
  };
  // The comment the object has is unknown: the batch asks the catalog.
  const std::string exists = fmt::format(
      "IF EXISTS (SELECT 1 FROM sys.fn_listextendedproperty(N'MS_Description', N'SCHEMA', {}, "
      "N'TABLE', {}, {}, {}))",
      schema, name_string(table.name), column.empty() ? "NULL" : "N'COLUMN'",
      column.empty() ? "NULL" : name_string(column));
  if (after.empty()) {
    if (!before) sql += exists + "\n  ";
    sql += exec("sp_dropextendedproperty");
  } else if (!before) {
    sql += fmt::format("{}\n  {}\nELSE\n  {}", exists, exec("sp_updateextendedproperty"),
                       exec("sp_addextendedproperty"));
  } else {
    sql += exec(before->empty() ? "sp_addextendedproperty" : "sp_updateextendedproperty");
  }
  ctx.add(std::move(sql));
}

bool SqlServerDialect::can_exist(const Table& table, const std::vector<std::string>& key) {
  return std::none_of(key.begin(), key.end(), [&](const std::string& name) {
    const Column* column = table.find_column(name);
    return column && tsql::is_large_object(column->type);
  });
}

bool SqlServerDialect::can_exist(const Table& table, const Index& index) {
  const bool expression = std::any_of(index.parts.begin(), index.parts.end(),
                                      [](const IndexPart& p) { return p.is_expression(); });
  return !expression && can_exist(table, key_columns(index));
}

// ---- render-time checks -------------------------------------------------------------------

void SqlServerDialect::check_key_columns(const Operation& op, const Table* table,
                                         const std::vector<std::string>& columns,
                                         std::string_view what) const {
  if (!table) return;  // a partial schema: the server will judge
  for (const auto& name : columns) {
    const Column* column = table->find_column(name);
    if (column && tsql::is_large_object(column->type)) {
      unsupported(op,
                  fmt::format("use column {} of type {} as a key of {}", name,
                              type_sql(column->type), what),
                  "SQL Server cannot index nvarchar(max), varbinary(max) and other large types: "
                  "give the column a maximum length (string(n) up to 4000, binary(n) up to 8000)");
    }
  }
}

void SqlServerDialect::check_index(const Operation& op, const Table* table,
                                   const Index& index) const {
  for (const auto& part : index.parts) {
    if (part.is_expression()) {
      unsupported(op,
                  fmt::format("index the expression ({}) in index {}", part.expression, index.name),
                  "T-SQL indexes columns only: add a computed column for the expression with raw "
                  "SQL (ALTER TABLE ... ADD c AS (expression) PERSISTED) and index that column");
    }
  }
  check_key_columns(op, table, key_columns(index), fmt::format("index {}", index.name));
}

void SqlServerDialect::check_primary_key_columns(const Operation& op, const Table* table,
                                                 const PrimaryKey& key) const {
  const std::string what =
      key.name.empty() ? std::string("the primary key") : fmt::format("primary key {}", key.name);
  check_key_columns(op, table, key.columns, what);
  if (!table) return;
  for (const auto& name : key.columns) {
    const Column* column = table->find_column(name);
    if (column && column->nullable) {
      unsupported(op, fmt::format("add {} over the nullable column {}", what, name),
                  "SQL Server requires primary key columns to be NOT NULL: alter the column to "
                  "NOT NULL first");
    }
  }
}

void SqlServerDialect::check_cascades(const Operation& op, const Schema& schema,
                                      const QualifiedName& table, const ForeignKey& key,
                                      const std::vector<ForeignKey>& pending) const {
  for (bool on_delete : {true, false}) {
    std::vector<CascadeEdge> edges = cascade_edges(schema, on_delete);
    for (const auto& fk : pending) {
      const ReferentialAction a = on_delete ? fk.on_delete : fk.on_update;
      if (a != ReferentialAction::no_action && a != ReferentialAction::restrict) {
        edges.push_back({fk.referenced_table, table});
      }
    }
    if (auto why = cascade_conflict(edges, table, key, on_delete)) {
      const ReferentialAction action = on_delete ? key.on_delete : key.on_update;
      unsupported(op,
                  fmt::format("add foreign key {} with ON {} {}: {}", key.name,
                              on_delete ? "DELETE" : "UPDATE", to_string(action), *why),
                  "SQL Server refuses cascading actions that could form a cycle or reach a table "
                  "twice (error 1785): use NO ACTION for this key and change the dependent rows "
                  "in the migration, the application or an INSTEAD OF trigger");
    }
  }
}

// ---- operations ---------------------------------------------------------------------------

void SqlServerDialect::emit(const CreateTable& op, const Context& ctx) const {
  const Table& def = op.table;
  if (def.primary_key) check_key_columns(op, &def, def.primary_key->columns, "the primary key");
  for (const auto& u : def.uniques) {
    check_key_columns(op, &def, u.columns, fmt::format("unique constraint {}", u.name));
  }
  for (const auto& ix : def.indexes) check_index(op, &def, ix);
  std::vector<ForeignKey> pending;
  for (const auto& fk : def.foreign_keys) {
    check_cascades(op, ctx.schema, def.name, fk, pending);
    pending.push_back(fk);
  }
  // Every database makes primary key columns NOT NULL; SQL Server refuses an explicit NULL there.
  Table table = def;
  if (table.primary_key) {
    for (const auto& name : table.primary_key->columns) {
      if (Column* c = table.find_column(name)) c->nullable = false;
    }
  }
  ctx.add(fmt::format("CREATE TABLE {} {}", quote_name(table.name), table_elements(table)));
  for (const auto& ix : table.indexes) ctx.add(create_index_sql(table.name, ix));
  add_comment(op, ctx, table.name, {}, table.comment);
  for (const auto& c : table.columns) add_comment(op, ctx, table.name, c.name, c.comment);
}

void SqlServerDialect::emit(const RenameTable& op, const Context& ctx) const {
  // sp_rename takes the new name as it is, undelimited.
  ctx.add(fmt::format("EXEC sp_rename {}, {}", name_literal(op.name), name_string(op.new_name)));
}

void SqlServerDialect::emit(const SetTableComment& op, const Context& ctx) const {
  std::optional<std::string> before = op.from;
  if (const Table* table = ctx.schema.find_table(op.table); !before && table) {
    before = table->comment;
  }
  set_comment(op, ctx, op.table, {}, before, op.comment);
}

void SqlServerDialect::emit(const EnsureSchema& op, const Context& ctx) const {
  // CREATE SCHEMA must be the only statement of its batch, so it runs through EXEC.
  ctx.add(fmt::format("IF SCHEMA_ID({}) IS NULL EXEC({})", name_string(op.name),
                      tsql::unicode_literal("CREATE SCHEMA " + quote_identifier(op.name))));
}

void SqlServerDialect::emit(const AddColumn& op, const Context& ctx) const {
  ctx.add(fmt::format("ALTER TABLE {} ADD {}", quote_name(op.table),
                      column_definition(op.column, op.table)));
  add_comment(op, ctx, op.table, op.column.name, op.column.comment);
}

void SqlServerDialect::emit(const DropColumn& op, const Context& ctx) const {
  // Unlike other databases, SQL Server refuses to drop a column that an index or constraint
  // uses; the model drops those with the column, so they are dropped here first.
  if (const Table* table = ctx.schema.find_table(op.table)) {
    const std::string t = quote_name(op.table);
    auto drop_constraint = [&](const std::string& name, std::string_view kind) {
      if (name.empty()) {
        unsupported(op, fmt::format("drop the unnamed {} that uses column {}", kind, op.name),
                    "drop the constraint by its name (see sys.key_constraints / sys.foreign_keys) "
                    "before dropping the column");
      }
      ctx.add(fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", t, quote_identifier(name)));
    };
    for (const auto& fk : table->foreign_keys) {
      if (uses(fk.columns, op.name)) drop_constraint(fk.name, "foreign key");
    }
    for (const auto& ix : table->indexes) {
      if (uses(ix, op.name) && can_exist(*table, ix)) {
        ctx.add(fmt::format("DROP INDEX {} ON {}", quote_identifier(ix.name), t));
      }
    }
    for (const auto& u : table->uniques) {
      if (uses(u.columns, op.name) && can_exist(*table, u.columns)) {
        drop_constraint(u.name, "unique constraint");
      }
    }
    if (table->primary_key && uses(table->primary_key->columns, op.name)) {
      if (table->primary_key->name.empty()) {
        ctx.add(drop_unnamed_primary_key_sql(op.table, ctx.out.size()));
      } else {
        drop_constraint(table->primary_key->name, "primary key");
      }
    }
  }
  // Always looked up: a default added outside migcmd's model would block the drop too.
  ctx.add(drop_default_sql(op.table, op.name, ctx.out.size()));
  ctx.add(fmt::format("ALTER TABLE {} DROP COLUMN {}", quote_name(op.table),
                      quote_identifier(op.name)));
}

void SqlServerDialect::emit(const RenameColumn& op, const Context& ctx) const {
  ctx.add(fmt::format("EXEC sp_rename {}, {}, N'COLUMN'", name_literal(op.table, op.name),
                      name_string(op.new_name)));
}

void SqlServerDialect::emit(const CreateIndex& op, const Context& ctx) const {
  check_index(op, ctx.schema.find_table(op.table), op.index);
  ctx.add(create_index_sql(op.table, op.index));
}

void SqlServerDialect::emit(const DropIndex& op, const Context& ctx) const {
  ctx.add(fmt::format("DROP INDEX {} ON {}", quote_identifier(op.name), quote_name(op.table)));
}

void SqlServerDialect::emit(const RenameIndex& op, const Context& ctx) const {
  ctx.add(fmt::format("EXEC sp_rename {}, {}, N'INDEX'", name_literal(op.table, op.name),
                      name_string(op.new_name)));
}

void SqlServerDialect::emit(const AddPrimaryKey& op, const Context& ctx) const {
  check_primary_key_columns(op, ctx.schema.find_table(op.table), op.key);
  Dialect::emit(op, ctx);
}

void SqlServerDialect::emit(const DropPrimaryKey& op, const Context& ctx) const {
  if (op.name.empty()) {
    ctx.add(drop_unnamed_primary_key_sql(op.table, ctx.out.size()));
    return;
  }
  Dialect::emit(op, ctx);
}

void SqlServerDialect::emit(const AddUnique& op, const Context& ctx) const {
  check_key_columns(op, ctx.schema.find_table(op.table), op.constraint.columns,
                    fmt::format("unique constraint {}", op.constraint.name));
  Dialect::emit(op, ctx);
}

void SqlServerDialect::emit(const AddForeignKey& op, const Context& ctx) const {
  check_cascades(op, ctx.schema, op.table, op.key);
  Dialect::emit(op, ctx);
}

void SqlServerDialect::emit(const InsertRows& op, const Context& ctx) const {
  const Table* table = ctx.schema.find_table(op.table);
  const bool sets_identity =
      table && std::any_of(op.columns.begin(), op.columns.end(), [&](const std::string& name) {
        const Column* c = table->find_column(name);
        return c && c->identity;
      });
  const std::size_t first = ctx.out.size();
  Dialect::emit(op, ctx);
  if (!sets_identity) return;
  // Explicit values for an identity column need IDENTITY_INSERT, which only one table of a
  // session may have on: each statement turns it on and off again in the same batch.
  const std::string t = quote_name(op.table);
  for (std::size_t i = first; i < ctx.out.size(); ++i) {
    ctx.out[i].sql = fmt::format("SET IDENTITY_INSERT {0} ON;\n{1};\nSET IDENTITY_INSERT {0} OFF",
                                 t, ctx.out[i].sql);
  }
}

}  // namespace migcmd::sqlserver
