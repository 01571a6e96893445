// Tables, schemas (databases) and indexes.

#include <fmt/format.h>

#include "mysql_dialect.hpp"
#include "mysql_text.hpp"

namespace migcmd::mysql {

void MySqlDialect::emit(const CreateTable& op, const Context& ctx) const {
  guarded(op, [&] {
    if (op.table.columns.empty()) {
      throw Rejection{fmt::format("create table {} without columns", to_string(op.table.name)),
                      "give it at least one column"};
    }
    check_table(op.table, ctx.schema);
    // Indexes are declared inline: one statement, so no half-built table if an index fails.
    std::string sql = fmt::format("CREATE TABLE {} {} ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                                  quote_name(op.table.name), table_elements(op.table));
    if (!op.table.comment.empty()) sql += " COMMENT=" + text_literal(op.table.comment);
    ctx.add(std::move(sql));
  });
}

void MySqlDialect::emit(const DropTable& op, const Context& ctx) const {
  guarded(op, [&] {
    for (const auto& other : ctx.schema.tables) {
      if (other.name == op.name) continue;
      for (const auto& fk : other.foreign_keys) {
        if (fk.referenced_table == op.name) {
          throw Rejection{fmt::format("drop table {}: foreign key {} of table {} references it",
                                      to_string(op.name), fk.name, to_string(other.name)),
                          "drop that foreign key (or its table) first"};
        }
      }
    }
    ctx.add(fmt::format("DROP TABLE {}", quote_name(op.name)));
  });
}

void MySqlDialect::emit(const RenameTable& op, const Context& ctx) const {
  ctx.add(fmt::format("RENAME TABLE {} TO {}", quote_name(op.name),
                      quote_name({op.name.schema, op.new_name})));
}

void MySqlDialect::emit(const SetTableComment& op, const Context& ctx) const {
  guarded(op, [&] {
    check_table_comment(op.table, op.comment);
    // An empty comment is how MySQL removes one.
    ctx.add(
        fmt::format("ALTER TABLE {} COMMENT = {}", quote_name(op.table), text_literal(op.comment)));
  });
}

void MySqlDialect::emit(const EnsureSchema& op, const Context& ctx) const {
  // A MySQL schema is a database; its tables get utf8mb4 whatever the server's default.
  ctx.add(fmt::format("CREATE DATABASE IF NOT EXISTS {} CHARACTER SET utf8mb4",
                      quote_identifier(op.name)));
}

void MySqlDialect::emit(const CreateIndex& op, const Context& ctx) const {
  guarded(op, [&] {
    check_index(ctx.schema.find_table(op.table), op.index);
    ctx.add(create_index_sql(op.table, op.index));
  });
}

void MySqlDialect::emit(const DropIndex& op, const Context& ctx) const {
  guarded(op, [&] {
    const Table* table = ctx.schema.find_table(op.table);
    const std::string prefix = table ? drop_key_prefix(ctx.schema, *table, op.name) : "";
    if (prefix.empty()) {
      ctx.add(fmt::format("DROP INDEX {} ON {}", quote_identifier(op.name), quote_name(op.table)));
    } else {
      ctx.add(fmt::format("ALTER TABLE {} {}DROP INDEX {}", quote_name(op.table), prefix,
                          quote_identifier(op.name)));
    }
  });
}

void MySqlDialect::emit(const RenameIndex& op, const Context& ctx) const {
  ctx.add(fmt::format("ALTER TABLE {} RENAME INDEX {} TO {}", quote_name(op.table),
                      quote_identifier(op.name), quote_identifier(op.new_name)));
}

}  // namespace migcmd::mysql
