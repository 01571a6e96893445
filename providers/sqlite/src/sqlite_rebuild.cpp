// The table rebuild: what SQLite's ALTER TABLE cannot do is done by creating the table anew with
// the new definition, copying the rows, dropping the old table and renaming the new one
// (https://www.sqlite.org/lang_altertable.html#otheralter).

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/apply_operation.hpp"
#include "migcmd/error.hpp"
#include "sqlite_dialect.hpp"

namespace migcmd::sqlite {
namespace {

bool has_identity(const Table& table) {
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [](const Column& c) { return c.identity; });
}

// Session settings are switched once per migration, however many tables it rebuilds. A restoring
// command moves to the end so that the commands read in the order they run.
void add_once(SqlCommands& out, const std::string& sql, Placement placement) {
  auto same = [&](const SqlCommand& c) { return c.sql == sql && c.placement == placement; };
  if (placement == Placement::after_transaction) {
    std::erase_if(out, same);
  } else if (std::any_of(out.begin(), out.end(), same)) {
    return;
  }
  out.push_back(SqlCommand{sql, placement, {}, {}});
}

}  // namespace

void SqliteDialect::rebuild(const Operation& op, const QualifiedName& table,
                            const Context& ctx) const {
  (void)table_sql(table, op);
  const Table& before = require_table(ctx.schema, table, op);
  Schema schema_after = ctx.schema;
  apply_operation(schema_after, op);  // names what the operation lacks (no such constraint...)
  rebuild(before, *schema_after.find_table(table), schema_after, op, ctx);
}

void SqliteDialect::rebuild(const Table& before, const Table& after, const Schema& schema_after,
                            const Operation& op, const Context& ctx) const {
  check_table(after, op);
  const std::string table = quote_identifier(after.name.name);
  const std::string new_name = "__migcmd_new_" + after.name.name;
  const std::string new_table = quote_identifier(new_name);

  // PRAGMA foreign_keys does nothing inside a transaction, so it is switched off before BEGIN.
  // With it on, DROP TABLE would delete the rows of child tables (ON DELETE CASCADE) or fail.
  add_once(ctx.out, "PRAGMA foreign_keys = OFF", Placement::before_transaction);

  ctx.add(create_table_sql(after, new_name));
  // Columns are matched by name: an added column takes its default, a dropped one is left
  // behind. Values are not CAST: the new column's affinity converts what converts losslessly and
  // keeps the rest as it is.
  std::vector<std::string> kept;
  for (const auto& c : after.columns) {
    if (before.find_column(c.name)) kept.push_back(c.name);
  }
  if (!kept.empty()) {
    const std::string columns = column_list(kept);
    ctx.add(
        fmt::format("INSERT INTO {} ({}) SELECT {} FROM {}", new_table, columns, columns, table));
  }
  if (has_identity(before) && has_identity(after)) {
    // AUTOINCREMENT's high-water mark lives in sqlite_sequence under the table's name and goes
    // with DROP TABLE; carried over, the ids of deleted rows are not handed out again. (The new
    // table's AUTOINCREMENT guarantees that sqlite_sequence exists.)
    ctx.add(fmt::format("DELETE FROM sqlite_sequence WHERE name = {}", literal(Value{new_name})));
    ctx.add(
        fmt::format("INSERT INTO sqlite_sequence (name, seq) SELECT {}, seq FROM sqlite_sequence "
                    "WHERE name = {}",
                    literal(Value{new_name}), literal(Value{after.name.name})));
  }
  ctx.add(fmt::format("DROP TABLE {}", table));
  // Since 3.26 RENAME re-parses every view and trigger naming the table and fails on those that
  // name the table just dropped; the legacy behaviour renames only the table itself, which is
  // all this step needs (nothing else refers to the new table's temporary name).
  ctx.add("PRAGMA legacy_alter_table = ON");
  ctx.add(fmt::format("ALTER TABLE {} RENAME TO {}", new_table, table));
  ctx.add("PRAGMA legacy_alter_table = OFF");
  // DROP TABLE took the indexes and triggers with it.
  create_table_extras(after, ctx);

  // Foreign keys were not enforced while the table was rebuilt: check the rows of the table and
  // of the tables that reference it, so that a rebuild breaking a reference rolls back.
  auto check = [&](const std::string& checked, const std::string& message) {
    ctx.out.push_back(SqlCommand{
        fmt::format("PRAGMA foreign_key_check({})", checked), Placement::transaction, message, {}});
  };
  if (!after.foreign_keys.empty()) {
    check(table, fmt::format("rebuilding table {} ({}) left rows in it that violate its foreign "
                             "keys; the migration was rolled back",
                             to_string(after.name), describe(op)));
  }
  for (const auto& child : schema_after.tables) {
    if (child.name == after.name) continue;
    const bool references =
        std::any_of(child.foreign_keys.begin(), child.foreign_keys.end(),
                    [&](const ForeignKey& fk) { return fk.referenced_table == after.name; });
    if (!references) continue;
    check(quote_identifier(child.name.name),
          fmt::format("rebuilding table {} ({}) left rows in table {} that violate its foreign "
                      "key to {}; the migration was rolled back",
                      to_string(after.name), describe(op), to_string(child.name),
                      to_string(after.name)));
  }

  // Restored after COMMIT or ROLLBACK: a failure between the two legacy_alter_table statements
  // would otherwise leave the session in legacy mode.
  add_once(ctx.out, "PRAGMA foreign_keys = ON", Placement::after_transaction);
  add_once(ctx.out, "PRAGMA legacy_alter_table = OFF", Placement::after_transaction);
}

// ---- operations done by a rebuild ----------------------------------------------------------

void SqliteDialect::emit(const AddPrimaryKey& op, const Context& ctx) const {
  rebuild(op, op.table, ctx);
}

void SqliteDialect::emit(const DropPrimaryKey& op, const Context& ctx) const {
  rebuild(op, op.table, ctx);
}

void SqliteDialect::emit(const AddUnique& op, const Context& ctx) const {
  rebuild(op, op.table, ctx);
}

void SqliteDialect::emit(const DropUnique& op, const Context& ctx) const {
  rebuild(op, op.table, ctx);
}

void SqliteDialect::emit(const AddCheck& op, const Context& ctx) const {
  rebuild(op, op.table, ctx);
}

void SqliteDialect::emit(const DropCheck& op, const Context& ctx) const {
  rebuild(op, op.table, ctx);
}

void SqliteDialect::emit(const AddForeignKey& op, const Context& ctx) const {
  rebuild(op, op.table, ctx);
}

void SqliteDialect::emit(const DropForeignKey& op, const Context& ctx) const {
  rebuild(op, op.table, ctx);
}

}  // namespace migcmd::sqlite
