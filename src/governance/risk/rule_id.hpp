#pragma once
// The rules by identifier, for the analysers; risk_rules() lists them in this order.

#include <cstddef>

#include "migcmd/governance/risk_rules.hpp"

namespace migcmd::governance::risk {

enum class RuleId : std::size_t {
  // MG1xx destructive
  drop_column,
  drop_table,
  drop_schema,
  drop_database,
  truncate,
  truncate_cascade,
  delete_without_where,
  update_without_where,
  drop_constraint,
  drop_not_null,
  narrow_column_type,
  create_table_replace,
  // MG2xx backward-incompatible
  rename_table,
  rename_column,
  change_column_type,
  rename_schema,
  rename_enum_value,
  // MG3xx data-dependent
  add_unique_index,
  add_primary_key,
  add_not_null_column,
  set_not_null,
  // MG4xx PostgreSQL
  create_index_non_concurrent,
  drop_index_non_concurrent,
  add_column_volatile_default,
  alter_type_rewrite,
  foreign_key_without_not_valid,
  check_without_not_valid,
  set_not_null_scan,
  unique_constraint_without_index,
  vacuum_full_or_cluster,
  reindex_non_concurrent,
  detach_partition_non_concurrent,
  domain_constraint_scan,
  // MG42x MySQL / MariaDB
  mysql_table_copy,
  mysql_algorithm_copy,
  mysql_lock_clause,
  // MG5xx execution safety
  concurrently_in_transaction,
  mixed_ddl_dml,
  backfill_with_ddl,
  transaction_control,
  opaque_statement,
  lock_timeout_override,
  waiver_without_reason,
  unknown_waiver_rule,
  // MG6xx hygiene
  prefer_bigint_key,
  prefer_timestamptz,
  ban_char_type,
  prefer_jsonb,
  identifier_too_long,
  prefer_identity,
  wide_index,
  count_,
};

[[nodiscard]] const RiskRuleInfo& rule(RuleId id);

}  // namespace migcmd::governance::risk
