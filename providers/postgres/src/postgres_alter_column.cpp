// ALTER COLUMN: every change to one column in one ALTER TABLE statement.

#include <fmt/format.h>

#include <algorithm>

#include "postgres_dialect.hpp"
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
  if (current && current->identity) {
    constexpr std::string_view drop_identity_hint =
        "drop the identity first with raw SQL: ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY";
    if (sets_default) unsupported(op, "set a default on an identity column", drop_identity_hint);
    if (drops_default) {
      unsupported(op, "drop the default of an identity column: it has none", drop_identity_hint);
    }
    if (change.nullable && *change.nullable) {
      unsupported(op, "make an identity column nullable", drop_identity_hint);
    }
    if (change.type && !may_be_identity(*change.type)) {
      unsupported(op, fmt::format("change an identity column to {}", describe(*change.type)),
                  "identity columns must be int16, int32 or int64");
    }
  }
  if (change.nullable && *change.nullable && table && table->primary_key) {
    const auto& key = table->primary_key->columns;
    if (std::find(key.begin(), key.end(), op.name) != key.end()) {
      unsupported(op, "make a primary key column nullable", "drop the primary key first");
    }
  }

  const std::string column = quote_identifier(op.name);
  std::vector<std::string> parts;
  auto alter = [&](std::string_view what) {
    parts.push_back(fmt::format("ALTER COLUMN {} {}", column, what));
  };
  if (change.type) {
    // The server converts the old default to the new type with a cast that may not exist (a
    // text default on a column becoming integer), even when USING converts the data. So the
    // default is dropped before the type changes and set again, re-read for the new type.
    const ColumnDefault* kept = !change.default_value && current && current->default_value
                                    ? &*current->default_value
                                    : nullptr;
    if (change.default_value || kept) alter("DROP DEFAULT");
    std::string collate;
    if (current && !current->collation.empty() && may_have_collation(*change.type)) {
      collate = " COLLATE " + quote_identifier(current->collation);
    }
    alter(fmt::format("TYPE {}{} USING {}::{}", type_sql(*change.type), collate, column,
                      using_cast_type(*change.type)));
    if (kept) alter("SET " + default_clause(*kept));
  }
  if (change.nullable) alter(*change.nullable ? "DROP NOT NULL" : "SET NOT NULL");
  if (sets_default) alter("SET " + default_clause(**change.default_value));
  if (drops_default && !change.type) alter("DROP DEFAULT");
  ctx.add(fmt::format("ALTER TABLE {} {}", quote_name(op.table), fmt::join(parts, ", ")));
}

}  // namespace migcmd::postgres
