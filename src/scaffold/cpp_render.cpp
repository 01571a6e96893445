// Operations -> builder calls. Each operation becomes the call a developer would write for it;
// what the builder cannot say (a trigger, the definition a dropped key carried) falls back to the
// operation struct itself, so the source always reproduces the operation exactly.

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "detail/overloaded.hpp"
#include "migcmd/scaffold.hpp"
#include "scaffold/cpp_layout.hpp"
#include "scaffold/cpp_literals.hpp"

namespace migcmd {
namespace {

using detail::cpp_action;
using detail::cpp_check;
using detail::cpp_column;
using detail::cpp_field;
using detail::cpp_foreign_key;
using detail::cpp_index;
using detail::cpp_name;
using detail::cpp_primary_key;
using detail::cpp_string;
using detail::cpp_strings;
using detail::cpp_type;
using detail::cpp_unique;
using detail::cpp_value;
using detail::CppExpr;

using detail::Overloaded;

CppExpr atom(std::string text) {
  return CppExpr::atom(std::move(text));
}

CppExpr method(std::string name, std::vector<CppExpr> args = {}) {
  return CppExpr::call("." + std::move(name), std::move(args));
}

CppExpr chained(CppExpr base, std::vector<CppExpr> calls) {
  if (calls.empty()) return base;
  return CppExpr::chain(std::move(base), std::move(calls));
}

CppExpr value_list(const std::vector<Value>& values) {
  std::vector<CppExpr> items;
  for (const auto& v : values) items.push_back(atom(cpp_value(v)));
  return CppExpr::list(std::move(items));
}

CppExpr pair_list(const std::vector<std::pair<std::string, Value>>& pairs) {
  std::vector<CppExpr> items;
  for (const auto& [column, v] : pairs) {
    items.push_back(CppExpr::list({atom(cpp_string(column)), atom(cpp_value(v))}));
  }
  return CppExpr::list(std::move(items));
}

// The C++ type whose type_for<T>() is `type`, if any.
std::string template_type(const Type& type) {
  if (type == Type::boolean()) return "bool";
  if (type == Type::int16()) return "std::int16_t";
  if (type == Type::int32()) return "std::int32_t";
  if (type == Type::int64()) return "std::int64_t";
  if (type == Type::float32()) return "float";
  if (type == Type::float64()) return "double";
  if (type == Type::text()) return "std::string";
  if (type == Type::binary()) return "migcmd::Bytes";
  return {};
}

// The ColumnBuilder calls that turn a fresh column (nullable, no default) into `column`.
std::vector<CppExpr> column_calls(const Column& column) {
  std::vector<CppExpr> calls;
  if (column.identity) calls.push_back(method("identity"));
  const bool nullable_now = !column.identity;
  if (column.nullable != nullable_now) {
    calls.push_back(method(column.nullable ? "nullable" : "not_null"));
  }
  if (column.default_value) {
    if (const auto* sql = std::get_if<SqlExpression>(&*column.default_value)) {
      calls.push_back(method("default_sql", {atom(cpp_string(sql->sql))}));
    } else {
      calls.push_back(
          method("default_value", {atom(cpp_value(std::get<Value>(*column.default_value)))}));
    }
  }
  if (!column.collation.empty())
    calls.push_back(method("collation", {atom(cpp_string(column.collation))}));
  if (!column.comment.empty())
    calls.push_back(method("comment", {atom(cpp_string(column.comment))}));
  return calls;
}

class Renderer {
 public:
  Renderer(std::string_view builder, int indent)
      : b_(builder), t_(builder == "t" ? "table" : "t"), indent_(indent) {}

  std::string operator()(const Operation& op) const { return std::visit(*this, op); }

  std::string operator()(const CreateTable& o) const {
    if (!o.table.triggers.empty()) {
      return with_triggers(o.table,
                           fmt::format("{}.append(migcmd::CreateTable{{std::move(table)}})", b_));
    }
    return lambda_statement(fmt::format("{}.create_table({}, ", b_, cpp_name(o.table.name)),
                            o.table, ");");
  }

