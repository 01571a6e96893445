#pragma once
// The schema a list of migrations produces: they are applied, by the migrator, in a scratch space
// on a development database (Provider::open_scratch) and read back with the provider's reader.
// `diff --from DIR` and `drift` use it; the scratch space is dropped before this returns.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/migration_script.hpp"
#include "migcmd/provider.hpp"
#include "migcmd/schema.hpp"

namespace migcmd {

struct ReplayOptions {
  // Apply up to and including this version; default: every migration.
  std::optional<std::string> target;
  // Only these versions (e.g. the ones a database has applied); default: all up to `target`.
  std::optional<std::vector<std::string>> versions;
  QualifiedName history_table{"migcmd_history"};
};

// Throws what the migrator throws (a migration that fails in the scratch space names its file and
// statement) and Error(unsupported_operation) for a provider without scratch spaces.
[[nodiscard]] Schema replay_migrations(const Provider& provider, std::string_view dev_url,
                                       std::vector<MigrationScript> migrations,
                                       const ReplayOptions& options = {});

}  // namespace migcmd
