#include "operations/operation_json.hpp"

#include "schema/schema_json_detail.hpp"
#include "schema/value_json.hpp"

namespace migcmd::detail {
namespace {

using nlohmann::ordered_json;

ordered_json values_json(const std::vector<Value>& values) {
  ordered_json out = ordered_json::array();
  for (const auto& v : values) out.push_back(value_to_json(v));
  return out;
}

ordered_json pairs_json(const std::vector<std::pair<std::string, Value>>& pairs) {
  ordered_json out = ordered_json::array();
  for (const auto& [column, value] : pairs) out.push_back({column, value_to_json(value)});
  return out;
}

ordered_json default_json(const std::optional<ColumnDefault>& value) {
  if (!value) return nullptr;
  if (const auto* e = std::get_if<SqlExpression>(&*value)) return {{"sql", e->sql}};
  return {{"value", value_to_json(std::get<Value>(*value))}};
}

struct ToJson {
  ordered_json operator()(const CreateTable& o) const { return {{"table", table_json(o.table)}}; }
  ordered_json operator()(const DropTable& o) const {
    return {{"name", name_json(o.name)},
            {"definition", o.definition ? table_json(*o.definition) : nullptr}};
  }
  ordered_json operator()(const RenameTable& o) const {
    return {{"name", name_json(o.name)}, {"new_name", o.new_name}};
  }
  ordered_json operator()(const SetTableComment& o) const {
    return {{"table", name_json(o.table)},
            {"comment", o.comment},
            {"from", o.from ? ordered_json(*o.from) : nullptr}};
  }
  ordered_json operator()(const EnsureSchema& o) const { return {{"name", o.name}}; }
  ordered_json operator()(const AddColumn& o) const {
    return {{"table", name_json(o.table)}, {"column", column_json(o.column)}};
  }
  ordered_json operator()(const DropColumn& o) const {
    return {{"table", name_json(o.table)},
            {"name", o.name},
            {"definition", o.definition ? column_json(*o.definition) : nullptr}};
  }
  ordered_json operator()(const RenameColumn& o) const {
    return {{"table", name_json(o.table)}, {"name", o.name}, {"new_name", o.new_name}};
  }
  ordered_json operator()(const AlterColumn& o) const {
    ordered_json change;
    change["type"] = o.change.type ? type_json(*o.change.type) : nullptr;
    change["nullable"] = o.change.nullable ? ordered_json(*o.change.nullable) : nullptr;
    change["set_default"] = o.change.default_value.has_value();
    change["default"] = o.change.default_value ? default_json(*o.change.default_value) : nullptr;
    // Written only when set: a migration written before these members existed keeps its checksum.
    if (o.change.identity) change["identity"] = *o.change.identity;
    if (o.change.collation) change["collation"] = *o.change.collation;
    if (o.change.comment) change["comment"] = *o.change.comment;
    return {{"table", name_json(o.table)},
            {"name", o.name},
            {"change", change},
            {"from", o.from ? column_json(*o.from) : nullptr}};
  }
  ordered_json operator()(const CreateIndex& o) const {
    return {{"table", name_json(o.table)}, {"index", index_json(o.index)}};
  }
  ordered_json operator()(const DropIndex& o) const {
    return {{"table", name_json(o.table)},
            {"name", o.name},
            {"definition", o.definition ? index_json(*o.definition) : nullptr}};
  }
  ordered_json operator()(const RenameIndex& o) const {
    return {{"table", name_json(o.table)}, {"name", o.name}, {"new_name", o.new_name}};
  }
  ordered_json operator()(const AddPrimaryKey& o) const {
    return {{"table", name_json(o.table)}, {"name", o.key.name}, {"columns", o.key.columns}};
  }
  ordered_json operator()(const DropPrimaryKey& o) const {
    return {{"table", name_json(o.table)},
            {"name", o.name},
            {"columns", o.definition ? ordered_json(o.definition->columns) : nullptr}};
  }
  ordered_json operator()(const AddUnique& o) const {
    return {{"table", name_json(o.table)},
            {"name", o.constraint.name},
            {"columns", o.constraint.columns}};
  }
  ordered_json operator()(const DropUnique& o) const {
    return {{"table", name_json(o.table)},
            {"name", o.name},
            {"columns", o.definition ? ordered_json(o.definition->columns) : nullptr}};
  }
  ordered_json operator()(const AddCheck& o) const {
    return {
        {"table", name_json(o.table)}, {"name", o.check.name}, {"expression", o.check.expression}};
  }
  ordered_json operator()(const DropCheck& o) const {
    return {{"table", name_json(o.table)},
            {"name", o.name},
            {"expression", o.definition ? ordered_json(o.definition->expression) : nullptr}};
  }
  ordered_json operator()(const AddForeignKey& o) const {
    return {{"table", name_json(o.table)}, {"key", foreign_key_json(o.key)}};
  }
  ordered_json operator()(const DropForeignKey& o) const {
    return {{"table", name_json(o.table)},
            {"name", o.name},
            {"definition", o.definition ? foreign_key_json(*o.definition) : nullptr}};
  }
  ordered_json operator()(const InsertRows& o) const {
    ordered_json rows = ordered_json::array();
    for (const auto& r : o.rows) rows.push_back(values_json(r));
    return {{"table", name_json(o.table)}, {"columns", o.columns}, {"rows", rows}};
  }
  ordered_json operator()(const UpdateRows& o) const {
    return {
        {"table", name_json(o.table)}, {"set", pairs_json(o.set)}, {"where", pairs_json(o.where)}};
  }
  ordered_json operator()(const DeleteRows& o) const {
    return {{"table", name_json(o.table)}, {"where", pairs_json(o.where)}};
  }
  ordered_json operator()(const RawSql& o) const {
    return {{"sql", o.sql},
            {"per_dialect", o.per_dialect},
            {"suppress_transaction", o.suppress_transaction}};
  }
};

}  // namespace

ordered_json operation_json(const Operation& op) {
  ordered_json out;
  out["op"] = kind_name(op);
  out["args"] = std::visit(ToJson{}, op);
  return out;
}

}  // namespace migcmd::detail
