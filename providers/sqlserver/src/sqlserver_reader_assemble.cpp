// Catalog rows into the model. Pure: no connection, so it is tested on recorded rows.

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "sqlserver_reader.hpp"
#include "sqlserver_reader_expression.hpp"
#include "sqlserver_reader_mapping.hpp"

namespace migcmd::sqlserver {
namespace {

bool flag(const std::string& cell) {
  return cell == "1";
}

int number(const std::string& cell) {
  int n = 0;
  std::from_chars(cell.data(), cell.data() + cell.size(), n);
  return n;
}

// "SET_NULL" (sys.foreign_keys' *_referential_action_desc) -> set_null.
ReferentialAction action_from_desc(std::string desc) {
  std::replace(desc.begin(), desc.end(), '_', ' ');
  return referential_action_from_string(desc).value_or(ReferentialAction::no_action);
}

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.name < b.name; });
}

// Which schemas are read and how their tables are named.
class Scope {
 public:
  Scope(std::string current, std::vector<std::string> listed)
      : current_(std::move(current)), listed_(std::move(listed)) {}

  // A table's model name: tables of a listed schema carry it; the default schema's tables
  // otherwise (also as the target of a foreign key) have an empty schema.
  [[nodiscard]] QualifiedName name(const std::string& schema, const std::string& table) const {
    const bool listed = std::find(listed_.begin(), listed_.end(), schema) != listed_.end();
    if (!listed && schema == current_) return QualifiedName(table);
    return {schema, table};
  }

  [[nodiscard]] bool excluded(const ReadOptions& options, const std::string& schema,
                              const std::string& table) const {
    const QualifiedName& history = options.history_table;
    if (matches(history, schema, table) ||
        matches({history.schema, history.name + "_lock"}, schema, table)) {
      return true;
    }
    return std::any_of(options.exclude.begin(), options.exclude.end(),
                       [&](const QualifiedName& q) { return matches(q, schema, table); });
  }

 private:
  // Whether `wanted` (an empty schema meaning the default one) names schema.table.
  [[nodiscard]] bool matches(const QualifiedName& wanted, const std::string& schema,
                             const std::string& table) const {
    return wanted.name == table &&
           (wanted.schema.empty() ? schema == current_ : wanted.schema == schema);
  }

  std::string current_;
  std::vector<std::string> listed_;
};

class Assembler {
 public:
  Assembler(const CatalogRows& rows, const ReadOptions& options)
      : rows_(rows),
        options_(options),
        scope_(rows.scope.empty() ? std::string() : rows.scope.front().default_schema,
               options.schemas) {
    if (!rows.scope.empty()) collation_ = rows.scope.front().database_collation;
  }

  Schema run() {
    namespaces();
    tables();
    columns();
    keys();
    indexes();
    foreign_keys();
    checks();
    std::sort(schema_.tables.begin(), schema_.tables.end(),
              [](const Table& a, const Table& b) { return a.name < b.name; });
    for (auto& t : schema_.tables) {
      sort_by_name(t.uniques);
      sort_by_name(t.checks);
      sort_by_name(t.foreign_keys);
      sort_by_name(t.indexes);
    }
    return std::move(schema_);
  }

 private:
  Table* table(const std::string& object_id) {
    const auto found = tables_.find(object_id);
    return found == tables_.end() ? nullptr : &schema_.tables[found->second];
  }

  // Listed schemas other than the default one are the model's namespaces, in the given order.
  void namespaces() {
    std::set<std::string> existing;
    for (const auto& row : rows_.scope) {
      if (row.schema) existing.insert(*row.schema);
    }
    const std::string current = rows_.scope.empty() ? std::string() : rows_.scope[0].default_schema;
    for (const auto& s : options_.schemas) {
      if (s != current && existing.count(s)) schema_.namespaces.push_back(s);
    }
  }

  void tables() {
    for (const auto& row : rows_.tables) {
      if (scope_.excluded(options_, row.schema, row.name)) continue;
      Table t;
      t.name = scope_.name(row.schema, row.name);
      t.comment = row.comment.value_or("");
      tables_[row.object_id] = schema_.tables.size();
      schema_.tables.push_back(std::move(t));
    }
  }

