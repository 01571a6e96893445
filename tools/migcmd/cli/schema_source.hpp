#pragma once
// Where `diff`, `drift` and `add` get a schema from: a live database URL (read through its
// provider's reader), a snapshot file (JSON), or a directory of SQL migrations (replayed in a
// scratch space on the development database, --dev-url; SQLite replays in memory).

#include <string>

#include "cli/context.hpp"
#include "migcmd/schema.hpp"

namespace migcmd::cli {

struct LoadedSchema {
  Schema schema;
  // The provider the schema came from: the URL's, or the one it was replayed with; nullptr for a
  // snapshot.
  const Provider* provider = nullptr;
  std::string dialect;       // the provider's name, or the snapshot's dialect ("" if it has none)
  std::string description;   // "postgres://u:***@h/db", "snapshot s.json", "migrations in db/m"
  std::string last_version;  // snapshots and directories: the newest migration's version
};

// `replay_provider` decides how a directory is replayed when --dev-url is not given (e.g. the
// provider of the other side of a diff); nullptr: only --dev-url or SQLite can.
[[nodiscard]] LoadedSchema load_schema(const Context& context, const std::string& spec,
                                       const Provider* replay_provider);

// The development database to replay migrations for `provider` in: --dev-url, which must be of
// the same kind, or "" for SQLite (in memory). Error(usage) when there is none; `what` says what
// is being replayed.
[[nodiscard]] std::string dev_url_for(const Context& context, const Provider& provider,
                                      const std::string& what);

// True when `spec` names a database URL of a known provider (its scheme is registered).
[[nodiscard]] bool is_database_url(const Context& context, const std::string& spec);

}  // namespace migcmd::cli
