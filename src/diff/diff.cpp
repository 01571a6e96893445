// Schema x Schema -> operations, in phases that are safe to run in order:
//   renames asked for; drops of foreign keys, then indexes and constraints, then columns, then
//   tables; new schemas and tables (without their foreign keys), new columns, altered columns,
//   new indexes and constraints, and last every new foreign key. Table comments change with the
//   altered columns.

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "migcmd/apply_operation.hpp"
#include "migcmd/diff.hpp"
#include "migcmd/error.hpp"

namespace migcmd {
namespace {

struct Phases {
  OperationList renames, drop_keys, drop_constraints, drop_columns, drop_tables, create_schemas,
      create_tables, add_columns, alter_columns, add_constraints, add_keys;

  [[nodiscard]] OperationList joined() const {
    OperationList out;
    for (const auto* phase :
         {&renames, &drop_keys, &drop_constraints, &drop_columns, &drop_tables, &create_schemas,
          &create_tables, &add_columns, &alter_columns, &add_constraints, &add_keys}) {
      out.insert(out.end(), phase->begin(), phase->end());
    }
    return out;
  }
};

// SQL text without the whitespace that cannot matter: a run of it counts as one space, and none
// next to a comma or a parenthesis (MariaDB gives "IN (1, 2)" back as "IN (1,2)"). String
// literals and quoted names keep theirs.
std::string squeeze(std::string_view sql) {
  std::string out;
  bool space = false;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      out.push_back(c);
      if (c == quote) quote = 0;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    // `space` is set only after some output.
    if (space && c != ',' && c != '(' && c != ')' && out.back() != ',' && out.back() != '(') {
      out.push_back(' ');
    }
    space = false;
    if (c == '\'' || c == '"' || c == '`') quote = c;
    out.push_back(c);
  }
  return out;
}

// The expression without parentheses around the whole of it: a default written (1 + 2) is the
// default 1 + 2 (SQLite keeps it without them, PostgreSQL adds them).
std::string_view unwrapped(std::string_view sql) {
  for (;;) {
    while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front())))
      sql.remove_prefix(1);
    while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.back())))
      sql.remove_suffix(1);
    if (sql.size() < 2 || sql.front() != '(' || sql.back() != ')') return sql;
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
      const char c = sql[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0 && i + 1 != sql.size()) {
        return sql;  // "(a) + (b)": the first parenthesis closes before the end
      }
    }
    if (depth != 0 || quote) return sql;
    sql = sql.substr(1, sql.size() - 2);
  }
}

