#include "migcmd/migrator/replay.hpp"

#include <algorithm>

#include "migcmd/migrator/migrator.hpp"

namespace migcmd {

Schema replay_migrations(const Provider& provider, std::string_view dev_url,
                         std::vector<MigrationScript> migrations, const ReplayOptions& options) {
  if (options.versions) {
    const auto& keep = *options.versions;
    std::erase_if(migrations, [&](const MigrationScript& m) {
      return m.kind == MigrationKind::versioned &&
             std::none_of(keep.begin(), keep.end(), [&](const std::string& v) {
               return compare_versions(v, m.version) == 0;
             });
    });
  }
  auto scratch = provider.open_scratch(dev_url);
  MigratorOptions migrator_options;
  migrator_options.history_table = options.history_table;
  migrator_options.statement_lock_timeout = std::chrono::milliseconds{0};
  Migrator migrator(scratch->connection(), provider, std::move(migrations), migrator_options);
  UpOptions up;
  up.target = options.target;
  (void)migrator.up(up);
  ReadOptions read;
  read.history_table = options.history_table;
  return provider.read_schema(scratch->connection(), read);
}

}  // namespace migcmd
