#include "convergence/pair_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace migcmd::convergence {
namespace {

[[noreturn]] void missing(const std::string& what) {
  throw std::logic_error("convergence pair edits a missing " + what);
}

template <typename T>
T& named(std::vector<T>& items, const std::string& name, const std::string& what) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.name == name; });
  if (it == items.end()) missing(what + " " + name);
  return *it;
}

// The renames of the way back: tables new -> old, columns keyed by the table's old name.
std::map<std::string, std::string> reversed(const std::map<std::string, std::string>& renames) {
  std::map<std::string, std::string> tables_back, out;
  for (const auto& [from, to] : renames) {
    if (from.find('.') == std::string::npos) tables_back[to] = from;
  }
  for (const auto& [from, to] : renames) {
    const auto dot = from.find('.');
    if (dot == std::string::npos) {
      out[to] = from;
      continue;
    }
    std::string table_name = from.substr(0, dot);
    if (auto it = tables_back.find(table_name); it != tables_back.end()) table_name = it->second;
    out[table_name + "." + to] = from.substr(dot + 1);
  }
  return out;
}

}  // namespace

SchemaPair& PairList::add(const std::string& base_name, const Schema& base, const std::string& name,
                          std::vector<std::string> kinds, const Edit& edit) {
  SchemaPair pair;
  pair.name = base_name + "/" + name;
  pair.kinds = std::move(kinds);
  pair.current = base;
  pair.desired = base;
  edit(pair.desired);
  for (const auto& existing : pairs_) {
    if (existing.name == pair.name) throw std::logic_error("duplicate pair name " + pair.name);
  }
  pairs_.push_back(std::move(pair));
  return pairs_.back();
}

void PairList::both(const std::string& base_name, const Schema& base, const std::string& name,
                    std::vector<std::string> kinds, std::vector<std::string> reverse_kinds,
                    const Edit& edit, std::map<std::string, std::string> renames,
                    std::map<std::string, std::vector<Value>> values) {
  SchemaPair& forward = add(base_name, base, name, std::move(kinds), edit);
  forward.renames = renames;
  forward.values = values;
  SchemaPair back;
  back.name = forward.name + "~reverse";
  back.kinds = std::move(reverse_kinds);
  back.current = forward.desired;
  back.desired = forward.current;
  back.renames = reversed(renames);
  // Seed values are keyed by the table and column names of the pair's current schema.
  for (const auto& [key, column_values] : values) {
    const auto dot = key.find('.');
    std::string table_name = key.substr(0, dot), column_name = key.substr(dot + 1);
    if (auto t = renames.find(table_name); t != renames.end()) table_name = t->second;
    if (auto c = renames.find(table_name + "." + column_name); c != renames.end()) {
      column_name = c->second;
    }
    back.values[table_name + "." + column_name] = column_values;
  }
  pairs_.push_back(std::move(back));
}

Table& table(Schema& schema, const QualifiedName& name) {
  Table* t = schema.find_table(name);
  if (!t) missing("table " + to_string(name));
  return *t;
}

Column& column(Schema& schema, const QualifiedName& table_name, const std::string& name) {
  Column* c = table(schema, table_name).find_column(name);
  if (!c) missing(fmt::format("column {}.{}", to_string(table_name), name));
  return *c;
}

void drop_table(Schema& schema, const QualifiedName& name) {
  (void)table(schema, name);
  std::erase_if(schema.tables, [&](const Table& t) { return t.name == name; });
}

void drop_column(Schema& schema, const QualifiedName& table_name, const std::string& name) {
  (void)column(schema, table_name, name);
  std::erase_if(table(schema, table_name).columns, [&](const Column& c) { return c.name == name; });
}

void rename_table(Schema& schema, const QualifiedName& name, const std::string& new_name) {
  Table& t = table(schema, name);
  const QualifiedName renamed{name.schema, new_name};
  for (auto& other : schema.tables) {
    for (auto& key : other.foreign_keys) {
      if (key.referenced_table == name) key.referenced_table = renamed;
    }
  }
  t.name = renamed;
}

void rename_column(Schema& schema, const QualifiedName& table_name, const std::string& name,
                   const std::string& new_name) {
  column(schema, table_name, name).name = new_name;
  Table& t = table(schema, table_name);
  auto rename_in = [&](std::vector<std::string>& columns) {
    std::replace(columns.begin(), columns.end(), name, new_name);
  };
  if (t.primary_key) rename_in(t.primary_key->columns);
  for (auto& u : t.uniques) rename_in(u.columns);
  for (auto& key : t.foreign_keys) rename_in(key.columns);
  for (auto& ix : t.indexes) {
    for (auto& p : ix.parts) {
      if (p.column == name) p.column = new_name;
    }
  }
  for (auto& other : schema.tables) {
    for (auto& key : other.foreign_keys) {
      if (key.referenced_table == table_name) rename_in(key.referenced_columns);
    }
  }
}

Index& index(Schema& schema, const QualifiedName& table_name, const std::string& name) {
  return named(table(schema, table_name).indexes, name, "index");
}

ForeignKey& foreign_key(Schema& schema, const QualifiedName& table_name, const std::string& name) {
  return named(table(schema, table_name).foreign_keys, name, "foreign key");
}

CheckConstraint& check(Schema& schema, const QualifiedName& table_name, const std::string& name) {
  return named(table(schema, table_name).checks, name, "check");
}

UniqueConstraint& unique(Schema& schema, const QualifiedName& table_name, const std::string& name) {
  return named(table(schema, table_name).uniques, name, "unique constraint");
}

void drop_named(Schema& schema, const QualifiedName& table_name, const std::string& name) {
  Table& t = table(schema, table_name);
  auto is = [&](const auto& x) { return x.name == name; };
  const std::size_t erased = std::erase_if(t.uniques, is) + std::erase_if(t.checks, is) +
                             std::erase_if(t.foreign_keys, is) + std::erase_if(t.indexes, is);
  if (erased != 1) missing(fmt::format("constraint or index {} of {}", name, to_string(t.name)));
}

Column col(std::string name, Type type, bool nullable) {
  return Column{std::move(name), std::move(type), nullable};
}

Column col_default(std::string name, Type type, bool nullable, ColumnDefault value) {
  Column c{std::move(name), std::move(type), nullable};
  c.default_value = std::move(value);
  return c;
}

IndexPart part(std::string column, bool descending) {
  return IndexPart{std::move(column), "", descending};
}

IndexPart expression_part(std::string expression, bool descending) {
  return IndexPart{"", std::move(expression), descending};
}

ForeignKey fk(std::string name, std::vector<std::string> columns, QualifiedName target,
              std::vector<std::string> target_columns, ReferentialAction on_delete,
              ReferentialAction on_update) {
  return ForeignKey{std::move(name),           std::move(columns), std::move(target),
                    std::move(target_columns), on_delete,          on_update};
}

}  // namespace migcmd::convergence
