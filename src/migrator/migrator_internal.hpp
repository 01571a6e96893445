#pragma once
// Pieces of the migrator shared by its source files (internal).

#include <string>
#include <vector>

#include "migcmd/dialect.hpp"
#include "migcmd/migration_script.hpp"
#include "migcmd/migrator/events.hpp"
#include "migcmd/migrator/history.hpp"

namespace migcmd::detail {

[[nodiscard]] std::string utc_now();  // "YYYY-MM-DD HH:MM:SS"
[[nodiscard]] std::string os_user();
[[nodiscard]] std::string host_name();

// The history key of a migration: its version, or "R__<name>" for a repeatable one.
[[nodiscard]] std::string history_key(const MigrationScript& script);

// Replays the operations of every code migration before `end` (in plan order) on a model, to
// render code migrations that need current definitions. SQL migrations cannot be replayed;
// operations that do not fit the model are skipped.
[[nodiscard]] Schema replay_code_migrations(const std::vector<MigrationScript>& migrations,
                                            std::size_t end);

// The statements of `script` in one direction. Code migrations are rendered against `model` (the
// schema before them); SQL migrations are split the way the database's client would.
[[nodiscard]] SqlCommands render_script(const MigrationScript& script, Direction direction,
                                        const Dialect& dialect, const Schema& model);

}  // namespace migcmd::detail