  std::string operator()(const DropTable& o) const {
    if (!o.definition) return call("drop_table", {atom(cpp_name(o.name))});
    if (o.definition->name != o.name) {
      return fallback(o, "DropTable",
                      {cpp_field("name", cpp_name(o.name)),
                       cpp_field("definition", table_expr_flat(*o.definition))});
    }
    if (!o.definition->triggers.empty()) {
      return with_triggers(*o.definition, fmt::format("{}.drop_table(std::move(table))", b_));
    }
    return lambda_statement(
        fmt::format("{}.drop_table(migcmd::define_table({}, ", b_, cpp_name(o.name)), *o.definition,
        "));");
  }

  std::string operator()(const RenameTable& o) const {
    return call("rename_table", {atom(cpp_name(o.name)), atom(cpp_string(o.new_name))});
  }

  std::string operator()(const SetTableComment& o) const {
    std::vector<CppExpr> args{atom(cpp_name(o.table)), atom(cpp_string(o.comment))};
    if (o.from) args.push_back(atom(cpp_string(*o.from)));
    return call("set_table_comment", std::move(args));
  }

  std::string operator()(const EnsureSchema& o) const {
    return call("ensure_schema", {atom(cpp_string(o.name))});
  }

  std::string operator()(const AddColumn& o) const {
    return statement(
        chained(b_call("add_column", {atom(cpp_name(o.table)), atom(cpp_string(o.column.name)),
                                      atom(cpp_type(o.column.type))}),
                column_calls(o.column)));
  }

  std::string operator()(const DropColumn& o) const {
    if (!o.definition)
      return call("drop_column", {atom(cpp_name(o.table)), atom(cpp_string(o.name))});
    if (o.definition->name != o.name) {
      return fallback(o, "DropColumn",
                      {cpp_field("table", cpp_name(o.table)), cpp_field("name", cpp_string(o.name)),
                       cpp_field("definition", cpp_column(*o.definition))});
    }
    return call("drop_column", {atom(cpp_name(o.table)), cpp_column(*o.definition)});
  }

  std::string operator()(const RenameColumn& o) const {
    return call("rename_column",
                {atom(cpp_name(o.table)), atom(cpp_string(o.name)), atom(cpp_string(o.new_name))});
  }

  std::string operator()(const AlterColumn& o) const {
    std::vector<CppExpr> calls;
    const ColumnChange& c = o.change;
    if (c.type) calls.push_back(method("type", {atom(cpp_type(*c.type))}));
    if (c.nullable) calls.push_back(method(*c.nullable ? "nullable" : "not_null"));
    if (c.default_value) {
      if (!*c.default_value) {
        calls.push_back(method("drop_default"));
      } else if (const auto* sql = std::get_if<SqlExpression>(&**c.default_value)) {
        calls.push_back(method("default_sql", {atom(cpp_string(sql->sql))}));
      } else {
        calls.push_back(
            method("default_value", {atom(cpp_value(std::get<Value>(**c.default_value)))}));
      }
    }
    if (c.identity) {
      calls.push_back(*c.identity ? method("identity") : method("identity", {atom("false")}));
    }
    if (c.collation) calls.push_back(method("collation", {atom(cpp_string(*c.collation))}));
    if (c.comment) calls.push_back(method("comment", {atom(cpp_string(*c.comment))}));
    if (o.from) calls.push_back(method("from", {cpp_column(*o.from)}));
    return statement(
        chained(b_call("alter_column", {atom(cpp_name(o.table)), atom(cpp_string(o.name))}),
                std::move(calls)));
  }

  std::string operator()(const CreateIndex& o) const {
    const Index& ix = o.index;
    std::set<std::string> seen;
    const bool by_columns = std::all_of(ix.parts.begin(), ix.parts.end(), [&](const IndexPart& p) {
      return !p.is_expression() && !p.column.empty() && seen.insert(p.column).second;
    });
    if (!by_columns) return call("create_index", {atom(cpp_name(o.table)), cpp_index(ix)});
    std::vector<std::string> columns;
    std::vector<CppExpr> calls;
    for (const auto& p : ix.parts) columns.push_back(p.column);
    if (ix.unique) calls.push_back(method("unique"));
    if (!ix.where.empty()) calls.push_back(method("where", {atom(cpp_string(ix.where))}));
    for (const auto& p : ix.parts) {
      if (p.descending) calls.push_back(method("descending", {atom(cpp_string(p.column))}));
    }
    return statement(
        chained(b_call("create_index",
                       {atom(cpp_string(ix.name)), atom(cpp_name(o.table)), cpp_strings(columns)}),
                std::move(calls)));
  }

