#pragma once
// A code migration: a class whose up() describes the change with the fluent builder. down() is
// derived from up() when every operation is reversible; override it otherwise.

#include <string_view>

#include "migcmd/builder.hpp"

namespace migcmd {

class Migration {
 public:
  virtual ~Migration() = default;

  virtual void up(MigrationBuilder& builder) = 0;
  // Default: the reverse of up(). Throws Error(irreversible_operation) naming the operation that
  // has no inverse, so an irreversible migration without an explicit down() is caught early.
  virtual void down(MigrationBuilder& builder);
};

// Runs up() / down() on a fresh builder named `migration_name` and returns the checked operations.
[[nodiscard]] OperationList up_operations(Migration& migration, std::string_view migration_name);
[[nodiscard]] OperationList down_operations(Migration& migration, std::string_view migration_name);

}  // namespace migcmd
