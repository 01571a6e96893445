#include "migcmd/migration.hpp"

#include <fmt/format.h>

#include "migcmd/error.hpp"

namespace migcmd {

void Migration::down(MigrationBuilder& builder) {
  MigrationBuilder forward(builder.migration_name());
  up(forward);
  for (auto& op : reverse(forward.build())) builder.append(std::move(op));
}

namespace {

OperationList run(Migration& migration, std::string_view name, bool up) {
  MigrationBuilder builder{std::string(name)};
  try {
    if (up)
      migration.up(builder);
    else
      migration.down(builder);
  } catch (Error& e) {
    // Errors raised while building (an irreversible operation in a derived down()) get the
    // migration's name; build() below adds it itself.
    if (e.message().rfind("migration ", 0) != 0) {
      e.add_context(fmt::format("migration {} ({})", name, up ? "up" : "down"));
    }
    throw;
  }
  return builder.build();
}

}  // namespace

OperationList up_operations(Migration& migration, std::string_view name) {
  return run(migration, name, true);
}

OperationList down_operations(Migration& migration, std::string_view name) {
  return run(migration, name, false);
}

}  // namespace migcmd
