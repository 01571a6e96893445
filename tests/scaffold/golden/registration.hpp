// The migrations written by `add`, in version order. `add` rewrites this file: edits are lost.

#pragma once

#include <migcmd/migration_registry.hpp>

#include "sample_create_table.hpp"
#include "realistic_shop_create.hpp"
#include "design_time_shop_evolve.hpp"

namespace golden {

inline void register_migrations(migcmd::MigrationRegistry& registry) {
  registry.add<SampleCreateTable>("20250101000001", "sample_create_table");
  registry.add<RealisticShopCreate>("20250101000002", "realistic_shop_create");
  registry.add<DesignTimeShopEvolve>("20250101000003", "design_time_shop_evolve");
}

}  // namespace golden