  std::string operator()(const DropIndex& o) const {
    if (!o.definition)
      return call("drop_index", {atom(cpp_string(o.name)), atom(cpp_name(o.table))});
    if (o.definition->name != o.name) {
      return fallback(o, "DropIndex",
                      {cpp_field("table", cpp_name(o.table)), cpp_field("name", cpp_string(o.name)),
                       cpp_field("definition", cpp_index(*o.definition))});
    }
    return call("drop_index", {atom(cpp_name(o.table)), cpp_index(*o.definition)});
  }

  std::string operator()(const RenameIndex& o) const {
    return call("rename_index",
                {atom(cpp_name(o.table)), atom(cpp_string(o.name)), atom(cpp_string(o.new_name))});
  }

  std::string operator()(const AddPrimaryKey& o) const {
    return call("add_primary_key", {atom(cpp_string(o.key.name)), atom(cpp_name(o.table)),
                                    cpp_strings(o.key.columns)});
  }

  std::string operator()(const DropPrimaryKey& o) const {
    if (!o.definition)
      return call("drop_primary_key", {atom(cpp_string(o.name)), atom(cpp_name(o.table))});
    return fallback(o, "DropPrimaryKey",
                    {cpp_field("table", cpp_name(o.table)), cpp_field("name", cpp_string(o.name)),
                     cpp_field("definition", cpp_primary_key(*o.definition))});
  }

  std::string operator()(const AddUnique& o) const {
    return call("add_unique", {atom(cpp_string(o.constraint.name)), atom(cpp_name(o.table)),
                               cpp_strings(o.constraint.columns)});
  }

  std::string operator()(const DropUnique& o) const {
    if (!o.definition)
      return call("drop_unique", {atom(cpp_string(o.name)), atom(cpp_name(o.table))});
    return fallback(o, "DropUnique",
                    {cpp_field("table", cpp_name(o.table)), cpp_field("name", cpp_string(o.name)),
                     cpp_field("definition", cpp_unique(*o.definition))});
  }

  std::string operator()(const AddCheck& o) const {
    return call("add_check", {atom(cpp_string(o.check.name)), atom(cpp_name(o.table)),
                              atom(cpp_string(o.check.expression))});
  }

  std::string operator()(const DropCheck& o) const {
    if (!o.definition)
      return call("drop_check", {atom(cpp_string(o.name)), atom(cpp_name(o.table))});
    return fallback(o, "DropCheck",
                    {cpp_field("table", cpp_name(o.table)), cpp_field("name", cpp_string(o.name)),
                     cpp_field("definition", cpp_check(*o.definition))});
  }

  std::string operator()(const AddForeignKey& o) const {
    const ForeignKey& k = o.key;
    std::vector<CppExpr> calls;
    switch (k.on_delete) {
      case ReferentialAction::no_action:
        break;
      case ReferentialAction::cascade:
        calls.push_back(method("on_delete_cascade"));
        break;
      case ReferentialAction::set_null:
        calls.push_back(method("on_delete_set_null"));
        break;
      case ReferentialAction::restrict:
        calls.push_back(method("on_delete_restrict"));
        break;
      case ReferentialAction::set_default:
        calls.push_back(method("on_delete", {atom(cpp_action(k.on_delete))}));
        break;
    }
    if (k.on_update != ReferentialAction::no_action) {
      calls.push_back(method("on_update", {atom(cpp_action(k.on_update))}));
    }
    return statement(
        chained(b_call("add_foreign_key",
                       {atom(cpp_string(k.name)), atom(cpp_name(o.table)), cpp_strings(k.columns),
                        atom(cpp_name(k.referenced_table)), cpp_strings(k.referenced_columns)}),
                std::move(calls)));
  }

  std::string operator()(const DropForeignKey& o) const {
    if (!o.definition)
      return call("drop_foreign_key", {atom(cpp_string(o.name)), atom(cpp_name(o.table))});
    if (o.definition->name != o.name) {
      return fallback(o, "DropForeignKey",
                      {cpp_field("table", cpp_name(o.table)), cpp_field("name", cpp_string(o.name)),
                       cpp_field("definition", cpp_foreign_key(*o.definition))});
    }
    return call("drop_foreign_key", {atom(cpp_name(o.table)), cpp_foreign_key(*o.definition)});
  }

