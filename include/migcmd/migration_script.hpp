#pragma once
// A migration as the migrator runs it, whatever its source: a C++ Migration class registered in
// code, or a SQL file in one of the supported formats. Code and SQL migrations mix in one plan.

#include <memory>
#include <string>
#include <vector>

#include "migcmd/migration.hpp"

namespace migcmd {

enum class MigrationKind {
  versioned,   // applied once, in version order
  repeatable,  // Flyway R__: applied again whenever its checksum changes, after versioned ones
};

enum class SourceFormat { code, dbmate, flyway, golang_migrate, migcmd_sql };

// A risk-rule waiver: the migration's author accepts the findings of one rule for the whole
// migration, and says why (e.g. {"drop_column", "data moved to orders_archive in V041"}).
struct RiskRuleWaiver {
  std::string rule;    // a rule's code ("MG101") or name ("drop_column")
  std::string reason;  // required: a waiver without one waives nothing
};

struct MigrationMetadata {
  std::string author;
  std::string description;
  std::string created;
  std::string database;  // the dialect a SQL file says it was written for, if it says
  std::vector<std::string> tags;
  std::vector<std::string> dependencies;  // versions that must be applied first
  bool transactional = true;              // false: runs outside any transaction
  bool down_transactional = true;  // the same for the down script (dbmate's per-section option)
  // Risk-rule waivers for code migrations (SQL files waive with "-- migcmd:allow" comments).
  std::vector<RiskRuleWaiver> waivers;
};

struct MigrationScript {
  std::string version;  // as written ("20250114120000", "1.2", "000001"); empty for repeatable
  std::string name;     // "create_users"
  MigrationKind kind = MigrationKind::versioned;
  SourceFormat format = SourceFormat::code;
  std::string source;  // the file path, or "code" for a registered class: used in messages
  MigrationMetadata metadata;

  // SQL migrations: the text of each direction and the 1-based line it starts on in the file.
  std::string up_sql;
  std::string down_sql;
  bool has_down = false;
  int up_line = 1;
  int down_line = 1;
  std::string down_source;  // the file of the down script when it is separate (golang-migrate, U)

  // Code migrations.
  std::shared_ptr<Migration> code;

  std::string checksum;       // of the up script (SQL) or of its operations (code)
  std::string down_checksum;  // empty without a down script

  // "20250114120000_create_users" / "R__refresh_views": the migration's name in messages.
  [[nodiscard]] std::string display_name() const;
};

// Version order: dot/underscore separated segments compared numerically where both are numbers
// ("1.2" < "1.10", "000002" == "2"), textually otherwise. Returns <0, 0 or >0.
[[nodiscard]] int compare_versions(std::string_view a, std::string_view b);

// Sorts versioned migrations by version, then repeatable ones by name; throws Error
// (invalid_migration) naming both sources when two migrations have the same version.
void sort_migrations(std::vector<MigrationScript>& scripts);
// True when sort_migrations would neither move anything nor find two with the same version.
[[nodiscard]] bool migrations_in_order(const std::vector<MigrationScript>& scripts);

}  // namespace migcmd