// Type names are case-insensitive in every database (a raw "VARCHAR(7)" reads back as
// "varchar(7)"); quoted parts (ENUM('a','B') values) are not, and are kept as written.
std::string type_key(std::string_view sql) {
  std::string out;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    out.push_back(quoted ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

class Differ {
 public:
  explicit Differ(const DiffOptions& options) : options_(options) {}

  bool same_type(const Type& a, const Type& b) const {
    if (a == b) return true;
    if (!options_.dialect) return false;
    try {
      return type_key(options_.dialect->type_sql(a)) == type_key(options_.dialect->type_sql(b));
    } catch (const Error&) {
      return false;
    }
  }

  bool same_default(const std::optional<ColumnDefault>& a,
                    const std::optional<ColumnDefault>& b) const {
    if (a.has_value() != b.has_value()) return false;
    if (!a || *a == *b) return true;
    auto text = [&](const ColumnDefault& d) {
      if (const auto* e = std::get_if<SqlExpression>(&d)) return squeeze(unwrapped(e->sql));
      if (!options_.dialect) return describe(std::get<Value>(d));
      return options_.dialect->literal(std::get<Value>(d));
    };
    return text(*a) == text(*b);
  }

  // A database without comments reads none back: a model's comments are no change there.
  bool compares_comments() const {
    return !options_.dialect || options_.dialect->capabilities().comments;
  }

  void columns(const Table& from, const Table& to, Phases& p,
               std::vector<RenameCandidate>& renames) const {
    std::vector<const Column*> dropped, added;
    for (const auto& c : from.columns) {
      if (!to.find_column(c.name)) dropped.push_back(&c);
    }
    for (const auto& c : to.columns) {
      const Column* before = from.find_column(c.name);
      if (!before) {
        added.push_back(&c);
        continue;
      }
      ColumnChange change;
      if (!same_type(before->type, c.type)) change.type = c.type;
      if (before->nullable != c.nullable) change.nullable = c.nullable;
      if (!same_default(before->default_value, c.default_value))
        change.default_value = c.default_value;
      if (before->identity != c.identity) change.identity = c.identity;
      if (before->collation != c.collation) change.collation = c.collation;
      if (compares_comments() && before->comment != c.comment) change.comment = c.comment;
      if (!change.empty()) p.alter_columns.push_back(AlterColumn{to.name, c.name, change, *before});
    }
    for (const Column* c : dropped) {
      p.drop_columns.push_back(DropColumn{from.name, c->name, *c});
      for (const Column* a : added) {
        if (same_type(c->type, a->type)) {
          renames.push_back(
              {"column", fmt::format("{}.{}", to_string(to.name), c->name),
               fmt::format("{}.{}", to_string(to.name), a->name),
               fmt::format("--rename {}.{}={}", to_string(to.name), c->name, a->name)});
        }
      }
    }
    for (const Column* c : added) p.add_columns.push_back(AddColumn{to.name, *c});
  }

  template <typename T, typename Same, typename Drop, typename Add>
  void named_parts(const std::vector<T>& from, const std::vector<T>& to, Same same, Drop drop,
                   Add add) const {
    // Unnamed parts (the database names them) are matched by content.
    auto find = [&](const std::vector<T>& in, const T& item) -> const T* {
      for (const auto& x : in) {
        if (!item.name.empty() && !x.name.empty() ? x.name == item.name : same(x, item)) return &x;
      }
      return nullptr;
    };
    for (const auto& x : from) {
      const T* match = find(to, x);
      if (!match || !same(x, *match)) drop(x);
    }
    for (const auto& x : to) {
      const T* match = find(from, x);
      if (!match || !same(*match, x)) add(x);
    }
  }

  void table(const Table& from, const Table& to, Phases& p,
             std::vector<RenameCandidate>& renames) const {
    const QualifiedName& name = to.name;
    columns(from, to, p, renames);
    if (compares_comments() && from.comment != to.comment) {
      p.alter_columns.push_back(SetTableComment{name, to.comment, from.comment});
    }

    const bool pk_same =
        from.primary_key.has_value() == to.primary_key.has_value() &&
        (!from.primary_key || from.primary_key->columns == to.primary_key->columns);
    if (!pk_same) {
      if (from.primary_key) {
        p.drop_constraints.push_back(
            DropPrimaryKey{name, from.primary_key->name, *from.primary_key});
      }
      if (to.primary_key) p.add_constraints.push_back(AddPrimaryKey{name, *to.primary_key});
    }
    named_parts(
        from.uniques, to.uniques,
        [](const UniqueConstraint& a, const UniqueConstraint& b) { return a.columns == b.columns; },
        [&](const UniqueConstraint& u) {
          p.drop_constraints.push_back(DropUnique{name, u.name, u});
        },
        [&](const UniqueConstraint& u) {
          p.add_constraints.push_back(AddUnique{name, u});
        });
    named_parts(
        from.checks, to.checks,
        [](const CheckConstraint& a, const CheckConstraint& b) {
          return squeeze(a.expression) == squeeze(b.expression);
        },
        [&](const CheckConstraint& c) {
          p.drop_constraints.push_back(DropCheck{name, c.name, c});
        },
        [&](const CheckConstraint& c) {
          p.add_constraints.push_back(AddCheck{name, c});
        });
    named_parts(
        from.indexes, to.indexes,
        [](const Index& a, const Index& b) {
          return a.unique == b.unique && squeeze(a.where) == squeeze(b.where) && a.parts == b.parts;
        },
        [&](const Index& i) {
          p.drop_constraints.push_back(DropIndex{name, i.name, i});
        },
        [&](const Index& i) {
          p.add_constraints.push_back(CreateIndex{name, i});
        });
    named_parts(
        from.foreign_keys, to.foreign_keys,
        [](const ForeignKey& a, const ForeignKey& b) {
          return a.columns == b.columns && a.referenced_table == b.referenced_table &&
                 a.referenced_columns == b.referenced_columns && a.on_delete == b.on_delete &&
                 a.on_update == b.on_update;
        },
        [&](const ForeignKey& k) {
          p.drop_keys.push_back(DropForeignKey{name, k.name, k});
        },
        [&](const ForeignKey& k) {
          p.add_keys.push_back(AddForeignKey{name, k});
        });
  }

 private:
  const DiffOptions& options_;
};

// Applies the renames DiffOptions asks for to a copy of `from`, recording the operations.
Schema apply_renames(Schema from, const Schema& to, const DiffOptions& options, Phases& p) {
  // A column rename names its table as it is in `to`: table renames come first, whatever the
  // map's order ("orders.x" sorts before "sales").
  std::vector<std::pair<std::string, std::string>> ordered(options.renames.begin(),
                                                           options.renames.end());
  std::stable_partition(ordered.begin(), ordered.end(), [](const auto& rename) {
    return rename.first.find('.') == std::string::npos;
  });
  for (const auto& [old_name, new_name] : ordered) {
    const auto dot = old_name.find('.');
    Operation op = dot == std::string::npos
                       ? Operation{RenameTable{QualifiedName(old_name), new_name}}
                       : Operation{RenameColumn{QualifiedName(old_name.substr(0, dot)),
                                                old_name.substr(dot + 1), new_name}};
    try {
      apply_operation(from, op);
    } catch (Error& e) {
      e.add_context(fmt::format("rename {} -> {}", old_name, new_name));
      throw;
    }
    p.renames.push_back(std::move(op));
  }
  (void)to;
  return from;
}

// A foreign key over columns whose type changes, on either side, is dropped before the change
// and added again after it: MySQL cannot change the type of a column a key uses, and both sides
// have their new type again when the key comes back.
void recreate_retyped_keys(const Schema& from, const Schema& to, Phases& p) {
  std::set<std::pair<QualifiedName, std::string>> retyped;
  for (const auto& op : p.alter_columns) {
    const auto* a = std::get_if<AlterColumn>(&op);
    if (a && a->change.type) retyped.insert({a->table, a->name});
  }
  auto touches = [&](const QualifiedName& table, const std::vector<std::string>& columns) {
    return std::any_of(columns.begin(), columns.end(), [&](const std::string& c) {
      return retyped.contains({table, c});
    });
  };
  for (const auto& t : to.tables) {
    const Table* before = from.find_table(t.name);
    if (!before || retyped.empty()) continue;
    for (const auto& key : t.foreign_keys) {
      if (!touches(t.name, key.columns) && !touches(key.referenced_table, key.referenced_columns)) {
        continue;
      }
      // A key that changes is dropped and added anyway.
      const auto old = std::find(before->foreign_keys.begin(), before->foreign_keys.end(), key);
      if (old == before->foreign_keys.end()) continue;
      p.drop_keys.push_back(DropForeignKey{t.name, key.name, *old});
      p.add_keys.push_back(AddForeignKey{t.name, key});
    }
  }
}

}  // namespace

SchemaDiff diff(const Schema& from_schema, const Schema& to, const DiffOptions& options) {
  Phases p;
  SchemaDiff result;
  const Schema from = apply_renames(from_schema, to, options, p);
  const Differ differ(options);

  for (const auto& ns : to.namespaces) {
    if (std::find(from.namespaces.begin(), from.namespaces.end(), ns) == from.namespaces.end()) {
      p.create_schemas.push_back(EnsureSchema{ns});
    }
  }
  std::vector<const Table*> dropped, created;
  for (const auto& t : from.tables) {
    if (!to.find_table(t.name)) dropped.push_back(&t);
  }
  for (const auto& t : to.tables) {
    const Table* before = from.find_table(t.name);
    if (!before) {
      created.push_back(&t);
      continue;
    }
    differ.table(*before, t, p, result.likely_renames);
  }
  recreate_retyped_keys(from, to, p);
  for (const Table* t : dropped) {
    // Keys of other tables that reference a dropped table go first.
    for (const auto& other : from.tables) {
      if (!to.find_table(other.name)) continue;
      for (const auto& fk : other.foreign_keys) {
        if (fk.referenced_table == t->name &&
            std::none_of(p.drop_keys.begin(), p.drop_keys.end(), [&](const Operation& op) {
              const auto* d = std::get_if<DropForeignKey>(&op);
              return d && d->table == other.name && d->name == fk.name;
            })) {
          p.drop_keys.push_back(DropForeignKey{other.name, fk.name, fk});
        }
      }
    }
    p.drop_tables.push_back(DropTable{t->name, *t});
    for (const Table* c : created) {
      std::vector<std::string> a, b;
      for (const auto& col : t->columns) a.push_back(col.name);
      for (const auto& col : c->columns) b.push_back(col.name);
      if (a == b) {
        result.likely_renames.push_back(
            {"table", to_string(t->name), to_string(c->name),
             fmt::format("--rename {}={}", t->name.name, c->name.name)});
      }
    }
  }
  for (const Table* t : created) {
    Table without_keys = *t;
    without_keys.foreign_keys.clear();
    p.create_tables.push_back(CreateTable{std::move(without_keys)});
    for (const auto& fk : t->foreign_keys) p.add_keys.push_back(AddForeignKey{t->name, fk});
  }
  result.operations = p.joined();
  return result;
}

}  // namespace migcmd
