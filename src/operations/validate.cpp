// Structural checks of one operation: what is wrong whatever the database holds.

#include "migcmd/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "migcmd/error.hpp"

namespace migcmd {
namespace {

class Checker {
 public:
  explicit Checker(const Operation& op) : op_(op) {}

  [[noreturn]] void fail(std::string_view what) const {
    throw Error(ErrorCode::invalid_migration, fmt::format("{}: {}", describe(op_), what));
  }

  void name(std::string_view value, std::string_view what) const {
    if (value.empty()) fail(fmt::format("{} is empty", what));
    if (value.find('\0') != std::string_view::npos)
      fail(fmt::format("{} contains a NUL character", what));
  }

  void table_name(const QualifiedName& n) const {
    name(n.name, "the table name");
    if (n.schema.find('\0') != std::string::npos) fail("the schema name contains a NUL character");
  }

  void type(const Type& t, std::string_view column) const {
    if (t.kind == TypeKind::custom && t.store_type.empty()) {
      fail(fmt::format("column {} has a custom type without a store type", column));
    }
    if (t.length && *t.length <= 0) {
      fail(fmt::format("column {} has length {}; it must be positive", column, *t.length));
    }
    if (t.kind == TypeKind::string && !t.length && t.store_type.empty()) {
      fail(fmt::format("column {} is string without a maximum length; use text", column));
    }
    if (t.kind == TypeKind::decimal) {
      int p = t.precision.value_or(0), s = t.scale.value_or(0);
      if (p < 1 || p > 1000)
        fail(fmt::format("column {} has decimal precision {}; use 1 to 1000", column, p));
      if (s < 0 || s > p) {
        fail(fmt::format("column {} has decimal scale {} greater than its precision {}", column, s,
                         p));
      }
    }
  }

  void column(const Column& c) const {
    name(c.name, "a column name");
    type(c.type, c.name);
    if (c.identity && !c.type.is_integer()) {
      fail(fmt::format("column {} is an identity but its type {} is not an integer", c.name,
                       describe(c.type)));
    }
    if (c.identity && c.default_value) {
      fail(fmt::format("column {} is an identity and cannot also have a default", c.name));
    }
    if (c.default_value) {
      if (const auto* v = std::get_if<Value>(&*c.default_value); v && v->is_null() && !c.nullable) {
        fail(fmt::format("column {} is NOT NULL but its default is NULL", c.name));
      }
      if (const auto* e = std::get_if<SqlExpression>(&*c.default_value); e && e->sql.empty()) {
        fail(fmt::format("column {} has an empty default expression", c.name));
      }
    }
  }

  void column_list(const std::vector<std::string>& cols, std::string_view what) const {
    if (cols.empty()) fail(fmt::format("{} has no columns", what));
    std::set<std::string> seen;
    for (const auto& c : cols) {
      name(c, fmt::format("a column of {}", what));
      if (!seen.insert(c).second) fail(fmt::format("{} lists column {} twice", what, c));
    }
  }

  void index(const Index& ix) const {
    name(ix.name, "the index name");
    if (ix.parts.empty()) fail(fmt::format("index {} has no columns", ix.name));
    for (const auto& p : ix.parts) {
      if (p.column.empty() == p.expression.empty()) {
        fail(
            fmt::format("index {} has a part that is neither a column nor an expression", ix.name));
      }
    }
  }

  void foreign_key(const ForeignKey& fk) const {
    column_list(fk.columns, fmt::format("foreign key {}", fk.name));
    table_name(fk.referenced_table);
    column_list(fk.referenced_columns, fmt::format("foreign key {} (referenced)", fk.name));
    if (fk.columns.size() != fk.referenced_columns.size()) {
      fail(fmt::format("foreign key {} has {} column(s) but references {}", fk.name,
                       fk.columns.size(), fk.referenced_columns.size()));
    }
  }

  // Every column a table-level element names must be a column of the table.
  void columns_exist(const Table& t, const std::vector<std::string>& cols,
                     std::string_view what) const {
    for (const auto& c : cols) {
      if (!t.find_column(c)) {
        fail(fmt::format("{} names column {}, which table {} does not have", what, c,
                         to_string(t.name)));
      }
    }
  }

  void table(const Table& t) const {
    table_name(t.name);
    if (t.columns.empty()) fail("the table has no columns");
    std::set<std::string> columns;
    for (const auto& c : t.columns) {
      column(c);
      if (!columns.insert(c.name).second) fail(fmt::format("column {} is defined twice", c.name));
    }
    std::set<std::string> names;  // constraint and index names share one namespace here
    auto unique_name = [&](const std::string& n) {
      if (!n.empty() && !names.insert(n).second) fail(fmt::format("the name {} is used twice", n));
    };
    if (t.primary_key) {
      column_list(t.primary_key->columns, "the primary key");
      columns_exist(t, t.primary_key->columns, "the primary key");
      unique_name(t.primary_key->name);
    }
    for (const auto& u : t.uniques) {
      column_list(u.columns, fmt::format("unique constraint {}", u.name));
      columns_exist(t, u.columns, fmt::format("unique constraint {}", u.name));
      unique_name(u.name);
    }
    for (const auto& c : t.checks) {
      if (c.expression.empty()) fail(fmt::format("check {} has an empty expression", c.name));
      unique_name(c.name);
    }
    for (const auto& fk : t.foreign_keys) {
      foreign_key(fk);
      columns_exist(t, fk.columns, fmt::format("foreign key {}", fk.name));
      if (fk.referenced_table == t.name) {
        columns_exist(t, fk.referenced_columns, fmt::format("foreign key {}", fk.name));
      }
      unique_name(fk.name);
    }
    for (const auto& ix : t.indexes) {
      index(ix);
      for (const auto& p : ix.parts) {
        if (!p.column.empty()) columns_exist(t, {p.column}, fmt::format("index {}", ix.name));
      }
      unique_name(ix.name);
    }
    int identities = static_cast<int>(std::count_if(t.columns.begin(), t.columns.end(),
                                                    [](const Column& c) { return c.identity; }));
    if (identities > 1) fail("a table can have only one identity column");
  }

