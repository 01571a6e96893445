// The migrations written by `add`, in version order. `add` rewrites this file: edits are lost.

#pragma once

#include <migcmd/migration_registry.hpp>

namespace golden::empty {

inline void register_migrations(migcmd::MigrationRegistry&) {}

}  // namespace golden::empty
