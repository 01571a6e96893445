// Columns. MySQL alters a column by restating it whole (MODIFY COLUMN): the definition comes from
// the schema the migration is rendered against, so that nullability, default, AUTO_INCREMENT,
// collation and comment survive a change that does not mention them.

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/error.hpp"
#include "mysql_dialect.hpp"
#include "mysql_text.hpp"
#include "mysql_types.hpp"

namespace migcmd::mysql {
namespace {

bool contains(const std::vector<std::string>& columns, std::string_view column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

bool in_primary_key(const Table* table, std::string_view column) {
  return table && table->primary_key && contains(table->primary_key->columns, column);
}

// The first foreign key, of `table` or of any table referencing it, that involves `column`.
std::optional<std::string> foreign_key_using(const Schema& schema, const Table& table,
                                             std::string_view column) {
  for (const auto& fk : table.foreign_keys) {
    if (contains(fk.columns, column))
      return fmt::format("{} of table {}", fk.name, to_string(table.name));
  }
  for (const auto& other : schema.tables) {
    for (const auto& fk : other.foreign_keys) {
      if (fk.referenced_table == table.name && contains(fk.referenced_columns, column)) {
        return fmt::format("{} of table {}", fk.name, to_string(other.name));
      }
    }
  }
  return std::nullopt;
}

const CheckConstraint* check_using(const Table& table, std::string_view column) {
  for (const auto& c : table.checks) {
    if (mentions_identifier(c.expression, column)) return &c;
  }
  return nullptr;
}

}  // namespace

void MySqlDialect::emit(const AddColumn& op, const Context& ctx) const {
  guarded(op, [&] {
    if (op.column.identity) {
      // AUTO_INCREMENT must be a key in the same statement, which add_column cannot say.
      throw Rejection{
          fmt::format("add the AUTO_INCREMENT column {} to an existing table", op.column.name),
          "create the table with it, or use raw SQL that adds it with its key: "
          "ALTER TABLE t ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT, ADD PRIMARY "
          "KEY (id)"};
    }
    ctx.add(fmt::format("ALTER TABLE {} ADD COLUMN {}", quote_name(op.table),
                        column_sql(op.column, op.table, false)));
  });
}

void MySqlDialect::emit(const DropColumn& op, const Context& ctx) const {
  guarded(op, [&] {
    if (const Table* table = ctx.schema.find_table(op.table);
        table && table->find_column(op.name)) {
      if (table->columns.size() == 1) {
        throw Rejection{fmt::format("drop {}, the only column of {}", op.name, to_string(op.table)),
                        "drop the table instead"};
      }
      if (auto fk = foreign_key_using(ctx.schema, *table, op.name)) {
        throw Rejection{fmt::format("drop column {}: foreign key {} uses it", op.name, *fk),
                        "drop the foreign key first"};
      }
      if (const auto* check = check_using(*table, op.name)) {
        throw Rejection{fmt::format("drop column {}: check constraint {} ({}) uses it", op.name,
                                    check->name, check->expression),
                        "drop the check constraint first"};
      }
    }
    ctx.add(fmt::format("ALTER TABLE {} DROP COLUMN {}", quote_name(op.table),
                        quote_identifier(op.name)));
  });
}

void MySqlDialect::emit(const RenameColumn& op, const Context& ctx) const {
  guarded(op, [&] {
    if (const Table* table = ctx.schema.find_table(op.table)) {
      // MySQL refuses to rename a column a CHECK uses (MariaDB rewrites the check).
      if (const auto* check = check_using(*table, op.name)) {
        throw Rejection{fmt::format("rename column {}: check constraint {} ({}) uses it", op.name,
                                    check->name, check->expression),
                        "drop the check, rename the column, then add the check again"};
      }
    }
    ctx.add(fmt::format("ALTER TABLE {} RENAME COLUMN {} TO {}", quote_name(op.table),
                        quote_identifier(op.name), quote_identifier(op.new_name)));
  });
}

void MySqlDialect::emit(const AlterColumn& op, const Context& ctx) const {
  guarded(op, [&] {
    const ColumnChange& change = op.change;
    if (change.empty()) return;
    const Table* table = ctx.schema.find_table(op.table);
    const Column* current = table ? table->find_column(op.name) : nullptr;
    if (table && !current) {
      throw Error(ErrorCode::invalid_migration,
                  fmt::format("{}: table {} has no column {}", describe(Operation{op}),
                              to_string(op.table), op.name));
    }
    const QualifiedName& t = op.table;

    // A default alone changes without restating the column, where a plain literal will do.
    const bool default_alone = change.default_value && !change.type && !change.nullable &&
                               !change.identity && !change.collation && !change.comment;
    if (default_alone) {
      const auto& new_default = *change.default_value;
      if (!new_default) {
        ctx.add(fmt::format("ALTER TABLE {} ALTER COLUMN {} DROP DEFAULT", quote_name(t),
                            quote_identifier(op.name)));
        return;
      }
      const auto* value = std::get_if<Value>(&*new_default);
      const bool plain =
          value && (!current || (!is_large_object(current->type) && !current->identity));
      if (plain) {
        if (value->is_null() && current && !current->nullable) {
          throw Rejection{
              fmt::format("give the NOT NULL column {}.{} the default NULL", to_string(t), op.name),
              "drop the default, or make the column nullable"};
        }
        ctx.add(fmt::format("ALTER TABLE {} ALTER COLUMN {} SET DEFAULT {}", quote_name(t),
                            quote_identifier(op.name), literal(*value)));
        return;
      }
    }

    if (!current && !op.from) (void)require_table(ctx.schema, t, Operation{op});
    const Column before = current ? *current : *op.from;
    Column after = apply_change(before, change);
    after.name = op.name;
    const bool key_column = in_primary_key(table, op.name);
    if (change.nullable == true && key_column) {
      throw Rejection{
          fmt::format("make the primary key column {}.{} nullable", to_string(t), op.name),
          "drop the primary key first, or use a unique key (which allows NULL)"};
    }
    if (table && change.nullable == false) {
      for (const auto& fk : table->foreign_keys) {
        const bool sets_null = fk.on_delete == ReferentialAction::set_null ||
                               fk.on_update == ReferentialAction::set_null;
        if (sets_null && contains(fk.columns, op.name)) {
          throw Rejection{fmt::format("make column {}.{} NOT NULL: foreign key {} sets it to NULL",
                                      to_string(t), op.name, fk.name),
                          "change the foreign key's action first (drop and add it again)"};
        }
      }
    }
    if (table && after.identity && !before.identity) {
      // InnoDB numbers only a column that leads a key; the table keeps its other keys.
      Table altered = *table;
      *altered.find_column(op.name) = after;
      check_identity(altered);
    }
    if (table && change.type && *change.type != before.type) {
      if (auto fk = foreign_key_using(ctx.schema, *table, op.name)) {
        throw Rejection{
            fmt::format("change the type of column {}: foreign key {} uses it", op.name, *fk),
            "drop the foreign key, change the columns on both sides, add it again"};
      }
      // Every key over the column must still be possible with the new type.
      Table altered = *table;
      *altered.find_column(op.name) = after;
      if (altered.primary_key && contains(altered.primary_key->columns, op.name)) {
        check_key(&altered, altered.primary_key->columns, "the primary key");
      }
      for (const auto& u : altered.uniques) {
        if (contains(u.columns, op.name)) {
          check_key(&altered, u.columns, fmt::format("unique constraint {}", u.name));
        }
      }
      for (const auto& ix : altered.indexes) {
        if (std::any_of(ix.parts.begin(), ix.parts.end(),
                        [&](const IndexPart& p) { return p.column == op.name; })) {
          check_index(&altered, ix);
        }
      }
    }
    ctx.add(fmt::format("ALTER TABLE {} MODIFY COLUMN {}", quote_name(t),
                        column_sql(after, t, key_column)));
  });
}

}  // namespace migcmd::mysql
