#pragma once
// The table store's checks, run on each database server: the table in the catalog, tampering
// through SQL, and forked processes appending at once.

#include <functional>
#include <memory>
#include <string>

#include "migcmd/connection.hpp"
#include "migcmd/governance/audit.hpp"

namespace audit_test {

struct ServerStore {
  std::string name;  // "PostgreSQL"
  // A new connection; a FAIL when the server cannot be reached (never a skip).
  std::function<std::unique_ptr<migcmd::Connection>()> connect;
  std::function<std::unique_ptr<migcmd::governance::AuditStore>()> open;  // the store under test
  std::string table_sql;       // the table as it is named in SQL
  std::function<void()> drop;  // drops the table (and its schema) if present
};

void check_round_trip(const ServerStore& server);
void check_tampering(const ServerStore& server);
void check_concurrent_appends(const ServerStore& server, int processes, int appends);

}  // namespace audit_test
