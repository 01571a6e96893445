#include "migcmd/diff.hpp"

namespace migcmd {

OperationList create_operations(const Schema& schema) {
  OperationList ops;
  for (const auto& ns : schema.namespaces) ops.push_back(EnsureSchema{ns});
  for (const auto& table : schema.tables) {
    Table without_keys = table;
    without_keys.foreign_keys.clear();
    ops.push_back(CreateTable{std::move(without_keys)});
  }
  for (const auto& table : schema.tables) {
    for (const auto& key : table.foreign_keys) ops.push_back(AddForeignKey{table.name, key});
  }
  return ops;
}

}  // namespace migcmd