  void columns() {
    for (const auto& row : rows_.columns) {
      Table* t = table(row.object_id);
      if (!t) continue;
      Column c;
      c.name = row.name;
      c.type =
          type_from_catalog({row.type_name, row.type_schema.value_or(""), number(row.max_length),
                             number(row.precision), number(row.scale)});
      c.nullable = flag(row.is_nullable);
      c.identity = flag(row.is_identity);
      // A computed column has no default; its expression is not the model's.
      if (row.default_definition && !flag(row.is_computed)) {
        c.default_value = default_from_catalog(*row.default_definition, c.type);
      }
      if (row.collation && !row.collation->empty() && *row.collation != collation_) {
        c.collation = *row.collation;
      }
      c.comment = row.comment.value_or("");
      t->columns.push_back(std::move(c));
    }
  }

  void keys() {
    for (const auto& row : rows_.keys) {
      Table* t = table(row.object_id);
      if (!t) continue;
      if (row.type.rfind("PK", 0) == 0) {
        if (!t->primary_key) t->primary_key = PrimaryKey{row.name, {}};
        t->primary_key->columns.push_back(row.column);
        continue;
      }
      auto u = std::find_if(t->uniques.begin(), t->uniques.end(),
                            [&](const UniqueConstraint& x) { return x.name == row.name; });
      if (u == t->uniques.end()) u = t->uniques.insert(u, UniqueConstraint{row.name, {}});
      u->columns.push_back(row.column);
    }
  }

  void indexes() {
    // (object_id, index_id) -> position in the table's indexes; std::nullopt: not the model's.
    std::map<std::pair<std::string, std::string>, std::optional<std::size_t>> seen;
    for (const auto& row : rows_.indexes) {
      Table* t = table(row.object_id);
      if (!t) continue;
      auto it = seen.find({row.object_id, row.index_id});
      if (it == seen.end()) {
        std::optional<std::size_t> position;
        if (row.type_desc == "CLUSTERED" || row.type_desc == "NONCLUSTERED") {
          Index index;
          index.name = row.name;
          index.unique = flag(row.is_unique);
          if (row.filter_definition) index.where = normalise_expression(*row.filter_definition);
          position = t->indexes.size();
          t->indexes.push_back(std::move(index));
        }
        it = seen.emplace(std::pair{row.object_id, row.index_id}, position).first;
      }
      if (!it->second || flag(row.is_included_column)) continue;
      t->indexes[*it->second].parts.push_back(
          IndexPart{row.column, "", flag(row.is_descending_key)});
    }
  }

  void foreign_keys() {
    for (const auto& row : rows_.foreign_keys) {
      Table* t = table(row.object_id);
      if (!t) continue;
      auto fk = std::find_if(t->foreign_keys.begin(), t->foreign_keys.end(),
                             [&](const ForeignKey& k) { return k.name == row.name; });
      if (fk == t->foreign_keys.end()) {
        ForeignKey key;
        key.name = row.name;
        key.referenced_table = scope_.name(row.referenced_schema, row.referenced_table);
        key.on_delete = action_from_desc(row.delete_action);
        key.on_update = action_from_desc(row.update_action);
        fk = t->foreign_keys.insert(fk, std::move(key));
      }
      fk->columns.push_back(row.column);
      fk->referenced_columns.push_back(row.referenced_column);
    }
  }

  void checks() {
    for (const auto& row : rows_.checks) {
      if (Table* t = table(row.object_id)) {
        t->checks.push_back({row.name, normalise_expression(row.definition)});
      }
    }
  }

  const CatalogRows& rows_;
  const ReadOptions& options_;
  Scope scope_;
  std::string collation_;
  Schema schema_;
  std::unordered_map<std::string, std::size_t> tables_;  // object_id -> schema_.tables
};

}  // namespace

Schema assemble_schema(const CatalogRows& rows, const ReadOptions& options) {
  return Assembler(rows, options).run();
}

}  // namespace migcmd::sqlserver
