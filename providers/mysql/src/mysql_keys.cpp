// Keys and indexes: how CREATE TABLE lists them, and the checks for what InnoDB refuses (TEXT and
// BLOB keys without a prefix, keys over 3072 bytes, AUTO_INCREMENT outside a key, foreign keys
// InnoDB cannot build).

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/error.hpp"
#include "mysql_dialect.hpp"
#include "mysql_text.hpp"
#include "mysql_types.hpp"

namespace migcmd::mysql {
namespace {

constexpr std::size_t max_table_comment = 2048;

bool contains(const std::vector<std::string>& columns, std::string_view column) {
  return std::find(columns.begin(), columns.end(), column) != columns.end();
}

// Column names of an index, when it has no expression part.
std::optional<std::vector<std::string>> index_columns(const Index& index) {
  std::vector<std::string> out;
  for (const auto& p : index.parts) {
    if (p.is_expression()) return std::nullopt;
    out.push_back(p.column);
  }
  return out;
}

// A primary key, unique constraint or unique index over exactly `columns`: what a foreign key
// may reference (InnoDB accepts any leading index columns, MySQL 8.4 no longer does).
bool has_unique_key(const Table& table, const std::vector<std::string>& columns) {
  if (table.primary_key && table.primary_key->columns == columns) return true;
  for (const auto& u : table.uniques) {
    if (u.columns == columns) return true;
  }
  for (const auto& ix : table.indexes) {
    if (ix.unique && index_columns(ix) == columns) return true;
  }
  return false;
}

bool same_foreign_key_type(const Column& a, const Column& b) {
  const bool a_string = a.type.store_type.empty() && a.type.kind == TypeKind::string;
  const bool b_string = b.type.store_type.empty() && b.type.kind == TypeKind::string;
  // String lengths may differ; collations may not.
  if (a_string && b_string) return a.collation == b.collation;
  return store_type_sql(a.type) == store_type_sql(b.type);
}

}  // namespace

void MySqlDialect::check_key(const Table* table, const std::vector<std::string>& columns,
                             std::string_view key) const {
  if (columns.empty()) throw Rejection{fmt::format("create {} without columns", key), ""};
  if (!table) return;
  int bytes = 0;
  for (const auto& name : columns) {
    const Column* column = table->find_column(name);
    if (!column) continue;
    const auto width = key_bytes(column->type);
    if (!width) {
      throw Rejection{
          fmt::format("index the {} column {}.{} in {}: MySQL indexes TEXT, BLOB and JSON "
                      "columns only by a prefix",
                      store_type_sql(column->type), to_string(table->name), name, key),
          "use string(n) or binary(n) for a key column, or create the index with raw SQL and a "
          "prefix length, e.g. (`col`(191))"};
    }
    bytes += *width;
  }
  if (bytes > max_key_bytes) {
    throw Rejection{fmt::format("create {} on {}: its key takes up to {} bytes and InnoDB allows "
                                "{} (utf8mb4 counts 4 bytes a character)",
                                key, to_string(table->name), bytes, max_key_bytes),
                    "shorten the string columns (VARCHAR(768) is the most a single-column key "
                    "takes)"};
  }
}

void MySqlDialect::check_index(const Table* table, const Index& index) const {
  const std::string key = fmt::format("index {}", index.name);
  if (!index.where.empty()) {
    throw Rejection{fmt::format("create the partial index {} (WHERE {})", index.name, index.where),
                    "MySQL has no partial indexes: index the whole column, or a generated column "
                    "that is NULL for the rows outside the predicate"};
  }
  for (const auto& part : index.parts) {
    if (part.is_expression()) {
      throw Rejection{fmt::format("index the expression {} ({}): MariaDB has no functional key "
                                  "parts",
                                  part.expression, key),
                      fmt::format("add a generated column holding it (ADD COLUMN <name> <type> "
                                  "AS ({}) STORED) and index that column",
                                  part.expression)};
    }
  }
  check_key(table, *index_columns(index), key);
}

void MySqlDialect::check_foreign_key(const Table& table, const ForeignKey& key,
                                     const Table* target) const {
  const std::string what = fmt::format("foreign key {}", key.name);
  for (const auto action : {key.on_delete, key.on_update}) {
    if (action == ReferentialAction::set_default) {
      throw Rejection{fmt::format("use SET DEFAULT in {}: InnoDB rejects it", what),
                      "use SET NULL, CASCADE, RESTRICT or NO ACTION"};
    }
  }
  if (key.columns.size() != key.referenced_columns.size() || key.columns.empty()) {
    throw Rejection{fmt::format("create {}: it has {} column(s) and references {}", what,
                                key.columns.size(), key.referenced_columns.size()),
                    "list as many referenced columns as columns"};
  }
  const bool sets_null =
      key.on_delete == ReferentialAction::set_null || key.on_update == ReferentialAction::set_null;
  for (const auto& name : key.columns) {
    const Column* column = table.find_column(name);
    if (sets_null && column && !column->nullable) {
      throw Rejection{fmt::format("create {} with SET NULL: column {}.{} is NOT NULL", what,
                                  to_string(table.name), name),
                      "make the column nullable, or use CASCADE or RESTRICT"};
    }
  }
  check_key(&table, key.columns, what);
  if (!target) return;
  if (!has_unique_key(*target, key.referenced_columns)) {
    throw Rejection{fmt::format("create {}: {} ({}) is not a primary key or unique key of {}", what,
                                to_string(target->name), fmt::join(key.referenced_columns, ", "),
                                to_string(target->name)),
                    "reference the primary key, or add a unique constraint on those columns first"};
  }
  for (std::size_t i = 0; i < key.columns.size(); ++i) {
    const Column* from = table.find_column(key.columns[i]);
    const Column* to = target->find_column(key.referenced_columns[i]);
    if (from && to && !same_foreign_key_type(*from, *to)) {
      throw Rejection{
          fmt::format("create {}: column {} is {} and the referenced column {}.{} is {}", what,
                      from->name, describe(from->type), to_string(target->name), to->name,
                      describe(to->type)),
          "give both columns the same type (and collation); InnoDB refuses the key otherwise"};
    }
  }
}

void MySqlDialect::check_identity(const Table& table) const {
  std::vector<const Column*> identities;
  for (const auto& c : table.columns) {
    if (c.identity) identities.push_back(&c);
  }
  if (identities.size() > 1) {
    throw Rejection{fmt::format("give table {} two AUTO_INCREMENT columns ({}, {})",
                                to_string(table.name), identities[0]->name, identities[1]->name),
                    "keep one identity column a table"};
  }
  if (identities.empty()) return;
  // InnoDB needs an index whose first column is the AUTO_INCREMENT column.
  const std::string& name = identities.front()->name;
  auto leads = [&](const std::vector<std::string>& columns) {
    return !columns.empty() && columns.front() == name;
  };
  bool keyed = table.primary_key && leads(table.primary_key->columns);
  for (const auto& u : table.uniques) keyed = keyed || leads(u.columns);
  for (const auto& ix : table.indexes) {
    keyed = keyed || (!ix.parts.empty() && ix.parts.front().column == name);
  }
  if (!keyed) {
    throw Rejection{fmt::format("make column {}.{} AUTO_INCREMENT: it is not the first column of "
                                "a key",
                                to_string(table.name), name),
                    "make it the primary key (or the first column of a unique key or index)"};
  }
}

void MySqlDialect::check_table(const Table& table, const Schema& schema) const {
  check_identity(table);
  if (table.primary_key) check_key(&table, table.primary_key->columns, "the primary key");
  for (const auto& u : table.uniques) {
    check_key(&table, u.columns, fmt::format("unique constraint {}", u.name));
  }
  for (const auto& ix : table.indexes) check_index(&table, ix);
  for (const auto& fk : table.foreign_keys) {
    const Table* target =
        fk.referenced_table == table.name ? &table : schema.find_table(fk.referenced_table);
    check_foreign_key(table, fk, target);
  }
  check_table_comment(table.name, table.comment);
}

void MySqlDialect::check_table_comment(const QualifiedName& table,
                                       const std::string& comment) const {
  if (const auto info = utf8_info(comment); info && info->characters > max_table_comment) {
    throw Rejection{fmt::format("store the comment of table {}: it has {} characters and MySQL "
                                "allows {}",
                                to_string(table), info->characters, max_table_comment),
                    "shorten the comment"};
  }
}

std::string MySqlDialect::drop_key_prefix(const Schema& schema, const Table& table,
                                          std::string_view dropped) const {
  struct Key {
    std::string name;
    std::vector<std::string> columns;
  };
  std::vector<Key> keys;
  if (table.primary_key) keys.push_back({"PRIMARY", table.primary_key->columns});
  for (const auto& u : table.uniques) keys.push_back({u.name, u.columns});
  for (const auto& ix : table.indexes) {
    if (auto columns = index_columns(ix)) keys.push_back({ix.name, *columns});
  }
  auto it = std::find_if(keys.begin(), keys.end(), [&](const Key& k) { return k.name == dropped; });
  if (it == keys.end()) return {};
  const Key removed = *it;
  keys.erase(it);
  auto leads = [](const std::vector<std::string>& key, const std::vector<std::string>& columns) {
    return !columns.empty() && key.size() >= columns.size() &&
           std::equal(columns.begin(), columns.end(), key.begin());
  };
  // InnoDB keeps an index for every foreign key, on both sides, and refuses to drop the last one.
  // Of its own it makes one (named after the key) only for a key no other index serves, and drops
  // it once another index does: so the dropped key alone serves a foreign key here.
  auto still_indexed = [&](const std::vector<std::string>& columns) {
    return !leads(removed.columns, columns) ||
           std::any_of(keys.begin(), keys.end(),
                       [&](const Key& k) { return leads(k.columns, columns); });
  };
  const std::string what =
      dropped == "PRIMARY" ? std::string("the primary key") : fmt::format("key {}", dropped);
  // For the table's own keys that is the index InnoDB would have made, which the model leaves
  // out as the reader does.
  std::string prefix;
  for (const auto& fk : table.foreign_keys) {
    if (still_indexed(fk.columns)) continue;
    if (fk.name.empty()) {
      throw Rejection{fmt::format("drop {} of {}: foreign key ({}) needs an index", what,
                                  to_string(table.name), fmt::join(fk.columns, ", ")),
                      "name the foreign key, or create another index on those columns first"};
    }
    prefix +=
        fmt::format("ADD INDEX {} ({}), ", quote_identifier(fk.name), column_list(fk.columns));
    keys.push_back({fk.name, fk.columns});
  }
  for (const auto& other : schema.tables) {
    for (const auto& fk : other.foreign_keys) {
      if (fk.referenced_table == table.name && !still_indexed(fk.referenced_columns)) {
        throw Rejection{fmt::format("drop {} of {}: foreign key {} of table {} references it", what,
                                    to_string(table.name), fk.name, to_string(other.name)),
                        "drop that foreign key first"};
      }
    }
  }
  for (const auto& c : table.columns) {
    if (c.identity && !still_indexed({c.name})) {
      throw Rejection{fmt::format("drop {} of {}: the AUTO_INCREMENT column {} must stay the first "
                                  "column of a key",
                                  what, to_string(table.name), c.name),
                      "add another key that starts with that column first"};
    }
  }
  return prefix;
}

bool MySqlDialect::has_index_for(const Table& table, const std::vector<std::string>& columns) {
  auto leads = [&](const std::vector<std::string>& key) {
    return key.size() >= columns.size() && std::equal(columns.begin(), columns.end(), key.begin());
  };
  if (table.primary_key && leads(table.primary_key->columns)) return true;
  for (const auto& u : table.uniques) {
    if (leads(u.columns)) return true;
  }
  for (const auto& ix : table.indexes) {
    if (auto cols = index_columns(ix); cols && leads(*cols)) return true;
  }
  return false;
}

std::string MySqlDialect::primary_key_clause(const PrimaryKey& key) const {
  // The name is not rendered: MySQL always names the primary key PRIMARY.
  return fmt::format("PRIMARY KEY ({})", column_list(key.columns));
}

std::string MySqlDialect::index_part(const IndexPart& part) const {
  if (part.is_expression()) {
    throw Error(ErrorCode::unsupported_operation,
                fmt::format("mysql cannot index the expression {}", part.expression),
                "index a generated column instead");
  }
  return quote_identifier(part.column) + (part.descending ? " DESC" : "");
}

std::string MySqlDialect::inline_index(const Index& index) const {
  std::vector<std::string> parts;
  for (const auto& p : index.parts) parts.push_back(index_part(p));
  return fmt::format("{}INDEX {} ({})", index.unique ? "UNIQUE " : "", quote_identifier(index.name),
                     fmt::join(parts, ", "));
}

std::string MySqlDialect::create_index_sql(const QualifiedName& table, const Index& index) const {
  if (!index.where.empty()) {
    throw Error(ErrorCode::unsupported_operation,
                fmt::format("mysql cannot create the partial index {}", index.name),
                "MySQL has no partial indexes");
  }
  std::vector<std::string> parts;
  for (const auto& p : index.parts) parts.push_back(index_part(p));
  return fmt::format("CREATE {}INDEX {} ON {} ({})", index.unique ? "UNIQUE " : "",
                     quote_identifier(index.name), quote_name(table), fmt::join(parts, ", "));
}

std::string MySqlDialect::table_elements(const Table& table) const {
  std::vector<std::string> parts;
  for (const auto& c : table.columns) {
    const bool in_key = table.primary_key && contains(table.primary_key->columns, c.name);
    parts.push_back(column_sql(c, table.name, in_key));
  }
  if (table.primary_key) parts.push_back(primary_key_clause(*table.primary_key));
  for (const auto& u : table.uniques) parts.push_back(unique_clause(u));
  for (const auto& ix : table.indexes) parts.push_back(inline_index(ix));
  for (const auto& c : table.checks) parts.push_back(check_clause(c));
  for (const auto& fk : table.foreign_keys) parts.push_back(foreign_key_clause(fk, table.name));
  return fmt::format("(\n    {}\n)", fmt::join(parts, ",\n    "));
}

}  // namespace migcmd::mysql
