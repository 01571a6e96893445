#include "cli/providers.hpp"

#ifdef MIGCMD_CLI_WITH_SQLITE
#include "migcmd/providers/sqlite.hpp"
#endif
#ifdef MIGCMD_CLI_WITH_POSTGRES
#include "migcmd/providers/postgres.hpp"
#endif
#ifdef MIGCMD_CLI_WITH_MYSQL
#include "migcmd/providers/mysql.hpp"
#endif
#ifdef MIGCMD_CLI_WITH_SQLSERVER
#include "migcmd/providers/sqlserver.hpp"
#endif

namespace migcmd::cli {

ProviderRegistry builtin_providers() {
  ProviderRegistry registry;
#ifdef MIGCMD_CLI_WITH_SQLITE
  registry.add(sqlite::make_provider());
#endif
#ifdef MIGCMD_CLI_WITH_POSTGRES
  registry.add(postgres::make_provider());
#endif
#ifdef MIGCMD_CLI_WITH_MYSQL
  registry.add(mysql::make_provider());
#endif
#ifdef MIGCMD_CLI_WITH_SQLSERVER
  registry.add(sqlserver::make_provider());
#endif
  return registry;
}

}  // namespace migcmd::cli
