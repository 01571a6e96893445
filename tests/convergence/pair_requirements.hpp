#pragma once
// Which pairs a database can run: what a pair needs is read from its two schemas and compared
// with the database's capabilities. A pair left out is reported with the reason, never dropped
// silently.

#include <optional>
#include <string>

#include "convergence/schema_pair.hpp"
#include "migcmd/capabilities.hpp"

namespace migcmd::convergence {

struct DialectTraits {
  Capabilities capabilities;
  // MySQL keeps a UNIQUE constraint as a unique index: an all-ascending unique index reads back
  // as a unique constraint, so the model cannot hold one apart from the other there.
  bool unique_index_apart_from_constraint = true;
  // InnoDB treats RESTRICT as NO ACTION and reports either one for both.
  bool restrict_apart_from_no_action = true;
  // InnoDB refuses ON DELETE / ON UPDATE SET DEFAULT.
  bool set_default_action = true;
  // MySQL looks an unqualified REFERENCES table up in the referencing table's database, not the
  // connection's: a key from another schema to a table of the default one needs the default
  // database's name, which a dialect (no connection) does not know.
  bool unqualified_reference_from_other_schema = true;
  // MySQL 8 refuses to rename a column a CHECK uses, so the mysql dialect refuses it on MariaDB
  // too (MariaDB 10.11 would rename it inside the check).
  bool rename_column_used_by_check = true;
  // A collation the database has besides its default, for convergence::other_collation.
  std::string collation;
};

// Why the database cannot hold one of the pair's schemas, or std::nullopt when it can.
[[nodiscard]] std::optional<std::string> unsupported_reason(const SchemaPair& pair,
                                                            const DialectTraits& traits);

}  // namespace migcmd::convergence
