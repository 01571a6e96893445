// Provider::read_schema for PostgreSQL: one pg_catalog query per kind of object (schemas, tables,
// columns, constraints, index parts) for all selected tables at once, assembled here.
//
// What the model cannot hold is left out or flattened: index access methods other than btree,
// operator classes, per-part collations, NULLS FIRST/LAST and INCLUDE columns; exclusion
// constraints and their indexes; generated columns' expressions; partitions (only the parent is
// read). A check such as "score BETWEEN 1 AND 5" comes back as the server rewrote it,
// "score >= 1 AND score <= 5": the catalog no longer knows how it was written.

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "postgres_quoting.hpp"
#include "postgres_reader.hpp"

namespace migcmd::postgres {
namespace {

const std::string& cell(const Row& row, std::size_t i) {
  static const std::string empty;
  return i < row.size() && row[i] ? *row[i] : empty;
}

bool is_null(const Row& row, std::size_t i) {
  return i >= row.size() || !row[i];
}

bool flag(const Row& row, std::size_t i) {
  return cell(row, i) == "t";
}

ReferentialAction action_from_code(const std::string& code) {
  if (code == "r") return ReferentialAction::restrict;
  if (code == "c") return ReferentialAction::cascade;
  if (code == "n") return ReferentialAction::set_null;
  if (code == "d") return ReferentialAction::set_default;
  return ReferentialAction::no_action;
}

// Which schemas are read and how their tables are named.
class Scope {
 public:
  Scope(std::string current, std::vector<std::string> listed)
      : current_(std::move(current)), listed_(std::move(listed)) {}

  // The schemas whose tables are read: the listed ones, else the default one.
  [[nodiscard]] std::vector<std::string> schemas() const {
    if (!listed_.empty()) return listed_;
    if (current_.empty()) return {};
    return {current_};
  }

  // A table's model name: tables of a listed schema carry it; the default schema's tables
  // otherwise (also as the target of a foreign key) have an empty schema.
  [[nodiscard]] QualifiedName name(const std::string& schema, const std::string& table) const {
    const bool listed = std::find(listed_.begin(), listed_.end(), schema) != listed_.end();
    if (!listed && schema == current_) return QualifiedName(table);
    return {schema, table};
  }

  // Whether `wanted` (an empty schema meaning the default one) names schema.table.
  [[nodiscard]] bool matches(const QualifiedName& wanted, const std::string& schema,
                             const std::string& table) const {
    return wanted.name == table &&
           (wanted.schema.empty() ? schema == current_ : wanted.schema == schema);
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
  std::string current_;
  std::vector<std::string> listed_;
};

// ARRAY['a','b']::text[] of the schemas to read.
std::string schema_array(const std::vector<std::string>& schemas) {
  std::vector<std::string> items;
  for (const auto& s : schemas) items.push_back(string_literal(s));
  return fmt::format("ARRAY[{}]::text[]", fmt::join(items, ", "));
}

// The relations read: ordinary and partitioned tables of the selected schemas, not partitions.
std::string tables_cte(const std::string& schemas) {
  return fmt::format(
      "WITH t AS (SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c "
      "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY({})) ",
      schemas);
}

struct Reader {
  Connection& connection;
  const ReadOptions& options;
  Scope scope{{}, {}};
  Schema schema;
  std::unordered_map<std::string, std::size_t> table_of_oid;     // pg_class oid -> schema.tables
  std::vector<std::map<std::string, std::string>> column_types;  // per table: name -> type

  Table* table(const std::string& oid) {
    const auto found = table_of_oid.find(oid);
    return found == table_of_oid.end() ? nullptr : &schema.tables[found->second];
  }

  // The default schema and which listed schemas exist, in one query.
  void read_scope() {
    const QueryResult result =
        connection.query(fmt::format("SELECT current_schema(), n.nspname FROM (SELECT 1) AS one "
                                     "LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ANY({})",
                                     schema_array(options.schemas)));
    const std::string current = result.rows.empty() ? std::string{} : cell(result.rows[0], 0);
    scope = Scope(current, options.schemas);
    std::set<std::string> existing;
    for (const auto& row : result.rows) existing.insert(cell(row, 1));
    // Listed schemas other than the default one are the model's namespaces, in the given order.
    for (const auto& s : options.schemas) {
      if (s != current && existing.count(s)) schema.namespaces.push_back(s);
    }
  }

  void read_tables(const std::string& schemas) {
    const QueryResult result =
        connection.query(tables_cte(schemas) +
                         "SELECT t.oid, t.nspname, t.relname, d.description FROM t "
                         "LEFT JOIN pg_catalog.pg_description d ON d.objoid = t.oid "
                         "AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0 "
                         "ORDER BY t.oid");
    for (const auto& row : result.rows) {
      if (scope.excluded(options, cell(row, 1), cell(row, 2))) continue;
      Table t;
      t.name = scope.name(cell(row, 1), cell(row, 2));
      t.comment = cell(row, 3);
      table_of_oid[cell(row, 0)] = schema.tables.size();
      schema.tables.push_back(std::move(t));
    }
    column_types.resize(schema.tables.size());
  }

