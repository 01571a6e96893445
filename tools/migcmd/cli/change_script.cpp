#include "cli/change_script.hpp"

#include <fmt/format.h>

#include "migcmd/apply_operation.hpp"

namespace migcmd::cli {

std::vector<std::string> change_statements(const OperationList& operations, const Schema& from,
                                           const Dialect& dialect) {
  std::vector<std::string> out;
  Schema current = from;
  for (const auto& op : operations) {
    std::string comment = fmt::format("-- {}\n", describe(op));
    if (is_destructive(op)) comment = "-- WARNING: destroys data\n" + comment;
    for (const auto& command : dialect.generate({op}, current)) {
      out.push_back(comment + command.sql);
      comment.clear();
    }
    apply_operation(current, op);
  }
  return out;
}

std::string change_script(const SchemaDiff& diff, const Schema& from, const Dialect& dialect) {
  std::string out;
  for (const auto& r : diff.likely_renames) {
    out += fmt::format("-- Likely rename, written as a drop and an add: {} {} -> {} ({})\n", r.kind,
                       r.from, r.to, r.hint);
  }
  if (!out.empty()) out += "\n";
  for (const auto& statement : change_statements(diff.operations, from, dialect)) {
    out += statement + ";\n\n";
  }
  return out;
}

}  // namespace migcmd::cli
