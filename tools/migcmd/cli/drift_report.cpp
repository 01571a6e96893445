#include "cli/drift_report.hpp"

#include <fmt/format.h>

namespace migcmd::cli {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

constexpr std::string_view extra = "is in the database, but no applied migration creates it";
constexpr std::string_view missing = "is missing from the database, though a migration creates it";

std::string column_summary(const Column& c) {
  std::string out = describe(c.type) + (c.nullable ? " NULL" : " NOT NULL");
  if (c.default_value) {
    if (const auto* e = std::get_if<SqlExpression>(&*c.default_value)) {
      out += " DEFAULT " + e->sql;
    } else {
      out += " DEFAULT " + describe(std::get<Value>(*c.default_value));
    }
  }
  if (c.identity) out += " IDENTITY";
  if (!c.collation.empty()) out += " COLLATE " + c.collation;
  return out;
}

}  // namespace

std::string drift_description(const Operation& op) {
  return std::visit(
      Overloaded{
          [](const CreateTable& o) {
            return fmt::format("table {} {}", to_string(o.table.name), extra);
          },
          [](const DropTable& o) { return fmt::format("table {} {}", to_string(o.name), missing); },
          [](const AddColumn& o) {
            return fmt::format("column {}.{} ({}) {}", to_string(o.table), o.column.name,
                               column_summary(o.column), extra);
          },
          [](const DropColumn& o) {
            return fmt::format("column {}.{} {}", to_string(o.table), o.name, missing);
          },
          [](const AlterColumn& o) {
            if (!o.from) return fmt::format("column {}.{} differs", to_string(o.table), o.name);
            return fmt::format(
                "column {}.{} differs: the migrations make it {}, the database has {}",
                to_string(o.table), o.name, column_summary(*o.from),
                column_summary(apply_change(*o.from, o.change)));
          },
          [](const CreateIndex& o) {
            return fmt::format("index {} on {} {}", o.index.name, to_string(o.table), extra);
          },
          [](const DropIndex& o) {
            return fmt::format("index {} on {} {}", o.name, to_string(o.table), missing);
          },
          [](const AddForeignKey& o) {
            return fmt::format("foreign key {} on {} {}", o.key.name, to_string(o.table), extra);
          },
          [](const DropForeignKey& o) {
            return fmt::format("foreign key {} on {} {}", o.name, to_string(o.table), missing);
          },
          [](const AddUnique& o) {
            return fmt::format("unique constraint {} on {} {}", o.constraint.name,
                               to_string(o.table), extra);
          },
          [](const DropUnique& o) {
            return fmt::format("unique constraint {} on {} {}", o.name, to_string(o.table),
                               missing);
          },
          [](const AddCheck& o) {
            return fmt::format("check {} on {} {}", o.check.name, to_string(o.table), extra);
          },
          [](const DropCheck& o) {
            return fmt::format("check {} on {} {}", o.name, to_string(o.table), missing);
          },
          [](const AddPrimaryKey& o) {
            return fmt::format("primary key ({}) on {} {}", fmt::join(o.key.columns, ", "),
                               to_string(o.table), extra);
          },
          [](const DropPrimaryKey& o) {
            return fmt::format("primary key on {} {}", to_string(o.table), missing);
          },
          [](const EnsureSchema& o) { return fmt::format("schema {} {}", o.name, extra); },
          [&op](const auto&) { return fmt::format("the database differs: {}", describe(op)); },
      },
      op);
}

}  // namespace migcmd::cli
