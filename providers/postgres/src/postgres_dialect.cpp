#include "postgres_dialect.hpp"

#include <fmt/format.h>

#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"
#include "postgres_quoting.hpp"
#include "postgres_types.hpp"

namespace migcmd::postgres {
namespace {

// A dollar-quote tag that does not occur in `body`.
std::string dollar_tag(const std::string& body) {
  std::string tag = "$migcmd$";
  for (int i = 1; body.find(tag) != std::string::npos; ++i) tag = fmt::format("$migcmd_{}$", i);
  return tag;
}

}  // namespace

std::unique_ptr<Dialect> make_dialect() {
  return std::make_unique<PostgresDialect>();
}

Capabilities PostgresDialect::capabilities() const {
  Capabilities c;
  c.transactional_ddl = true;
  c.schemas = true;
  c.alter_column = true;
  c.alter_constraints = true;
  c.rename_index = true;
  c.partial_indexes = true;
  c.expression_indexes = true;
  c.descending_indexes = true;
  c.check_constraints = true;
  c.comments = true;
  c.concurrent_index = true;
  c.max_identifier_length = static_cast<int>(max_identifier_bytes);
  return c;
}

std::string PostgresDialect::quote_identifier(std::string_view identifier) const {
  return postgres::quote_identifier(identifier);
}

std::string PostgresDialect::literal(const Value& value) const {
  return value_literal(value);
}

std::string PostgresDialect::type_sql(const Type& type) const {
  return postgres::type_sql(type);
}

std::string PostgresDialect::column_definition(const Column& column,
                                               const QualifiedName& table) const {
  auto fail = [&](std::string_view what, std::string_view hint) {
    throw Error(ErrorCode::unsupported_operation,
                fmt::format("postgres cannot {} (column {} of table {})", what, column.name,
                            to_string(table)),
                std::string(hint));
  };
  if (column.identity && column.default_value) {
    fail("give an identity column a default", "remove the default: the identity supplies values");
  }
  if (column.identity && !may_be_identity(column.type)) {
    fail(fmt::format("make a {} column an identity", describe(column.type)),
         "identity columns must be int16, int32 or int64");
  }
  if (!column.collation.empty() && !may_have_collation(column.type)) {
    fail(fmt::format("give a {} column a collation", describe(column.type)),
         "collations apply to string and text columns");
  }
  return Dialect::column_definition(column, table);
}

std::string PostgresDialect::create_index_sql(const QualifiedName& table,
                                              const Index& index) const {
  if (index.parts.empty()) {
    throw Error(ErrorCode::unsupported_operation,
                fmt::format("postgres cannot create index {} on table {} without any column",
                            index.name, to_string(table)),
                "give the index at least one column or expression");
  }
  return Dialect::create_index_sql(table, index);
}

void PostgresDialect::comment_on_column(const QualifiedName& table, const Column& column,
                                        const Context& ctx) const {
  if (column.comment.empty()) return;
  ctx.add(fmt::format("COMMENT ON COLUMN {}.{} IS {}", quote_name(table),
                      quote_identifier(column.name), literal(column.comment)));
}

void PostgresDialect::emit(const CreateTable& op, const Context& ctx) const {
  Dialect::emit(op, ctx);
  const Table& t = op.table;
  if (!t.comment.empty()) {
    ctx.add(fmt::format("COMMENT ON TABLE {} IS {}", quote_name(t.name), literal(t.comment)));
  }
  for (const auto& c : t.columns) comment_on_column(t.name, c, ctx);
  // Triggers are kept as their CREATE TRIGGER statements, written for this database.
  for (const auto& trigger : t.triggers) ctx.add(trigger.sql);
}

void PostgresDialect::emit(const AddColumn& op, const Context& ctx) const {
  Dialect::emit(op, ctx);
  comment_on_column(op.table, op.column, ctx);
}

void PostgresDialect::drop_constraint(const Operation& op, const QualifiedName& table,
                                      const std::string& name, std::string_view what,
                                      const Context& ctx) const {
  if (name.empty()) {
    unsupported(op, fmt::format("drop an unnamed {}", what),
                "give the constraint's name as the database knows it");
  }
  ctx.add(
      fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", quote_name(table), quote_identifier(name)));
}

void PostgresDialect::emit(const DropPrimaryKey& op, const Context& ctx) const {
  std::string name = op.name;
  if (name.empty() && op.definition) name = op.definition->name;
  if (const Table* t = ctx.schema.find_table(op.table); name.empty() && t && t->primary_key) {
    name = t->primary_key->name;
  }
  if (!name.empty()) {
    drop_constraint(op, op.table, name, "primary key", ctx);
    return;
  }
  // The server named the key (<table>_pkey, shortened or numbered when that is taken): look the
  // name up in the catalog rather than guess it.
  const std::string table = string_literal(quote_name(op.table));
  const std::string body = fmt::format(
      "\nDECLARE\n"
      "  pk name;\n"
      "BEGIN\n"
      "  SELECT conname INTO pk FROM pg_catalog.pg_constraint\n"
      "    WHERE conrelid = {0}::regclass AND contype = 'p';\n"
      "  IF pk IS NULL THEN\n"
      "    RAISE EXCEPTION 'table % has no primary key', {0}::regclass\n"
      "      USING ERRCODE = 'undefined_object';\n"
      "  END IF;\n"
      "  EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', {0}::regclass, pk);\n"
      "END\n",
      table);
  const std::string tag = dollar_tag(body);
  ctx.add(fmt::format("DO {0}{1}{0}", tag, body));
}

void PostgresDialect::emit(const DropUnique& op, const Context& ctx) const {
  const std::string& name = !op.name.empty() || !op.definition ? op.name : op.definition->name;
  drop_constraint(op, op.table, name, "unique constraint", ctx);
}

void PostgresDialect::emit(const DropCheck& op, const Context& ctx) const {
  const std::string& name = !op.name.empty() || !op.definition ? op.name : op.definition->name;
  drop_constraint(op, op.table, name, "check constraint", ctx);
}

void PostgresDialect::emit(const DropForeignKey& op, const Context& ctx) const {
  const std::string& name = !op.name.empty() || !op.definition ? op.name : op.definition->name;
  drop_constraint(op, op.table, name, "foreign key", ctx);
}

}  // namespace migcmd::postgres
