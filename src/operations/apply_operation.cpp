// Replays an operation on a schema model, failing when it names something the model lacks.

#include "migcmd/apply_operation.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/error.hpp"

namespace migcmd {
namespace {

template <typename T, typename Pred>
bool erase_first(std::vector<T>& items, Pred pred) {
  auto it = std::find_if(items.begin(), items.end(), pred);
  if (it == items.end()) return false;
  items.erase(it);
  return true;
}

template <typename T>
auto named(std::string_view name) {
  return [name](const T& item) { return item.name == name; };
}

void rename_in(std::vector<std::string>& columns, std::string_view from, const std::string& to) {
  std::replace(columns.begin(), columns.end(), std::string(from), to);
}

class Applier {
 public:
  Applier(Schema& schema, const Operation& op) : schema_(schema), op_(op) {}

  [[noreturn]] void fail(std::string_view what) const {
    throw Error(ErrorCode::invalid_migration, fmt::format("{}: {}", describe(op_), what));
  }

  Table& table(const QualifiedName& name) const {
    Table* t = schema_.find_table(name);
    if (!t) fail(fmt::format("table {} does not exist", to_string(name)));
    return *t;
  }

  Column& column(Table& t, std::string_view name) const {
    Column* c = t.find_column(name);
    if (!c) fail(fmt::format("table {} has no column {}", to_string(t.name), name));
    return *c;
  }

  void require_columns(Table& t, const std::vector<std::string>& cols) const {
    for (const auto& c : cols) column(t, c);
  }