  void read_columns(const std::string& schemas) {
    const QueryResult result = connection.query(
        tables_cte(schemas) +
        "SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), "
        "a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true), a.attidentity, "
        "a.attgenerated, CASE WHEN a.attcollation <> ty.typcollation THEN co.collname END, "
        "d.description FROM pg_catalog.pg_attribute a JOIN t ON t.oid = a.attrelid "
        "JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid "
        "LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
        "LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation "
        "LEFT JOIN pg_catalog.pg_description d ON d.objoid = a.attrelid "
        "AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum "
        "WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum");
    for (const auto& row : result.rows) {
      Table* t = table(cell(row, 0));
      if (!t) continue;
      Column c;
      c.name = cell(row, 1);
      c.type = type_from_catalog(cell(row, 2));
      c.nullable = !flag(row, 3);
      c.identity = !cell(row, 5).empty();
      // A generated column's pg_attrdef entry is its expression, not a default.
      if (!is_null(row, 4) && !c.identity && cell(row, 6).empty()) {
        c.default_value = default_from_catalog(cell(row, 4));
      }
      c.collation = cell(row, 7);
      c.comment = cell(row, 8);
      column_types[table_of_oid[cell(row, 0)]][c.name] = cell(row, 2);
      t->columns.push_back(std::move(c));
    }
  }

  // One row per constraint column (or one with NULL columns for a check on none).
  void read_constraints(const std::string& schemas) {
    const QueryResult result = connection.query(
        tables_cte(schemas) +
        "SELECT con.conrelid, con.oid, con.conname, con.contype, a.attname, fa.attname, "
        "fn.nspname, fc.relname, con.confdeltype, con.confupdtype, "
        "pg_catalog.pg_get_expr(con.conbin, con.conrelid, true) "
        "FROM pg_catalog.pg_constraint con JOIN t ON t.oid = con.conrelid "
        "LEFT JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY "
        "AS k(attnum, fattnum, pos) ON true "
        "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum "
        "LEFT JOIN pg_catalog.pg_attribute fa ON fa.attrelid = con.confrelid "
        "AND fa.attnum = k.fattnum "
        "LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid "
        "LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace "
        "WHERE con.contype IN ('p', 'u', 'c', 'f') ORDER BY con.conrelid, con.oid, k.pos");
    std::string last_oid;
    for (const auto& row : result.rows) {
      Table* t = table(cell(row, 0));
      if (!t) continue;
      const bool first = cell(row, 1) != last_oid;
      last_oid = cell(row, 1);
      const std::string& kind = cell(row, 3);
      const std::string& column = cell(row, 4);
      if (kind == "p") {
        if (first) t->primary_key = PrimaryKey{cell(row, 2), {}};
        t->primary_key->columns.push_back(column);
      } else if (kind == "u") {
        if (first) t->uniques.push_back({cell(row, 2), {}});
        t->uniques.back().columns.push_back(column);
      } else if (kind == "c") {
        if (first) {
          t->checks.push_back(
              {cell(row, 2),
               normalise_expression(cell(row, 10), column_types[table_of_oid[cell(row, 0)]])});
        }
      } else if (kind == "f") {
        if (first) {
          ForeignKey fk;
          fk.name = cell(row, 2);
          fk.referenced_table = scope.name(cell(row, 6), cell(row, 7));
          fk.on_delete = action_from_code(cell(row, 8));
          fk.on_update = action_from_code(cell(row, 9));
          t->foreign_keys.push_back(std::move(fk));
        }
        t->foreign_keys.back().columns.push_back(column);
        t->foreign_keys.back().referenced_columns.push_back(cell(row, 5));
      }
    }
  }

  // One row per key part of each index that does not back a primary key, unique or exclusion
  // constraint.
  void read_indexes(const std::string& schemas) {
    const QueryResult result =
        connection.query(tables_cte(schemas) +
                         "SELECT i.indrelid, i.indexrelid, ic.relname, i.indisunique, "
                         "pg_catalog.pg_get_expr(i.indpred, i.indrelid, true), a.attname, "
                         "pg_catalog.pg_get_indexdef(i.indexrelid, k.pos, true), "
                         "(i.indoption[k.pos - 1] & 1) = 1 "
                         "FROM pg_catalog.pg_index i JOIN t ON t.oid = i.indrelid "
                         "JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
                         "CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(pos) "
                         "LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid "
                         "AND a.attnum = i.indkey[k.pos - 1] AND i.indkey[k.pos - 1] <> 0 "
                         "WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con "
                         "WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid "
                         "AND con.contype IN ('p', 'u', 'x')) "
                         "ORDER BY i.indrelid, i.indexrelid, k.pos");
    std::string last_oid;
    for (const auto& row : result.rows) {
      Table* t = table(cell(row, 0));
      if (!t) continue;
      const auto& types = column_types[table_of_oid[cell(row, 0)]];
      if (cell(row, 1) != last_oid) {
        Index index;
        index.name = cell(row, 2);
        index.unique = flag(row, 3);
        if (!is_null(row, 4)) index.where = normalise_expression(cell(row, 4), types);
        t->indexes.push_back(std::move(index));
      }
      last_oid = cell(row, 1);
      IndexPart part;
      if (!is_null(row, 5)) {
        part.column = cell(row, 5);
      } else {
        part.expression = normalise_expression(cell(row, 6), types);
      }
      part.descending = flag(row, 7);
      t->indexes.back().parts.push_back(std::move(part));
    }
  }
};

}  // namespace

Schema read_schema(Connection& connection, const ReadOptions& options) {
  Reader reader{connection, options};
  reader.read_scope();
  const std::string schemas = schema_array(reader.scope.schemas());
  reader.read_tables(schemas);
  reader.read_columns(schemas);
  reader.read_constraints(schemas);
  reader.read_indexes(schemas);
  return std::move(reader.schema);
}

}  // namespace migcmd::postgres
