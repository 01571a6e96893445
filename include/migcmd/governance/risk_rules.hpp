#pragma once
// The catalogue of risk rules: each has a stable code, grouped by family, that CI configurations,
// waivers and audit records can name for good.
//   MG1xx  destructive: data is lost (drops, TRUNCATE, DELETE/UPDATE of every row, narrowing)
//   MG2xx  backward-incompatible: running code breaks (renames, type changes)
//   MG3xx  data-dependent: the statement may fail at apply time on existing rows
//   MG4xx  locking and table rewrites (PostgreSQL MG40x-41x, MySQL/MariaDB MG42x)
//   MG5xx  execution safety (transactions, opaque code, lock settings, waivers themselves)
//   MG6xx  schema hygiene (LOW)

#include <string>
#include <string_view>
#include <vector>

#include "migcmd/governance/risk_level.hpp"

namespace migcmd::governance {

struct RiskRuleInfo {
  std::string code;  // "MG101"
  std::string name;  // "drop_column": what waivers and messages use
  RiskLevel level = RiskLevel::low;
  std::string summary;                // what goes wrong, and on which database when it is specific
  std::string safer;                  // the safer alternative
  std::vector<std::string> dialects;  // the dialects it applies to ("postgres"...); empty: all
};

// Every rule, ordered by code. Codes and names are unique and never reused.
[[nodiscard]] const std::vector<RiskRuleInfo>& risk_rules();

// The rule with this code or name, case-insensitively ("mg101", "DROP_COLUMN"); nullptr if none.
[[nodiscard]] const RiskRuleInfo* find_risk_rule(std::string_view code_or_name) noexcept;

}  // namespace migcmd::governance