  void rename(std::string_view from, std::string_view to) const {
    name(from, "the current name");
    name(to, "the new name");
    if (from == to) fail("the new name is the same as the current one");
  }

  void operator()(const CreateTable& o) const { table(o.table); }
  void operator()(const DropTable& o) const { table_name(o.name); }
  void operator()(const RenameTable& o) const {
    table_name(o.name);
    rename(o.name.name, o.new_name);
  }
  void operator()(const SetTableComment& o) const { table_name(o.table); }
  void operator()(const EnsureSchema& o) const { name(o.name, "the schema name"); }
  void operator()(const AddColumn& o) const {
    table_name(o.table);
    column(o.column);
  }
  void operator()(const DropColumn& o) const {
    table_name(o.table);
    name(o.name, "the column name");
  }
  void operator()(const RenameColumn& o) const {
    table_name(o.table);
    rename(o.name, o.new_name);
  }
  void operator()(const AlterColumn& o) const {
    table_name(o.table);
    name(o.name, "the column name");
    if (o.change.empty()) {
      fail("nothing to change: give a type, nullability, default, identity, collation or comment");
    }
    if (o.change.type) type(*o.change.type, o.name);
    if (o.change.identity == true && o.change.type && !o.change.type->is_integer()) {
      fail(fmt::format("column {} becomes an identity but its new type {} is not an integer",
                       o.name, describe(*o.change.type)));
    }
    if (o.change.identity == true && o.change.default_value && *o.change.default_value) {
      fail(fmt::format("column {} becomes an identity and cannot also get a default", o.name));
    }
    if (o.change.collation && o.change.collation->find('\0') != std::string::npos) {
      fail(fmt::format("column {} has a collation name containing a NUL character", o.name));
    }
    if (o.from) column(apply_change(*o.from, o.change));
  }
  void operator()(const CreateIndex& o) const {
    table_name(o.table);
    index(o.index);
  }
  void operator()(const DropIndex& o) const {
    table_name(o.table);
    name(o.name, "the index name");
  }
  void operator()(const RenameIndex& o) const {
    table_name(o.table);
    rename(o.name, o.new_name);
  }
  void operator()(const AddPrimaryKey& o) const {
    table_name(o.table);
    column_list(o.key.columns, "the primary key");
  }
  void operator()(const DropPrimaryKey& o) const { table_name(o.table); }
  void operator()(const AddUnique& o) const {
    table_name(o.table);
    name(o.constraint.name, "the constraint name");
    column_list(o.constraint.columns, fmt::format("unique constraint {}", o.constraint.name));
  }
  void operator()(const DropUnique& o) const {
    table_name(o.table);
    name(o.name, "the constraint name");
  }
  void operator()(const AddCheck& o) const {
    table_name(o.table);
    name(o.check.name, "the constraint name");
    if (o.check.expression.empty()) fail("the check expression is empty");
  }
  void operator()(const DropCheck& o) const {
    table_name(o.table);
    name(o.name, "the constraint name");
  }
  void operator()(const AddForeignKey& o) const {
    table_name(o.table);
    name(o.key.name, "the constraint name");
    foreign_key(o.key);
  }
  void operator()(const DropForeignKey& o) const {
    table_name(o.table);
    name(o.name, "the constraint name");
  }
  void operator()(const InsertRows& o) const {
    table_name(o.table);
    column_list(o.columns, "the insert");
    for (std::size_t i = 0; i < o.rows.size(); ++i) {
      if (o.rows[i].size() != o.columns.size()) {
        fail(fmt::format("row {} has {} value(s) for {} column(s)", i + 1, o.rows[i].size(),
                         o.columns.size()));
      }
    }
  }
  void operator()(const UpdateRows& o) const {
    table_name(o.table);
    if (o.set.empty()) fail("the update sets no column");
    for (const auto& [c, v] : o.set) name(c, "a column name");
    for (const auto& [c, v] : o.where) name(c, "a column name in the filter");
  }
  void operator()(const DeleteRows& o) const {
    table_name(o.table);
    for (const auto& [c, v] : o.where) name(c, "a column name in the filter");
  }
  void operator()(const RawSql& o) const {
    bool any = !o.sql.empty() || std::any_of(o.per_dialect.begin(), o.per_dialect.end(),
                                             [](const auto& kv) { return !kv.second.empty(); });
    if (!any) fail("the SQL is empty");
  }

 private:
  const Operation& op_;
};

}  // namespace

void validate(const Operation& op) {
  std::visit(Checker{op}, op);
}

}  // namespace migcmd
