// Reads tables, columns, keys, checks and indexes from information_schema: one query per kind of
// object over every table of the schemas read, assembled here.

#include "mysql_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "migcmd/error.hpp"
#include "mysql_text.hpp"

namespace migcmd::mysql {
namespace {

using TableKey = std::pair<std::string, std::string>;  // (database, table)

std::string lit(std::string_view text) {
  return "'" + escape_string(text) + "'";
}

std::string text(const Row& row, std::size_t i) {
  return i < row.size() && row[i] ? *row[i] : std::string();
}

// InnoDB does not tell RESTRICT from NO ACTION (both refuse at once), and reports RESTRICT when
// no action was written: both read as no_action, which the dialect renders by omission.
ReferentialAction action_from_catalog(const std::string& rule) {
  const auto action = referential_action_from_string(rule);
  if (!action || *action == ReferentialAction::restrict) return ReferentialAction::no_action;
  return *action;
}

struct RawIndex {
  std::string name;
  bool unique = false;
  bool readable = true;  // false: a prefix, FULLTEXT/SPATIAL or functional key part
  std::vector<IndexPart> parts;
};

class CatalogReader {
 public:
  CatalogReader(Connection& connection, const ReadOptions& options)
      : connection_(connection), options_(options) {}

  Schema read() {
    const auto current = connection_.query("SELECT DATABASE()").rows;
    current_ = current.empty() ? std::string() : text(current.front(), 0);
    if (options_.schemas.empty() && current_.empty()) {
      throw Error(ErrorCode::usage, "cannot read the schema: the connection has no database",
                  "name a database in the URL, or list the databases in ReadOptions::schemas");
    }
    std::vector<std::string> quoted;
    for (const auto& s : options_.schemas.empty() ? std::vector{current_} : options_.schemas) {
      quoted.push_back(lit(s));
    }
    in_ = fmt::format("IN ({})", fmt::join(quoted, ", "));
    if (!options_.schemas.empty()) read_namespaces();
    excluded_ = {resolve(options_.history_table),
                 resolve({options_.history_table.schema, options_.history_table.name + "_lock"})};
    for (const auto& name : options_.exclude) excluded_.insert(resolve(name));

    read_tables();
    read_columns();
    read_checks();
    read_foreign_keys();
    read_indexes();
    // information_schema sorts without regard to case and '_': byte order instead, whatever the
    // server's collation.
    auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
    std::sort(schema_.tables.begin(), schema_.tables.end(), by_name);
    for (auto& t : schema_.tables) {
      std::sort(t.uniques.begin(), t.uniques.end(), by_name);
      std::sort(t.checks.begin(), t.checks.end(), by_name);
      std::sort(t.foreign_keys.begin(), t.foreign_keys.end(), by_name);
      std::sort(t.indexes.begin(), t.indexes.end(), by_name);
    }
    return std::move(schema_);
  }

 private:
  TableKey resolve(const QualifiedName& name) const {
    return {name.schema.empty() ? current_ : name.schema, name.name};
  }

  QualifiedName qualify(const std::string& database, const std::string& table) const {
    if (options_.schemas.empty() && database == current_) return QualifiedName(table);
    return QualifiedName(database, table);
  }

  Table* find(const Row& row) {
    const auto it = tables_.find({text(row, 0), text(row, 1)});
    return it == tables_.end() ? nullptr : &schema_.tables[it->second];
  }

  // Listed databases other than the connection's are the model's namespaces, in the given
  // order; one that does not exist is not (a diff then creates it).
  void read_namespaces() {
    const auto rows = connection_.query(fmt::format(
        "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME {}", in_));
    std::set<std::string> existing;
    for (const auto& row : rows.rows) existing.insert(text(row, 0));
    for (const auto& s : options_.schemas) {
      if (s != current_ && existing.contains(s)) schema_.namespaces.push_back(s);
    }
  }

  void read_tables() {
    const auto rows = connection_.query(fmt::format(
        "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_COLLATION, TABLE_COMMENT "
        "FROM information_schema.TABLES WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA {} "
        "ORDER BY TABLE_SCHEMA, TABLE_NAME",
        in_));
    for (const auto& row : rows.rows) {
      TableKey key{text(row, 0), text(row, 1)};
      if (excluded_.contains(key)) continue;
      Table table;
      table.name = qualify(key.first, key.second);
      table.comment = text(row, 3);
      collations_[key] = text(row, 2);
      tables_[key] = schema_.tables.size();
      schema_.tables.push_back(std::move(table));
    }
  }

