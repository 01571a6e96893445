// Reads the live schema of an SQLite database: sqlite_schema joined with the table-valued pragma
// functions, one query per kind of object (tables and triggers, columns, indexes, foreign keys),
// assembled here. What the pragmas do not say (constraint names, CHECK expressions,
// AUTOINCREMENT, collations, expression index parts, partial index predicates) comes from the
// CREATE statements sqlite_schema keeps, read by sqlite_sql_parser.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "migcmd/error.hpp"
#include "sqlite_reader.hpp"
#include "sqlite_sql_parser.hpp"

namespace migcmd::sqlite {
namespace {

// SQLite compares identifiers case-insensitively (ASCII).
std::string fold(std::string_view name) {
  std::string out(name);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_main(const std::string& schema) {
  return schema.empty() || fold(schema) == "main";
}

const std::string& cell(const Row& row, std::size_t i) {
  static const std::string null;
  return row.at(i) ? *row[i] : null;
}

int int_cell(const Row& row, std::size_t i) {
  return row.at(i) ? std::stoi(*row[i]) : 0;
}

// A table being assembled: the model plus what was parsed from its CREATE TABLE.
struct Entry {
  Table table;
  ParsedTable parsed;
  std::vector<std::pair<int, std::string>> key_columns;  // pk position, column
  std::vector<std::string> declared_integer;             // columns declared exactly INTEGER
};

class Reader {
 public:
  Reader(Connection& connection, const ReadOptions& options)
      : connection_(connection), options_(options) {}

  Schema read() {
    read_objects();
    read_columns();
    read_indexes();
    read_foreign_keys();
    Schema schema;
    // Every primary key first: a foreign key written without columns references its parent's.
    for (auto& entry : entries_) finish_primary_key(entry);
    for (auto& entry : entries_) finish(entry);
    for (auto& entry : entries_) schema.tables.push_back(std::move(entry.table));
    return schema;
  }

 private:
  [[nodiscard]] bool skipped(const std::string& name) const {
    const std::string folded = fold(name);
    if (folded.rfind("sqlite_", 0) == 0) return true;  // SQLite's own tables
    if (is_main(options_.history_table.schema)) {
      const std::string history = fold(options_.history_table.name);
      if (folded == history || folded == history + "_lock") return true;
    }
    return std::any_of(
        options_.exclude.begin(), options_.exclude.end(),
        [&](const QualifiedName& q) { return is_main(q.schema) && fold(q.name) == folded; });
  }

  Entry* entry(const std::string& table) {
    const auto it = by_name_.find(fold(table));
    return it == by_name_.end() ? nullptr : &entries_[it->second];
  }

  // Tables (in creation order), and the CREATE statements of indexes and triggers.
  void read_objects() {
    const QueryResult result = connection_.query(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema "
        "WHERE type IN ('table', 'index', 'trigger') ORDER BY rowid");
    for (const Row& row : result.rows) {
      const std::string& type = cell(row, 0);
      const std::string& name = cell(row, 1);
      const std::string& sql = cell(row, 3);
      if (type == "table") {
        // A virtual table's columns and storage belong to its module, which the model lacks.
        if (skipped(name) || fold(sql).rfind("create virtual table", 0) == 0) continue;
        by_name_[fold(name)] = entries_.size();
        Entry e;
        e.table.name = QualifiedName(name);
        e.parsed = parse_create_table(sql);
        entries_.push_back(std::move(e));
      } else if (type == "index") {
        if (!sql.empty()) index_sql_[fold(name)] = {cell(row, 2), sql, index_order_++};
      } else {
        triggers_.push_back({cell(row, 2), Trigger{name, sql}});
      }
    }
    for (auto& [table, trigger] : triggers_) {
      if (Entry* e = entry(table)) e->table.triggers.push_back(std::move(trigger));
    }
  }

  void read_columns() {
    const QueryResult result = connection_.query(
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk, p.hidden "
        "FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p "
        "WHERE m.type = 'table' ORDER BY m.rowid, p.cid");
    for (const Row& row : result.rows) {
      Entry* e = entry(cell(row, 0));
      if (!e || int_cell(row, 6) == 1) continue;  // hidden == 1: a virtual table's column
      Column c;
      c.name = cell(row, 1);
      c.type = type_from_declared(cell(row, 2));
      if (fold(cell(row, 2)) == "integer") e->declared_integer.push_back(c.name);
      c.nullable = int_cell(row, 3) == 0;
      if (row.at(4)) c.default_value = default_from_sql(*row[4], c.type);
      const auto parsed =
          std::find_if(e->parsed.columns.begin(), e->parsed.columns.end(),
                       [&](const ParsedColumn& p) { return fold(p.name) == fold(c.name); });
      if (parsed != e->parsed.columns.end()) {
        // BINARY is every column's default collation.
        if (fold(parsed->collation) != "binary") c.collation = parsed->collation;
        c.identity = parsed->autoincrement;
      }
      if (const int position = int_cell(row, 5); position > 0) {
        e->key_columns.emplace_back(position, c.name);
      }
      e->table.columns.push_back(std::move(c));
    }
  }

  // Index parts, one row per key column. Indexes backing a UNIQUE constraint become unique
  // constraints; the primary key's own index is left out.
  void read_indexes() {
    const QueryResult result = connection_.query(
        "SELECT m.name, il.name, il.\"unique\", il.origin, il.partial, ix.seqno, ix.cid, "
        "ix.name, ix.\"desc\" FROM sqlite_schema m JOIN pragma_index_list(m.name) il "
        "JOIN pragma_index_xinfo(il.name) ix WHERE m.type = 'table' AND ix.key = 1 "
        "ORDER BY m.rowid, il.name, ix.seqno");
    std::map<std::pair<std::string, std::string>, Index> indexes;  // (table, index)
    std::map<std::pair<std::string, std::string>, std::string> origins;
    for (const Row& row : result.rows) {
      const std::string& table = cell(row, 0);
      if (!entry(table)) continue;
      const auto key = std::pair{fold(table), cell(row, 1)};
      Index& index = indexes[key];
      origins[key] = cell(row, 3);
      index.name = cell(row, 1);
      index.unique = int_cell(row, 2) == 1;
      IndexPart part;
      part.descending = int_cell(row, 8) == 1;
      const int cid = int_cell(row, 6);
      if (cid >= 0) {
        part.column = cell(row, 7);
      } else if (cid == -1) {
        part.column = "rowid";
      } else {
        part.expression = "?";  // filled from the CREATE INDEX text below
      }
      index.parts.push_back(std::move(part));
    }
    std::vector<std::tuple<std::size_t, std::string, Index>> created;  // creation order
    for (auto& [key, index] : indexes) {
      Entry* e = entry(key.first);
      const std::string& origin = origins[key];
      if (origin == "u") {
        std::vector<std::string> columns;
        for (const auto& p : index.parts) columns.push_back(p.column);
        e->table.uniques.push_back({{}, std::move(columns)});
      } else if (origin == "c") {
        const auto sql = index_sql_.find(fold(index.name));
        std::size_t order = 0;
        if (sql != index_sql_.end()) {
          order = sql->second.order;
          const ParsedIndex parsed = parse_create_index(sql->second.sql);
          index.where = parsed.where;
          for (std::size_t i = 0; i < index.parts.size() && i < parsed.parts.size(); ++i) {
            if (index.parts[i].is_expression())
              index.parts[i].expression = parsed.parts[i].expression;
          }
        }
        created.emplace_back(order, key.first, std::move(index));
      }
    }
    std::sort(created.begin(), created.end(),
              [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
    for (auto& [order, table, index] : created)
      entry(table)->table.indexes.push_back(std::move(index));
  }

  void read_foreign_keys() {
    const QueryResult result = connection_.query(
        "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete "
        "FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f "
        "WHERE m.type = 'table' ORDER BY m.rowid, f.id, f.seq");
    std::map<std::pair<std::string, int>, ForeignKey> keys;  // (table, id)
    for (const Row& row : result.rows) {
      if (!entry(cell(row, 0))) continue;
      ForeignKey& fk = keys[{fold(cell(row, 0)), int_cell(row, 1)}];
      fk.referenced_table = QualifiedName(cell(row, 2));
      fk.columns.push_back(cell(row, 3));
      if (row.at(4)) fk.referenced_columns.push_back(*row[4]);
      fk.on_update =
          referential_action_from_string(cell(row, 5)).value_or(ReferentialAction::no_action);
      fk.on_delete =
          referential_action_from_string(cell(row, 6)).value_or(ReferentialAction::no_action);
    }
    // SQLite lists a table's foreign keys last declared first: keep declaration order.
    for (auto it = keys.rbegin(); it != keys.rend(); ++it) {
      foreign_keys_[it->first.first].push_back(std::move(it->second));
    }
  }

  // Names, checks and declaration order from the parsed CREATE TABLE.
  static void finish_primary_key(Entry& e) {
    if (e.key_columns.empty()) return;
    std::sort(e.key_columns.begin(), e.key_columns.end());
    PrimaryKey key;
    if (e.parsed.primary_key) key.name = e.parsed.primary_key->name;
    for (auto& [position, column] : e.key_columns) key.columns.push_back(column);
    e.table.primary_key = std::move(key);
  }

  void finish(Entry& e) {
    Table& t = e.table;
    for (auto& c : t.columns) {
      if (c.identity) c.default_value.reset();
      // A lone primary-key column declared exactly INTEGER is the rowid alias: keeping the
      // declaration keeps that (a rebuild or dump as BIGINT would stop it assigning ids).
      if (!c.identity && t.primary_key && t.primary_key->columns.size() == 1 &&
          t.primary_key->columns.front() == c.name &&
          std::find(e.declared_integer.begin(), e.declared_integer.end(), c.name) !=
              e.declared_integer.end()) {
        c.type.store_type = "INTEGER";
      }
    }
    t.uniques = in_declared_order(std::move(t.uniques), e.parsed.uniques,
                                  [](const UniqueConstraint& a, const UniqueConstraint& b) {
                                    return same_names(a.columns, b.columns);
                                  });
    t.checks = e.parsed.checks;
    t.foreign_keys =
        in_declared_order(std::move(foreign_keys_[fold(t.name.name)]), e.parsed.foreign_keys,
                          [](const ForeignKey& a, const ForeignKey& b) {
                            return same_names(a.columns, b.columns) &&
                                   fold(a.referenced_table.name) == fold(b.referenced_table.name);
                          });
    for (auto& fk : t.foreign_keys) {
      // "REFERENCES parent" without columns means the parent's primary key.
      if (fk.referenced_columns.empty()) {
        if (const Entry* parent = entry(fk.referenced_table.name);
            parent && parent->table.primary_key) {
          fk.referenced_columns = parent->table.primary_key->columns;
        }
      }
    }
  }

  static bool same_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    return std::equal(
        a.begin(), a.end(), b.begin(), b.end(),
        [](const std::string& x, const std::string& y) { return fold(x) == fold(y); });
  }

  // `read` (from the pragmas) reordered as `declared` (parsed) lists them, each taking the
  // declared one's name; those the text did not show follow, unnamed.
  template <typename T, typename Same>
  static std::vector<T> in_declared_order(std::vector<T> read, const std::vector<T>& declared,
                                          Same same) {
    std::vector<T> out;
    std::vector<bool> used(read.size(), false);
    for (const T& d : declared) {
      for (std::size_t i = 0; i < read.size(); ++i) {
        if (used[i] || !same(read[i], d)) continue;
        used[i] = true;
        out.push_back(std::move(read[i]));
        out.back().name = d.name;
        break;
      }
    }
    for (std::size_t i = 0; i < read.size(); ++i) {
      if (!used[i]) out.push_back(std::move(read[i]));
    }
    return out;
  }

  struct IndexSql {
    std::string table;
    std::string sql;
    std::size_t order;
  };

  Connection& connection_;
  const ReadOptions& options_;
  std::vector<Entry> entries_;
  std::map<std::string, std::size_t> by_name_;  // folded table name -> entries_ index
  std::map<std::string, IndexSql> index_sql_;   // folded index name
  std::size_t index_order_ = 0;
  std::vector<std::pair<std::string, Trigger>> triggers_;
  std::map<std::string, std::vector<ForeignKey>> foreign_keys_;  // folded table name
};

}  // namespace

Schema read_schema(Connection& connection, const ReadOptions& options) {
  for (const auto& schema : options.schemas) {
    if (!is_main(schema)) {
      throw Error(ErrorCode::unsupported_operation,
                  fmt::format("sqlite cannot read schema {}: SQLite has no schemas, only the "
                              "\"main\" database is read",
                              schema),
                  "leave ReadOptions::schemas empty (or list only \"main\")");
    }
  }
  return Reader(connection, options).read();
}

}  // namespace migcmd::sqlite
