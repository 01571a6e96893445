// ALTER COLUMN: the type, nullability, default and collation change in one ALTER TABLE statement;
// identity and comment changes are statements of their own around it.

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/error.hpp"
#include "postgres_dialect.hpp"
#include "postgres_quoting.hpp"
#include "postgres_types.hpp"

namespace migcmd::postgres {

void PostgresDialect::emit(const AlterColumn& op, const Context& ctx) const {
  const ColumnChange& change = op.change;
  if (change.empty()) return;
  // The column as it is, when known: from the schema, else from the operation itself.
  const Table* table = ctx.schema.find_table(op.table);
  const Column* current = table ? table->find_column(op.name) : nullptr;
  if (!current && op.from) current = &*op.from;

  const bool sets_default = change.default_value && change.default_value->has_value();
  const bool drops_default = change.default_value && !change.default_value->has_value();
  const bool was_identity = current && current->identity;
  const bool identity_after = change.identity.value_or(was_identity);
  // Without the column's definition, an identity to drop may not be there: IF EXISTS.
  const bool adds_identity = change.identity == true && !was_identity;
  const bool drops_identity = change.identity == false && (!current || was_identity);
  const bool nullable_after = change.nullable.value_or(current ? current->nullable : false);
  if (identity_after) {
    constexpr std::string_view drop_identity_hint =
        "drop the identity in the same change (identity false), or first with its own change";
    if (sets_default) unsupported(op, "set a default on an identity column", drop_identity_hint);
    if (drops_default && !adds_identity) {
      unsupported(op, "drop the default of an identity column: it has none", drop_identity_hint);
    }
    if (change.nullable && *change.nullable) {
      unsupported(op, "make an identity column nullable", drop_identity_hint);
    }
    const Type* type = change.type ? &*change.type : (current ? &current->type : nullptr);
    if (type && !may_be_identity(*type)) {
      unsupported(op, fmt::format("make a {} column an identity", describe(*type)),
                  "identity columns must be int16, int32 or int64");
    }
  }
  if (adds_identity && current && current->default_value && !change.default_value) {
    unsupported(op, "make a column with a default an identity",
                "drop the default in the same change: the identity supplies the values");
  }
  if (adds_identity && current && nullable_after) {
    unsupported(op, "make a nullable column an identity",
                "make it NOT NULL in the same change: PostgreSQL identity columns are NOT NULL");
  }
  if (change.nullable && *change.nullable && table && table->primary_key) {
    const auto& key = table->primary_key->columns;
    if (std::find(key.begin(), key.end(), op.name) != key.end()) {
      unsupported(op, "make a primary key column nullable", "drop the primary key first");
    }
  }
  // A collation is restated with the type: ALTER COLUMN ... TYPE <type> COLLATE <collation>.
  const Type* type_after = change.type ? &*change.type : (current ? &current->type : nullptr);
  if (change.collation && !type_after) {
    (void)require_table(ctx.schema, op.table, op);
    throw Error(ErrorCode::invalid_migration,
                fmt::format("{}: postgres needs the type of column {} to change its collation, "
                            "and table {} has no such column",
                            describe(Operation{op}), op.name, to_string(op.table)),
                "render against the current schema, or give the column as it was (from)");
  }
  if (change.collation && !change.collation->empty() && !may_have_collation(*type_after)) {
    unsupported(op, fmt::format("give a {} column a collation", describe(*type_after)),
                "collations apply to string and text columns");
  }

  const std::string table_name = quote_name(op.table);
  const std::string column = quote_identifier(op.name);
  auto alter_alone = [&](std::string_view what) {
    ctx.add(fmt::format("ALTER TABLE {} ALTER COLUMN {} {}", table_name, column, what));
  };
  // First, so that a default can be set in the same change.
  if (drops_identity) alter_alone(current ? "DROP IDENTITY" : "DROP IDENTITY IF EXISTS");

  std::vector<std::string> parts;
  auto alter = [&](std::string_view what) {
    parts.push_back(fmt::format("ALTER COLUMN {} {}", column, what));
  };
  if (change.type || change.collation) {
    // On a type change the server converts the old default to the new type with a cast that may
    // not exist (a text default on a column becoming integer), even when USING converts the data.
    // So the default is dropped before the type changes and set again, re-read for the new type.
    const ColumnDefault* kept =
        change.type && !change.default_value && current && current->default_value
            ? &*current->default_value
            : nullptr;
    if (change.type && (change.default_value || kept)) alter("DROP DEFAULT");
    const std::string& collation_after =
        change.collation ? *change.collation : (current ? current->collation : std::string());
    std::string collate;
    if (!may_have_collation(*type_after)) {
      // Numbers, dates, bytes: no collation to state.
    } else if (change.collation && collation_after.empty()) {
      collate = " COLLATE \"default\"";  // the type's own collation
    } else if (!collation_after.empty()) {
      collate = " COLLATE " + quote_identifier(collation_after);
    }
    std::string using_clause;
    if (change.type) {
      using_clause = fmt::format(" USING {}::{}", column, using_cast_type(*change.type));
    }
    alter(fmt::format("TYPE {}{}{}", type_sql(*type_after), collate, using_clause));
    if (kept) alter("SET " + default_clause(*kept));
  }
  if (change.nullable) alter(*change.nullable ? "DROP NOT NULL" : "SET NOT NULL");
  if (sets_default) alter("SET " + default_clause(**change.default_value));
  if (drops_default && !change.type) alter("DROP DEFAULT");
  if (!parts.empty()) ctx.add(fmt::format("ALTER TABLE {} {}", table_name, fmt::join(parts, ", ")));

  if (adds_identity) {
    alter_alone("ADD " + identity_clause(apply_change(current ? *current : Column{}, change)));
    // The sequence starts at 1 whatever the rows hold: move it past them, so that the next row
    // the identity numbers does not collide with an existing one.
    ctx.add(
        fmt::format("SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence({}, {}), "
                    "GREATEST(COALESCE(MAX({}), 0), 0) + 1, false) FROM {}",
                    string_literal(table_name), string_literal(op.name), column, table_name));
  }
  if (change.comment) {
    ctx.add(fmt::format(
        "COMMENT ON COLUMN {}.{} IS {}", table_name, column,
        change.comment->empty() ? std::string("NULL") : literal(Value{*change.comment})));
  }
}

}  // namespace migcmd::postgres