  void read_columns() {
    const auto rows = connection_.query(fmt::format(
        "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, "
        "EXTRA, COLUMN_COMMENT, COLLATION_NAME FROM information_schema.COLUMNS "
        "WHERE TABLE_SCHEMA {} ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION",
        in_));
    for (const auto& row : rows.rows) {
      Table* table = find(row);
      if (!table) continue;
      Column column;
      column.name = text(row, 2);
      column.type = type_from_catalog(text(row, 3));
      column.nullable = text(row, 4) == "YES";
      column.identity = to_upper(text(row, 6)).find("AUTO_INCREMENT") != std::string::npos;
      if (!column.identity) column.default_value = default_from_catalog(row[5], column.type);
      column.comment = text(row, 7);
      const std::string collation = text(row, 8);
      if (!collation.empty() && collation != collations_[{text(row, 0), text(row, 1)}]) {
        column.collation = collation;
      }
      table->columns.push_back(std::move(column));
    }
  }

  void read_checks() {
    // TABLE_NAME and LEVEL are MariaDB's (10.5+); a constraint name is unique per table there.
    const auto rows = connection_.query(
        fmt::format("SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, LEVEL, CHECK_CLAUSE "
                    "FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA {} "
                    "ORDER BY CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME",
                    in_));
    for (const auto& row : rows.rows) {
      Table* table = find(row);
      if (!table) continue;
      const std::string name = text(row, 2);
      const std::string clause = text(row, 4);
      // MariaDB's JSON is LONGTEXT with this column check: read back as Type::json.
      if (text(row, 3) == "Column" && clause == "json_valid(`" + name + "`)") {
        Column* column = table->find_column(name);
        if (column && column->type == Type::text()) {
          column->type = Type::json();
          if (column->collation == "utf8mb4_bin") column->collation.clear();  // JSON's own
          continue;
        }
      }
      table->checks.push_back({name, check_from_catalog(clause)});
    }
  }

  void read_foreign_keys() {
    const auto rows = connection_.query(
        fmt::format("SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, "
                    "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, "
                    "r.DELETE_RULE, r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
                    "JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
                    "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME "
                    "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                    "WHERE k.TABLE_SCHEMA {} AND k.REFERENCED_TABLE_NAME IS NOT NULL "
                    "ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
                    in_));
    for (const auto& row : rows.rows) {
      Table* table = find(row);
      if (!table) continue;
      const std::string name = text(row, 2);
      if (table->foreign_keys.empty() || table->foreign_keys.back().name != name) {
        ForeignKey key;
        key.name = name;
        key.referenced_table = qualify(text(row, 4), text(row, 5));
        key.on_delete = action_from_catalog(text(row, 7));
        key.on_update = action_from_catalog(text(row, 8));
        table->foreign_keys.push_back(std::move(key));
      }
      table->foreign_keys.back().columns.push_back(text(row, 3));
      table->foreign_keys.back().referenced_columns.push_back(text(row, 6));
    }
  }

  void read_indexes() {
    const auto rows = connection_.query(fmt::format(
        "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, COLLATION, "
        "SUB_PART, INDEX_TYPE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA {} "
        "ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
        in_));
    std::map<TableKey, std::vector<RawIndex>> indexes;
    for (const auto& row : rows.rows) {
      if (!find(row)) continue;
      auto& list = indexes[{text(row, 0), text(row, 1)}];
      if (list.empty() || list.back().name != text(row, 2)) {
        list.push_back({text(row, 2), text(row, 3) == "0", true, {}});
      }
      RawIndex& index = list.back();
      const std::string type = text(row, 7);
      if (!row[4] || row[6] || (type != "BTREE" && type != "HASH")) index.readable = false;
      index.parts.push_back({text(row, 4), "", text(row, 5) == "D"});
    }
    for (auto& [key, list] : indexes) {
      Table& table = schema_.tables[tables_.at(key)];
      for (auto& index : list) assemble(table, index);
    }
  }

  // The model cannot say prefix lengths, FULLTEXT or SPATIAL: such indexes are left out.
  static void assemble(Table& table, RawIndex& index) {
    if (!index.readable) return;
    std::vector<std::string> columns;
    bool ascending = true;
    for (const auto& part : index.parts) {
      columns.push_back(part.column);
      ascending = ascending && !part.descending;
    }
    if (index.name == "PRIMARY") {
      // MySQL names every primary key PRIMARY and takes no other name: the model's "the database
      // names it".
      table.primary_key = PrimaryKey{"", std::move(columns)};
      return;
    }
    // A UNIQUE constraint is a unique index in MySQL: all-ascending ones read as constraints.
    if (index.unique && ascending) {
      table.uniques.push_back({index.name, std::move(columns)});
      return;
    }
    // InnoDB adds an index named after a foreign key that no index covers: not the model's.
    for (const auto& fk : table.foreign_keys) {
      if (!index.unique && ascending && fk.name == index.name && fk.columns == columns) return;
    }
    table.indexes.push_back({index.name, std::move(index.parts), index.unique, ""});
  }

  Connection& connection_;
  const ReadOptions& options_;
  std::string current_;
  std::string in_;
  std::set<TableKey> excluded_;
  std::map<TableKey, std::size_t> tables_;
  std::map<TableKey, std::string> collations_;
  Schema schema_;
};

}  // namespace

Schema read_catalog(Connection& connection, const ReadOptions& options) {
  return CatalogReader(connection, options).read();
}

}  // namespace migcmd::mysql
