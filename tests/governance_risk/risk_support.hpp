#pragma once
// Helpers for the risk tests: dialects by name, SQL and code migrations made on the spot, and the
// codes a report holds.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "migcmd/builder.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/governance/risk.hpp"
#include "migcmd/migration.hpp"
#include "migcmd/migration_script.hpp"

namespace risk_test {

// "postgres", "mysql" or "sqlite".
[[nodiscard]] const migcmd::Dialect& dialect(const std::string& name);

// A Flyway-style SQL migration V1__test.sql whose up script is `sql`.
[[nodiscard]] migcmd::MigrationScript sql_migration(std::string sql, bool transactional = true,
                                                    std::string version = "1");

// A code migration whose up() is `up`.
[[nodiscard]] migcmd::MigrationScript code_migration(
    std::function<void(migcmd::MigrationBuilder&)> up, std::string version = "1");

// Codes of the findings that are not waived, in order.
[[nodiscard]] std::vector<std::string> active_codes(const migcmd::governance::RiskReport& report);
[[nodiscard]] bool has_active(const migcmd::governance::RiskReport& report,
                              const std::string& code);
// Every finding, one per line, for failure messages.
[[nodiscard]] std::string dump(const migcmd::governance::RiskReport& report);

}  // namespace risk_test
