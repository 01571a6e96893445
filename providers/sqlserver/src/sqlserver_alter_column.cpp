// ALTER COLUMN in T-SQL restates the whole column (type, collation, nullability) but for its
// default, which is a separate constraint with a generated name, and its comment, an extended
// property. SQL Server also refuses to alter a column that a key constraint uses, or that an index
// uses unless an nvarchar/varbinary only grows, and cannot add or remove IDENTITY at all.

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "migcmd/error.hpp"
#include "sqlserver_dialect.hpp"
#include "tsql_types.hpp"

namespace migcmd::sqlserver {
namespace {

bool uses(const std::vector<std::string>& columns, std::string_view column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

}  // namespace

void SqlServerDialect::emit(const AlterColumn& op, const Context& ctx) const {
  const Table* table = ctx.schema.find_table(op.table);
  std::optional<Column> before = op.from;
  if (!before && table) {
    if (const Column* c = table->find_column(op.name)) before = *c;
  }
  if (op.change.identity && (!before || *op.change.identity != before->identity)) {
    unsupported(op,
                fmt::format("{} the IDENTITY property of an existing column",
                            *op.change.identity ? "add" : "remove"),
                "SQL Server cannot alter a column's IDENTITY: add a new column (with IDENTITY, or "
                "without it) and copy the values, or rebuild the table, in raw SQL");
  }
  // The comment is an extended property, apart from the column's definition.
  ColumnChange change = op.change;
  change.comment.reset();
  if (!change.empty()) alter_definition(op, change, before, table, ctx);
  if (op.change.comment) {
    std::optional<std::string> comment_before;
    if (before) comment_before = before->comment;
    set_comment(op, ctx, op.table, op.name, comment_before, *op.change.comment);
  }
}

void SqlServerDialect::alter_definition(const AlterColumn& op, const ColumnChange& change,
                                        const std::optional<Column>& before, const Table* table,
                                        const Context& ctx) const {
  const bool restates_everything = change.type && change.nullable && change.default_value;
  if (!before && !restates_everything) {
    const Table& known = require_table(ctx.schema, op.table, op);
    throw Error(
        ErrorCode::invalid_migration,
        fmt::format("{}: {} needs the definition of column {}, which table {} does not have",
                    describe(Operation{op}), name(), op.name, to_string(known.name)),
        "render against the current schema, or give the type, nullability and default");
  }
  const Column after = apply_change(
      before ? *before : Column{op.name, *change.type, *change.nullable, *change.default_value},
      change);

  const bool restate = !before || type_sql(before->type) != type_sql(after.type) ||
                       before->nullable != after.nullable || before->collation != after.collation;
  const bool default_changes =
      change.default_value && (!before || *change.default_value != before->default_value);
  // An unknown column may have a default: the lookup drops it only if it exists.
  const bool may_have_default = !before || before->default_value.has_value();
  const bool drop_default = may_have_default && (restate || default_changes);
  const bool add_default = after.default_value && (drop_default || default_changes);

  std::vector<const Index*> rebuilt;
  if (restate && table) {
    const bool keeps_keys = before && tsql::keeps_index_keys(before->type, after.type);
    auto refuse = [&](std::string_view what) {
      unsupported(op, fmt::format("alter column {} while {} uses it", op.name, what),
                  "drop the constraint, alter the column and add the constraint again, in this "
                  "migration");
    };
    if (table->primary_key && uses(table->primary_key->columns, op.name)) {
      const std::string& key = table->primary_key->name;
      refuse(key.empty() ? std::string("the primary key") : fmt::format("primary key {}", key));
    }
    for (const auto& fk : table->foreign_keys) {
      if (uses(fk.columns, op.name)) refuse(fmt::format("foreign key {}", fk.name));
    }
    for (const auto& other : ctx.schema.tables) {
      for (const auto& fk : other.foreign_keys) {
        if (fk.referenced_table == op.table && uses(fk.referenced_columns, op.name)) {
          refuse(fmt::format("foreign key {} of table {}", fk.name, to_string(other.name)));
        }
      }
    }
    if (!keeps_keys) {
      for (const auto& u : table->uniques) {
        if (uses(u.columns, op.name) && can_exist(*table, u.columns)) {
          refuse(fmt::format("unique constraint {}", u.name));
        }
      }
      Table altered = *table;
      if (Column* c = altered.find_column(op.name)) *c = after;
      for (const auto& ix : table->indexes) {
        const bool covers = std::any_of(ix.parts.begin(), ix.parts.end(),
                                        [&](const IndexPart& p) { return p.column == op.name; });
        if (!covers || !can_exist(*table, ix)) continue;
        check_index(op, &altered, ix);  // the index must still be possible afterwards
        rebuilt.push_back(&ix);
      }
    }
  }

  const std::string t = quote_name(op.table);
  const std::string c = quote_identifier(op.name);
  for (const Index* ix : rebuilt) {
    ctx.add(fmt::format("DROP INDEX {} ON {}", quote_identifier(ix->name), t));
  }
  if (drop_default) ctx.add(drop_default_sql(op.table, op.name, ctx.out.size()));
  if (restate) {
    ctx.add(fmt::format("ALTER TABLE {} ALTER COLUMN {} {}", t, c, type_and_nullability(after)));
  }
  if (add_default) {
    ctx.add(
        fmt::format("ALTER TABLE {} ADD {} FOR {}", t, default_clause(*after.default_value), c));
  }
  for (const Index* ix : rebuilt) ctx.add(create_index_sql(op.table, *ix));
}

}  // namespace migcmd::sqlserver
