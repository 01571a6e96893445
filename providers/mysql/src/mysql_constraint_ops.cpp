// Primary keys, unique, check and foreign key constraints on existing tables.

#include <fmt/format.h>

#include "mysql_dialect.hpp"
#include "mysql_text.hpp"

namespace migcmd::mysql {
namespace {

void require_name(std::string_view name, std::string_view what) {
  if (name.empty()) {
    throw Rejection{fmt::format("drop {} without its name", what),
                    "name the constraint (SHOW CREATE TABLE shows the names MySQL gave)"};
  }
}

}  // namespace

void MySqlDialect::emit(const AddPrimaryKey& op, const Context& ctx) const {
  guarded(op, [&] {
    const Table* table = ctx.schema.find_table(op.table);
    if (table && table->primary_key) {
      throw Rejection{fmt::format("add a second primary key to {}", to_string(op.table)),
                      "drop the existing primary key first"};
    }
    check_key(table, op.key.columns, "the primary key");
    ctx.add(fmt::format("ALTER TABLE {} ADD {}", quote_name(op.table), primary_key_clause(op.key)));
  });
}

void MySqlDialect::emit(const DropPrimaryKey& op, const Context& ctx) const {
  guarded(op, [&] {
    const Table* table = ctx.schema.find_table(op.table);
    const std::string prefix = table ? drop_key_prefix(ctx.schema, *table, "PRIMARY") : "";
    // MySQL's primary key is always named PRIMARY; the model's name is not needed.
    ctx.add(fmt::format("ALTER TABLE {} {}DROP PRIMARY KEY", quote_name(op.table), prefix));
  });
}

void MySqlDialect::emit(const AddUnique& op, const Context& ctx) const {
  guarded(op, [&] {
    check_key(ctx.schema.find_table(op.table), op.constraint.columns,
              fmt::format("unique constraint {}", op.constraint.name));
    ctx.add(
        fmt::format("ALTER TABLE {} ADD {}", quote_name(op.table), unique_clause(op.constraint)));
  });
}

void MySqlDialect::emit(const DropUnique& op, const Context& ctx) const {
  guarded(op, [&] {
    require_name(op.name, "a unique constraint");
    const Table* table = ctx.schema.find_table(op.table);
    const std::string prefix = table ? drop_key_prefix(ctx.schema, *table, op.name) : "";
    // A unique constraint is a unique index in MySQL.
    ctx.add(fmt::format("ALTER TABLE {} {}DROP INDEX {}", quote_name(op.table), prefix,
                        quote_identifier(op.name)));
  });
}

void MySqlDialect::emit(const AddCheck& op, const Context& ctx) const {
  guarded(op, [&] {
    if (trim(op.check.expression).empty()) {
      throw Rejection{fmt::format("add the check {} without an expression", op.check.name), ""};
    }
    ctx.add(fmt::format("ALTER TABLE {} ADD {}", quote_name(op.table), check_clause(op.check)));
  });
}

void MySqlDialect::emit(const DropCheck& op, const Context& ctx) const {
  guarded(op, [&] {
    require_name(op.name, "a check constraint");
    // DROP CONSTRAINT is what both take: MariaDB has no DROP CHECK, MySQL has both (8.0.19+).
    ctx.add(fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", quote_name(op.table),
                        quote_identifier(op.name)));
  });
}

void MySqlDialect::emit(const AddForeignKey& op, const Context& ctx) const {
  guarded(op, [&] {
    Table unknown;
    unknown.name = op.table;
    const Table* found = ctx.schema.find_table(op.table);
    const Table& table = found ? *found : unknown;
    const Table* target = op.key.referenced_table == op.table
                              ? &table
                              : ctx.schema.find_table(op.key.referenced_table);
    check_foreign_key(table, op.key, target);
    ctx.add(fmt::format("ALTER TABLE {} ADD {}", quote_name(op.table),
                        foreign_key_clause(op.key, op.table)));
  });
}

void MySqlDialect::emit(const DropForeignKey& op, const Context& ctx) const {
  guarded(op, [&] {
    require_name(op.name, "a foreign key");
    // The index InnoDB made for a key no index of the model serves goes with the key, or the
    // table would keep an index the model does not have.
    bool own_index = false;
    if (const Table* table = ctx.schema.find_table(op.table)) {
      for (const auto& fk : table->foreign_keys) {
        if (fk.name == op.name) own_index = !has_index_for(*table, fk.columns);
      }
    }
    ctx.add(fmt::format("ALTER TABLE {} DROP FOREIGN KEY {}{}", quote_name(op.table),
                        quote_identifier(op.name),
                        own_index ? ", DROP INDEX " + quote_identifier(op.name) : ""));
  });
}

}  // namespace migcmd::mysql