  std::string operator()(const InsertRows& o) const {
    std::vector<CppExpr> rows;
    for (const auto& row : o.rows) rows.push_back(value_list(row));
    return call("insert",
                {atom(cpp_name(o.table)), cpp_strings(o.columns), CppExpr::block(std::move(rows))});
  }

  std::string operator()(const UpdateRows& o) const {
    return call("update", {atom(cpp_name(o.table)), pair_list(o.set), pair_list(o.where)});
  }

  std::string operator()(const DeleteRows& o) const {
    return call("delete_rows", {atom(cpp_name(o.table)), pair_list(o.where)});
  }

  std::string operator()(const RawSql& o) const {
    std::vector<CppExpr> calls;
    for (const auto& [dialect, sql] : o.per_dialect) {
      calls.push_back(method("on", {atom(cpp_string(dialect)), atom(cpp_string(sql))}));
    }
    if (o.suppress_transaction) calls.push_back(method("suppress_transaction"));
    return statement(chained(b_call("sql", {atom(cpp_string(o.sql))}), std::move(calls)));
  }

 private:
  CppExpr b_call(std::string name, std::vector<CppExpr> args) const {
    return CppExpr::call(fmt::format("{}.{}", b_, name), std::move(args));
  }

  std::string statement(const CppExpr& expr) const { return detail::statement(expr, indent_); }

  std::string call(std::string name, std::vector<CppExpr> args) const {
    return statement(b_call(std::move(name), std::move(args)));
  }

  // b.append(migcmd::DropUnique{...}): for what no builder method says.
  template <typename Op>
  std::string fallback(const Op&, std::string_view type, std::vector<CppExpr> fields) const {
    return call("append", {CppExpr::block(std::move(fields), fmt::format("migcmd::{}", type))});
  }

  // The table builder statements that define `table` (without its triggers).
  std::string table_body(const Table& table, int indent) const {
    std::string out;
    auto add = [&](CppExpr expr) { out += detail::statement(expr, indent); };
    auto t_call = [&](std::string name, std::vector<CppExpr> args) {
      return CppExpr::call(fmt::format("{}.{}", t_, name), std::move(args));
    };
    for (const auto& c : table.columns) {
      Type bare = c.type;
      bare.store_type.clear();
      std::vector<CppExpr> calls;
      CppExpr base;
      std::string cpp = template_type(bare);
      if (cpp.empty() && bare.kind == TypeKind::string && bare.length &&
          bare == Type::string(*bare.length)) {
        cpp = "std::string";
        calls.push_back(method("max_length", {atom(fmt::format("{}", *bare.length))}));
      } else if (cpp.empty() && bare.kind == TypeKind::binary && bare.length) {
        cpp = "migcmd::Bytes";
        calls.push_back(method("max_length", {atom(fmt::format("{}", *bare.length))}));
      }
      if (!cpp.empty() && c.type.kind != TypeKind::custom) {
        base = CppExpr::call(fmt::format("{}.column<{}>", t_, cpp), {atom(cpp_string(c.name))});
        if (!c.type.store_type.empty())
          calls.push_back(method("store_type", {atom(cpp_string(c.type.store_type))}));
      } else {
        base = t_call("column", {atom(cpp_string(c.name)), atom(cpp_type(c.type))});
      }
      auto more = column_calls(c);
      calls.insert(calls.end(), more.begin(), more.end());
      add(chained(std::move(base), std::move(calls)));
    }
    if (table.primary_key) {
      std::vector<CppExpr> args{cpp_strings(table.primary_key->columns)};
      if (!table.primary_key->name.empty())
        args.push_back(atom(cpp_string(table.primary_key->name)));
      add(t_call("primary_key", std::move(args)));
    }
    for (const auto& u : table.uniques) {
      std::vector<CppExpr> args{cpp_strings(u.columns)};
      if (!u.name.empty()) args.push_back(atom(cpp_string(u.name)));
      add(t_call("unique", std::move(args)));
    }
    for (const auto& c : table.checks) {
      add(t_call("check", {atom(cpp_string(c.name)), atom(cpp_string(c.expression))}));
    }
    for (const auto& k : table.foreign_keys) add(t_call("foreign_key", {cpp_foreign_key(k)}));
    for (const auto& ix : table.indexes) add(t_call("index", {cpp_index(ix)}));
    if (!table.comment.empty()) add(t_call("comment", {atom(cpp_string(table.comment))}));
    return out;
  }