  void operator()(const CreateTable& o) const {
    if (schema_.find_table(o.table.name))
      fail(fmt::format("table {} already exists", to_string(o.table.name)));
    schema_.tables.push_back(o.table);
  }
  void operator()(const DropTable& o) const {
    table(o.name);
    erase_first(schema_.tables, [&](const Table& t) { return t.name == o.name; });
  }
  void operator()(const RenameTable& o) const {
    Table& t = table(o.name);
    QualifiedName to{o.name.schema, o.new_name};
    if (schema_.find_table(to)) fail(fmt::format("table {} already exists", to_string(to)));
    for (auto& other : schema_.tables) {
      for (auto& fk : other.foreign_keys) {
        if (fk.referenced_table == o.name) fk.referenced_table = to;
      }
    }
    t.name = to;
  }
  void operator()(const SetTableComment& o) const { table(o.table).comment = o.comment; }
  void operator()(const EnsureSchema& o) const {
    if (std::find(schema_.namespaces.begin(), schema_.namespaces.end(), o.name) ==
        schema_.namespaces.end()) {
      schema_.namespaces.push_back(o.name);
    }
  }
  void operator()(const AddColumn& o) const {
    Table& t = table(o.table);
    if (t.find_column(o.column.name)) {
      fail(fmt::format("table {} already has a column {}", to_string(t.name), o.column.name));
    }
    t.columns.push_back(o.column);
  }
  void operator()(const DropColumn& o) const {
    Table& t = table(o.table);
    column(t, o.name);
    erase_first(t.columns, named<Column>(o.name));
    auto uses = [&](const std::vector<std::string>& cols) {
      return std::find(cols.begin(), cols.end(), o.name) != cols.end();
    };
    // Constraints and indexes over the column go with it, as they do in the databases.
    if (t.primary_key && uses(t.primary_key->columns)) t.primary_key.reset();
    std::erase_if(t.uniques, [&](const UniqueConstraint& u) { return uses(u.columns); });
    std::erase_if(t.foreign_keys, [&](const ForeignKey& fk) { return uses(fk.columns); });
    std::erase_if(t.indexes, [&](const Index& ix) {
      return std::any_of(ix.parts.begin(), ix.parts.end(),
                         [&](const IndexPart& p) { return p.column == o.name; });
    });
  }
  void operator()(const RenameColumn& o) const {
    Table& t = table(o.table);
    Column& c = column(t, o.name);
    if (t.find_column(o.new_name)) {
      fail(fmt::format("table {} already has a column {}", to_string(t.name), o.new_name));
    }
    c.name = o.new_name;
    if (t.primary_key) rename_in(t.primary_key->columns, o.name, o.new_name);
    for (auto& u : t.uniques) rename_in(u.columns, o.name, o.new_name);
    for (auto& fk : t.foreign_keys) rename_in(fk.columns, o.name, o.new_name);
    for (auto& ix : t.indexes) {
      for (auto& p : ix.parts) {
        if (p.column == o.name) p.column = o.new_name;
      }
    }
    for (auto& other : schema_.tables) {
      for (auto& fk : other.foreign_keys) {
        if (fk.referenced_table == t.name) rename_in(fk.referenced_columns, o.name, o.new_name);
      }
    }
  }
  void operator()(const AlterColumn& o) const {
    Table& t = table(o.table);
    Column& c = column(t, o.name);
    c = apply_change(c, o.change);
  }
  void operator()(const CreateIndex& o) const {
    Table& t = table(o.table);
    if (t.find_index(o.index.name)) fail(fmt::format("index {} already exists", o.index.name));
    for (const auto& p : o.index.parts) {
      if (!p.column.empty()) column(t, p.column);
    }
    t.indexes.push_back(o.index);
  }
  void operator()(const DropIndex& o) const {
    Table& t = table(o.table);
    if (!erase_first(t.indexes, named<Index>(o.name))) {
      fail(fmt::format("table {} has no index {}", to_string(t.name), o.name));
    }
  }
  void operator()(const RenameIndex& o) const {
    Table& t = table(o.table);
    auto it = std::find_if(t.indexes.begin(), t.indexes.end(), named<Index>(o.name));
    if (it == t.indexes.end())
      fail(fmt::format("table {} has no index {}", to_string(t.name), o.name));
    it->name = o.new_name;
  }
  void operator()(const AddPrimaryKey& o) const {
    Table& t = table(o.table);
    if (t.primary_key) fail(fmt::format("table {} already has a primary key", to_string(t.name)));
    require_columns(t, o.key.columns);
    t.primary_key = o.key;
  }
  void operator()(const DropPrimaryKey& o) const {
    Table& t = table(o.table);
    if (!t.primary_key) fail(fmt::format("table {} has no primary key", to_string(t.name)));
    t.primary_key.reset();
  }
  void operator()(const AddUnique& o) const {
    Table& t = table(o.table);
    require_columns(t, o.constraint.columns);
    t.uniques.push_back(o.constraint);
  }
  void operator()(const DropUnique& o) const {
    Table& t = table(o.table);
    if (!erase_first(t.uniques, named<UniqueConstraint>(o.name))) {
      fail(fmt::format("table {} has no unique constraint {}", to_string(t.name), o.name));
    }
  }
  void operator()(const AddCheck& o) const { table(o.table).checks.push_back(o.check); }
  void operator()(const DropCheck& o) const {
    Table& t = table(o.table);
    if (!erase_first(t.checks, named<CheckConstraint>(o.name))) {
      fail(fmt::format("table {} has no check constraint {}", to_string(t.name), o.name));
    }
  }
  void operator()(const AddForeignKey& o) const {
    Table& t = table(o.table);
    require_columns(t, o.key.columns);
    if (Table* target = schema_.find_table(o.key.referenced_table)) {
      require_columns(*target, o.key.referenced_columns);
    }
    t.foreign_keys.push_back(o.key);
  }
  void operator()(const DropForeignKey& o) const {
    Table& t = table(o.table);
    if (!erase_first(t.foreign_keys, named<ForeignKey>(o.name))) {
      fail(fmt::format("table {} has no foreign key {}", to_string(t.name), o.name));
    }
  }
  void operator()(const InsertRows&) const {}
  void operator()(const UpdateRows&) const {}
  void operator()(const DeleteRows&) const {}
  void operator()(const RawSql&) const {}

 private:
  Schema& schema_;
  const Operation& op_;
};

}  // namespace

void apply_operation(Schema& schema, const Operation& op) {
  std::visit(Applier{schema, op}, op);
}

}  // namespace migcmd
