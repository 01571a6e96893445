#include "migcmd/operations.hpp"

#include <fmt/format.h>

#include "detail/overloaded.hpp"
#include "migcmd/error.hpp"

namespace migcmd {
namespace {

using detail::Overloaded;

}  // namespace

const std::string& RawSql::for_dialect(std::string_view dialect) const {
  auto it = per_dialect.find(std::string(dialect));
  return it == per_dialect.end() ? sql : it->second;
}

Column apply_change(Column column, const ColumnChange& change) {
  if (change.type) column.type = *change.type;
  if (change.nullable) column.nullable = *change.nullable;
  if (change.default_value) column.default_value = *change.default_value;
  if (change.identity) column.identity = *change.identity;
  if (change.collation) column.collation = *change.collation;
  if (change.comment) column.comment = *change.comment;
  return column;
}

std::string_view kind_name(const Operation& op) noexcept {
  return std::visit(Overloaded{
                        [](const CreateTable&) { return "create_table"; },
                        [](const DropTable&) { return "drop_table"; },
                        [](const RenameTable&) { return "rename_table"; },
                        [](const SetTableComment&) { return "set_table_comment"; },
                        [](const EnsureSchema&) { return "ensure_schema"; },
                        [](const AddColumn&) { return "add_column"; },
                        [](const DropColumn&) { return "drop_column"; },
                        [](const RenameColumn&) { return "rename_column"; },
                        [](const AlterColumn&) { return "alter_column"; },
                        [](const CreateIndex&) { return "create_index"; },
                        [](const DropIndex&) { return "drop_index"; },
                        [](const RenameIndex&) { return "rename_index"; },
                        [](const AddPrimaryKey&) { return "add_primary_key"; },
                        [](const DropPrimaryKey&) { return "drop_primary_key"; },
                        [](const AddUnique&) { return "add_unique"; },
                        [](const DropUnique&) { return "drop_unique"; },
                        [](const AddCheck&) { return "add_check"; },
                        [](const DropCheck&) { return "drop_check"; },
                        [](const AddForeignKey&) { return "add_foreign_key"; },
                        [](const DropForeignKey&) { return "drop_foreign_key"; },
                        [](const InsertRows&) { return "insert"; },
                        [](const UpdateRows&) { return "update"; },
                        [](const DeleteRows&) { return "delete"; },
                        [](const RawSql&) { return "sql"; },
                    },
                    op);
}

std::string describe(const Operation& op) {
  auto kind = kind_name(op);
  return std::visit(
      Overloaded{
          [&](const CreateTable& o) { return fmt::format("{} {}", kind, to_string(o.table.name)); },
          [&](const DropTable& o) { return fmt::format("{} {}", kind, to_string(o.name)); },
          [&](const RenameTable& o) {
            return fmt::format("{} {} to {}", kind, to_string(o.name), o.new_name);
          },
          [&](const SetTableComment& o) { return fmt::format("{} {}", kind, to_string(o.table)); },
          [&](const EnsureSchema& o) { return fmt::format("{} {}", kind, o.name); },
          [&](const AddColumn& o) {
            return fmt::format("{} {} to {}", kind, o.column.name, to_string(o.table));
          },
          [&](const DropColumn& o) {
            return fmt::format("{} {} from {}", kind, o.name, to_string(o.table));
          },
          [&](const RenameColumn& o) {
            return fmt::format("{} {}.{} to {}", kind, to_string(o.table), o.name, o.new_name);
          },
          [&](const AlterColumn& o) {
            return fmt::format("{} {}.{}", kind, to_string(o.table), o.name);
          },
          [&](const CreateIndex& o) {
            return fmt::format("{} {} on {}", kind, o.index.name, to_string(o.table));
          },
          [&](const DropIndex& o) {
            return fmt::format("{} {} on {}", kind, o.name, to_string(o.table));
          },
          [&](const RenameIndex& o) {
            return fmt::format("{} {} to {} on {}", kind, o.name, o.new_name, to_string(o.table));
          },
          [&](const AddPrimaryKey& o) {
            return fmt::format("{} {} on {}", kind, o.key.name, to_string(o.table));
          },
          [&](const AddUnique& o) {
            return fmt::format("{} {} on {}", kind, o.constraint.name, to_string(o.table));
          },
          [&](const AddCheck& o) {
            return fmt::format("{} {} on {}", kind, o.check.name, to_string(o.table));
          },
          [&](const AddForeignKey& o) {
            return fmt::format("{} {} on {}", kind, o.key.name, to_string(o.table));
          },
          [&](const auto& o) -> std::string {
            using T = std::decay_t<decltype(o)>;
            if constexpr (requires {
                            o.name;
                            o.table;
                          }) {
              return fmt::format("{} {} on {}", kind, o.name, to_string(o.table));
            } else if constexpr (std::is_same_v<T, InsertRows>) {
              return fmt::format("{} {} row(s) into {}", kind, o.rows.size(), to_string(o.table));
            } else if constexpr (requires { o.table; }) {
              return fmt::format("{} {}", kind, to_string(o.table));
            } else {
              const auto first_line = o.sql.substr(0, o.sql.find('\n'));
              return fmt::format(
                  "{} \"{}{}\"", kind, first_line.substr(0, 60),
                  first_line.size() > 60 || first_line.size() < o.sql.size() ? "..." : "");
            }
          },
      },
      op);
}

bool is_destructive(const Operation& op) {
  return std::visit(Overloaded{
                        [](const DropTable&) { return true; },
                        [](const DropColumn&) { return true; },
                        [](const AlterColumn& o) { return o.change.type.has_value(); },
                        [](const UpdateRows&) { return true; },
                        [](const DeleteRows&) { return true; },
                        [](const RawSql&) { return true; },  // unknown effect: assume the worst
                        [](const auto&) { return false; },
                    },
                    op);
}

namespace {

[[noreturn]] void irreversible(const Operation& op, std::string_view why) {
  throw Error(ErrorCode::irreversible_operation,
              fmt::format("{} cannot be reversed: {}", describe(op), why),
              "write down() explicitly, or give the definition of what is dropped");
}

template <typename T>
const T& definition_of(const std::optional<T>& def, const Operation& op) {
  if (!def) irreversible(op, "its definition is unknown");
  return *def;
}

}  // namespace

std::optional<Operation> reverse(const Operation& op) {
  if (std::holds_alternative<EnsureSchema>(op)) return std::nullopt;
  return std::visit(
      Overloaded{
          [&](const CreateTable& o) -> Operation {
            return DropTable{o.table.name, o.table};
          },
          [&](const DropTable& o) -> Operation {
            return CreateTable{definition_of(o.definition, op)};
          },
          [&](const RenameTable& o) -> Operation {
            return RenameTable{{o.name.schema, o.new_name}, o.name.name};
          },
          [&](const SetTableComment& o) -> Operation {
            return SetTableComment{o.table, definition_of(o.from, op), o.comment};
          },
          [&](const EnsureSchema&) -> Operation {
            throw Error(ErrorCode::internal, "unreachable");
          },
          [&](const AddColumn& o) -> Operation {
            return DropColumn{o.table, o.column.name, o.column};
          },
          [&](const DropColumn& o) -> Operation {
            return AddColumn{o.table, definition_of(o.definition, op)};
          },
          [&](const RenameColumn& o) -> Operation {
            return RenameColumn{o.table, o.new_name, o.name};
          },
          [&](const AlterColumn& o) -> Operation {
            const Column& before = definition_of(o.from, op);
            ColumnChange back;
            if (o.change.type) back.type = before.type;
            if (o.change.nullable) back.nullable = before.nullable;
            if (o.change.default_value) back.default_value = before.default_value;
            if (o.change.identity) back.identity = before.identity;
            if (o.change.collation) back.collation = before.collation;
            if (o.change.comment) back.comment = before.comment;
            return AlterColumn{o.table, o.name, back, apply_change(before, o.change)};
          },
          [&](const CreateIndex& o) -> Operation {
            return DropIndex{o.table, o.index.name, o.index};
          },
          [&](const DropIndex& o) -> Operation {
            return CreateIndex{o.table, definition_of(o.definition, op)};
          },
          [&](const RenameIndex& o) -> Operation {
            return RenameIndex{o.table, o.new_name, o.name};
          },
          [&](const AddPrimaryKey& o) -> Operation {
            return DropPrimaryKey{o.table, o.key.name, o.key};
          },
          [&](const DropPrimaryKey& o) -> Operation {
            return AddPrimaryKey{o.table, definition_of(o.definition, op)};
          },
          [&](const AddUnique& o) -> Operation {
            return DropUnique{o.table, o.constraint.name, o.constraint};
          },
          [&](const DropUnique& o) -> Operation {
            return AddUnique{o.table, definition_of(o.definition, op)};
          },
          [&](const AddCheck& o) -> Operation {
            return DropCheck{o.table, o.check.name, o.check};
          },
          [&](const DropCheck& o) -> Operation {
            return AddCheck{o.table, definition_of(o.definition, op)};
          },
          [&](const AddForeignKey& o) -> Operation {
            return DropForeignKey{o.table, o.key.name, o.key};
          },
          [&](const DropForeignKey& o) -> Operation {
            return AddForeignKey{o.table, definition_of(o.definition, op)};
          },
          [&](const InsertRows&) -> Operation {
            irreversible(op, "inserted rows are not tracked");
          },
          [&](const UpdateRows&) -> Operation {
            irreversible(op, "the previous values are unknown");
          },
          [&](const DeleteRows&) -> Operation { irreversible(op, "deleted rows are gone"); },
          [&](const RawSql&) -> Operation { irreversible(op, "raw SQL has no known inverse"); },
      },
      op);
}

OperationList reverse(const OperationList& ops) {
  OperationList out;
  out.reserve(ops.size());
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    if (auto inverse = reverse(*it)) out.push_back(std::move(*inverse));
  }
  return out;
}

}  // namespace migcmd