  // `head` [](migcmd::TableBuilder& t) { ...body... } `close`
  std::string lambda_statement(const std::string& head, const Table& table, std::string_view close,
                               int indent = -1) const {
    if (indent < 0) indent = indent_;
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    const std::string body = table_body(table, indent + 2);
    if (body.empty())
      return fmt::format("{}{}[](migcmd::TableBuilder&) {{}}{}\n", pad, head, close);
    const std::string lambda = fmt::format("[](migcmd::TableBuilder& {})", t_);
    return fmt::format("{}{}{} {{\n{}{}}}{}\n", pad, head, lambda, body, pad, close);
  }

  // A table with triggers (the table builder has no trigger()): defined into a variable `table`,
  // given its triggers, then used by the statement `use`.
  std::string with_triggers(const Table& table, const std::string& use) const {
    const std::string pad(static_cast<std::size_t>(indent_), ' ');
    std::string out = pad + "{\n";
    out += lambda_statement(
        fmt::format("migcmd::Table table = migcmd::define_table({}, ", cpp_name(table.name)), table,
        ");", indent_ + 2);
    for (const auto& trigger : table.triggers) {
      out += detail::statement(
          CppExpr::call(
              "table.triggers.push_back",
              {CppExpr::list({atom(cpp_string(trigger.name)), atom(cpp_string(trigger.sql))})}),
          indent_ + 2);
    }
    out += pad + "  " + use + ";\n";
    return out + pad + "}\n";
  }

  // A table as one expression (for a fallback struct): define_table with a lambda on one line is
  // unreadable, so the struct is spelled out.
  CppExpr table_expr_flat(const Table& table) const {
    std::vector<CppExpr> fields{cpp_field("name", cpp_name(table.name))};
    std::vector<CppExpr> columns;
    for (const auto& c : table.columns) columns.push_back(cpp_column(c));
    if (!columns.empty())
      fields.push_back(cpp_field("columns", CppExpr::block(std::move(columns))));
    if (table.primary_key)
      fields.push_back(cpp_field("primary_key", cpp_primary_key(*table.primary_key)));
    auto many = [&](const char* name, auto const& items, auto make) {
      if (items.empty()) return;
      std::vector<CppExpr> list;
      for (const auto& x : items) list.push_back(make(x));
      fields.push_back(cpp_field(name, CppExpr::block(std::move(list))));
    };
    many("uniques", table.uniques, cpp_unique);
    many("checks", table.checks, cpp_check);
    many("foreign_keys", table.foreign_keys, cpp_foreign_key);
    many("indexes", table.indexes, cpp_index);
    many("triggers", table.triggers, [](const Trigger& tr) {
      return CppExpr::block(
          {cpp_field("name", cpp_string(tr.name)), cpp_field("sql", cpp_string(tr.sql))},
          "migcmd::Trigger");
    });
    if (!table.comment.empty()) fields.push_back(cpp_field("comment", cpp_string(table.comment)));
    return CppExpr::block(std::move(fields), "migcmd::Table");
  }

  std::string b_;
  std::string t_;
  int indent_;
};

}  // namespace

std::string render_cpp_operations(const OperationList& ops, std::string_view builder, int indent) {
  const Renderer render(builder, indent);
  std::string out;
  for (const auto& op : ops) out += render(op);
  return out;
}

OperationList without_reversal_definitions(OperationList ops) {
  for (auto& op : ops) {
    std::visit(Overloaded{
                   [](DropTable& o) { o.definition.reset(); },
                   [](DropColumn& o) { o.definition.reset(); },
                   [](AlterColumn& o) { o.from.reset(); },
                   [](SetTableComment& o) { o.from.reset(); },
                   [](DropIndex& o) { o.definition.reset(); },
                   [](DropPrimaryKey& o) { o.definition.reset(); },
                   [](DropUnique& o) { o.definition.reset(); },
                   [](DropCheck& o) { o.definition.reset(); },
                   [](DropForeignKey& o) { o.definition.reset(); },
                   [](auto&) {},
               },
               op);
  }
  return ops;
}

}  // namespace migcmd
