#pragma once
// Risk analysis of migrations: every statement of a SQL migration, and every operation of a code
// migration (together with the SQL the dialect renders for it), checked against the rules of
// risk_rules.hpp. Findings name the migration, file, line and statement, say what goes wrong and
// what is safer. A rule can be waived in the migration itself, with a reason:
//   SQL files   "-- migcmd:allow <rule>[, <rule>...]: <reason>" waives those rules for the
//               statement that follows the comment (or the one it sits in, between two of its
//               lines); "-- migcmd:allow-file <rule>...: <reason>" for every statement of the
//               script. Rules are codes (MG101) or names (drop_column), in any case.
//   code        MigrationMetadata::waivers ({rule, reason}), for the whole migration.
// A waived finding stays in the report with its reason and does not count towards its level. A
// waiver without a reason, or naming no known rule, waives nothing and is itself a finding.

#include <optional>
#include <string>
#include <vector>

#include "migcmd/dialect.hpp"
#include "migcmd/governance/risk_level.hpp"
#include "migcmd/governance/risk_rules.hpp"
#include "migcmd/migration_script.hpp"
#include "migcmd/migrator/events.hpp"

namespace migcmd::governance {

struct RiskFinding {
  std::string code;  // "MG101"
  std::string rule;  // "drop_column"
  RiskLevel level = RiskLevel::low;
  std::string message;     // what this statement does wrong, naming the objects
  std::string suggestion;  // the safer way
  std::string migration;   // the migration's display name
  std::string source;      // its file ("code" for a code migration)
  int line = 0;            // the statement's first line in the file; 0 for a code migration
  int statement = 0;       // 1-based: the statement of a SQL script, the operation of a code one
  std::string sql;         // the statement (or the SQL rendered for the operation)
  std::optional<std::string> waiver;  // the waiver's reason when the finding is waived

  [[nodiscard]] bool waived() const noexcept { return waiver.has_value(); }
};

struct RiskReport {
  std::vector<RiskFinding> findings;  // in migration, then statement order

  // The highest level of the findings that are not waived; LOW when there are none.
  [[nodiscard]] RiskLevel level() const noexcept;
  // True when a finding that is not waived is at `threshold` or above.
  [[nodiscard]] bool reaches(RiskLevel threshold) const noexcept;
};

// Analyses one migration in one direction for `dialect` (the rules for PostgreSQL or MySQL apply
// only there). Throws Error(parse_error) naming file and line when a SQL script cannot be split
// (an unterminated quote), and Error(invalid_migration) when a code migration's up() or down()
// throws.
[[nodiscard]] RiskReport analyze(const MigrationScript& migration, const Dialect& dialect,
                                 Direction direction = Direction::up);

// Analyses the up direction of each migration, in order. Code migrations are replayed on a
// schema model as they go, so that a later migration's AlterColumn knows the type it changes.
[[nodiscard]] RiskReport analyze(const std::vector<MigrationScript>& migrations,
                                 const Dialect& dialect);

// "<file>:<line>" for a statement of a SQL file, "<migration> operation <n>" for a code one.
[[nodiscard]] std::string location(const RiskFinding& finding);

// The lines `migcmd lint` prints for a finding:
//   <location>  <LEVEL>  <CODE> <rule>  <message>
//       suggestion: <suggestion>
//       waived: <reason>            (only when waived)
[[nodiscard]] std::string format_finding(const RiskFinding& finding);

}  // namespace migcmd::governance
