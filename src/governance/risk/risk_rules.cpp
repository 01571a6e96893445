#include "migcmd/governance/risk_rules.hpp"

#include <cctype>
#include <stdexcept>
#include <utility>

#include "risk/rule_id.hpp"

namespace migcmd::governance {
namespace {

constexpr RiskLevel low = RiskLevel::low;
constexpr RiskLevel medium = RiskLevel::medium;
constexpr RiskLevel high = RiskLevel::high;
constexpr RiskLevel critical = RiskLevel::critical;

std::vector<RiskRuleInfo> make_catalogue() {
  const std::vector<std::string> pg = {"postgres"};
  const std::vector<std::string> my = {"mysql"};
  const std::vector<std::pair<risk::RuleId, RiskRuleInfo>> entries = {
      // MG1xx: destructive, data loss.
      {risk::RuleId::drop_column,
       {"MG101",
        "drop_column",
        high,
        "Drops a column: its data is lost, and running code that still reads or writes it fails.",
        "Expand/contract: deploy code that no longer uses the column, then drop it in a later "
        "migration; keep a copy of the data if it may be needed again.",
        {}}},
      {risk::RuleId::drop_table,
       {"MG102",
        "drop_table",
        critical,
        "Drops a table with all its rows; running code that uses it fails.",
        "Deploy code that no longer uses the table first; rename it aside or back it up, and drop "
        "it in a later migration once nothing broke.",
        {}}},
      {risk::RuleId::drop_schema,
       {"MG103",
        "drop_schema",
        critical,
        "Drops a schema, and with CASCADE every table, view and function in it.",
        "Drop the objects you mean to remove one by one after checking nothing uses them; back the "
        "schema up first.",
        {}}},
      {risk::RuleId::drop_database,
       {"MG104",
        "drop_database",
        critical,
        "Drops a whole database from inside a migration.",
        "Never drop a database in a migration: do it by hand, after a backup, outside the tool.",
        {}}},
      {risk::RuleId::truncate,
       {"MG105",
        "truncate",
        critical,
        "TRUNCATE deletes every row of the table at once (and cannot be rolled back on "
        "MySQL/MariaDB).",
        "Delete the rows you mean with a WHERE clause, in batches, and keep a copy of the data.",
        {}}},
      {risk::RuleId::truncate_cascade,
       {"MG106",
        "truncate_cascade",
        critical,
        "TRUNCATE ... CASCADE also empties every table that has a foreign key to the truncated "
        "one, "
        "recursively.",
        "Name every table to empty explicitly, without CASCADE, after checking what references "
        "them.",
        {}}},
      {risk::RuleId::delete_without_where,
       {"MG107",
        "delete_without_where",
        critical,
        "DELETE without WHERE removes every row.",
        "Add a WHERE clause naming the rows to delete; on large tables delete in batches.",
        {}}},
      {risk::RuleId::update_without_where,
       {"MG108",
        "update_without_where",
        high,
        "UPDATE without WHERE overwrites the column in every row.",
        "Add a WHERE clause naming the rows; backfill large tables in batches, outside the schema "
        "change.",
        {}}},
      {risk::RuleId::drop_constraint,
       {"MG109",
        "drop_constraint",
        medium,
        "Drops a constraint (foreign key, unique, check or primary key): the database stops "
        "enforcing it and bad data can get in.",
        "Make sure the rule is enforced elsewhere or replaced first, and drop it in its own "
        "migration so it can be restored.",
        {}}},
      {risk::RuleId::drop_not_null,
       {"MG110",
        "drop_not_null",
        medium,
        "Makes a NOT NULL column nullable: code that assumes it always has a value breaks on the "
        "first NULL.",
        "Update every reader to handle NULL before allowing NULLs.",
        {}}},
      {risk::RuleId::narrow_column_type,
       {"MG111",
        "narrow_column_type",
        high,
        "Changes a column to a narrower type (shorter string, smaller integer, less precision): "
        "values that do not fit make the migration fail, or are truncated where the database "
        "allows it (MySQL/MariaDB outside strict mode).",
        "Check that every value fits (e.g. SELECT max(length(col))) and fix the data first, or add "
        "a new column, backfill, switch and drop the old one.",
        {}}},
      {risk::RuleId::create_table_replace,
       {"MG112",
        "create_table_replace",
        high,
        "CREATE OR REPLACE TABLE (MariaDB) silently drops an existing table of that name with all "
        "its rows.",
        "Use CREATE TABLE (IF NOT EXISTS), and drop an old table explicitly in its own reviewed "
        "step.",
        {}}},
      // MG2xx: backward-incompatible.
      {risk::RuleId::rename_table,
       {"MG201",
        "rename_table",
        high,
        "Renames a table: the running application still uses the old name and fails until new code "
        "is deployed (and old instances keep failing during a rolling deploy).",
        "Expand/contract: create the new table (or a view with the new name), write to both, "
        "backfill, switch readers, then drop the old one in a later migration.",
        {}}},
      {risk::RuleId::rename_column,
       {"MG202",
        "rename_column",
        high,
        "Renames a column: running code that uses the old name fails until every instance runs the "
        "new code.",
        "Expand/contract: add the new column, write to both, backfill, switch readers, then drop "
        "the old column in a later migration.",
        {}}},
      {risk::RuleId::change_column_type,
       {"MG203",
        "change_column_type",
        medium,
        "Changes a column's type: code reading or writing it may break (parsing, precision, "
        "comparisons), and most databases rewrite the table to do it.",
        "Add a column of the new type, write to both, backfill, switch readers, then drop the old "
        "column.",
        {}}},
      {risk::RuleId::rename_schema,
       {"MG204",
        "rename_schema",
        high,
        "Renames a schema: every qualified reference to its objects breaks.",
        "Create the new schema and move objects over with compatibility views, or keep the name.",
        {}}},
      {risk::RuleId::rename_enum_value,
       {"MG205", "rename_enum_value", high,
        "ALTER TYPE ... RENAME VALUE: running code that sends or compares the old label fails.",
        "Add the new value, migrate rows and code to it, and stop using the old one.", pg}},
      // MG3xx: data-dependent, may fail at apply time.
      {risk::RuleId::add_unique_index,
       {"MG301",
        "add_unique_index",
        medium,
        "Adds a unique index or constraint to an existing table: it fails if existing rows have "
        "duplicates (and a failed CREATE UNIQUE INDEX CONCURRENTLY leaves an invalid index).",
        "Look for duplicates first (GROUP BY the columns HAVING count(*) > 1) and resolve them; on "
        "PostgreSQL build it with CREATE UNIQUE INDEX CONCURRENTLY.",
        {}}},
      {risk::RuleId::add_primary_key,
       {"MG302",
        "add_primary_key",
        medium,
        "Adds a primary key to an existing table: it fails on duplicate keys or NULLs.",
        "Check the key columns for duplicates and NULLs first; on PostgreSQL build a unique index "
        "CONCURRENTLY and add the key with USING INDEX.",
        {}}},
      {risk::RuleId::add_not_null_column,
       {"MG303",
        "add_not_null_column",
        high,
        "Adds a NOT NULL column without a default to an existing table: PostgreSQL and SQL Server "
        "refuse it when the table has rows, SQLite always refuses it, and MariaDB silently fills "
        "existing rows with the type's implicit default (0, '', a zero date).",
        "Add the column nullable or with a DEFAULT, backfill, then set NOT NULL in a later "
        "migration.",
        {}}},
      {risk::RuleId::set_not_null,
       {"MG304",
        "set_not_null",
        medium,
        "Makes an existing column NOT NULL: it fails if any row holds NULL.",
        "Backfill the NULLs first (in batches); on PostgreSQL add CHECK (col IS NOT NULL) NOT "
        "VALID, VALIDATE it, then SET NOT NULL.",
        {}}},
      // MG4xx: locking and table rewrites, PostgreSQL.
      {risk::RuleId::create_index_non_concurrent,
       {"MG401", "create_index_non_concurrent", high,
        "CREATE INDEX without CONCURRENTLY on an existing table takes a SHARE lock: every write to "
        "the table waits for the whole build.",
        "CREATE INDEX CONCURRENTLY, in a migration that runs outside a transaction (dbmate "
        "\"-- migrate:up transaction:false\", \"-- Transactional: false\", or "
        "RawSql::suppress_transaction).",
        pg}},
      {risk::RuleId::drop_index_non_concurrent,
       {"MG402", "drop_index_non_concurrent", medium,
        "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table: it queues "
        "behind running queries and blocks every query behind it.",
        "DROP INDEX CONCURRENTLY, in a migration that runs outside a transaction.", pg}},
      {risk::RuleId::add_column_volatile_default,
       {"MG403", "add_column_volatile_default", high,
        "ADD COLUMN with a volatile default (random(), gen_random_uuid(), clock_timestamp(), "
        "nextval() or a serial type), an identity, or a STORED generated column rewrites the whole "
        "table under ACCESS EXCLUSIVE. Constant and stable defaults (0, 'x', now(), "
        "CURRENT_TIMESTAMP) are stored once in the catalog since PostgreSQL 11 and are not "
        "flagged.",
        "Add the column without a default (or with a constant one), set the default for new rows "
        "afterwards, and backfill existing rows in batches.",
        pg}},
      {risk::RuleId::alter_type_rewrite,
       {"MG404", "alter_type_rewrite", high,
        "ALTER COLUMN ... TYPE rewrites the table and rebuilds its indexes under ACCESS EXCLUSIVE. "
        "Only varchar(n) to text or to a wider varchar, and numeric to a higher precision at the "
        "same scale, are metadata-only and not flagged.",
        "Add a column of the new type, backfill in batches, switch readers, drop the old column.",
        pg}},
      {risk::RuleId::foreign_key_without_not_valid,
       {"MG405", "foreign_key_without_not_valid", high,
        "Adding a foreign key to an existing table without NOT VALID scans it while holding SHARE "
        "ROW EXCLUSIVE on both tables: writes to both wait for the scan.",
        "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in "
        "a later migration (it takes a weaker lock).",
        pg}},
      {risk::RuleId::check_without_not_valid,
       {"MG406", "check_without_not_valid", high,
        "Adding a CHECK constraint to an existing table without NOT VALID scans it under ACCESS "
        "EXCLUSIVE: every read and write waits.",
        "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in a later migration.",
        pg}},
      {risk::RuleId::set_not_null_scan,
       {"MG407", "set_not_null_scan", high,
        "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE, unless a validated CHECK (col "
        "IS NOT NULL) proves it first (PostgreSQL 12+ then skips the scan).",
        "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; ALTER TABLE ... VALIDATE CONSTRAINT "
        "c; "
        "then SET NOT NULL (and drop the check).",
        pg}},
      {risk::RuleId::unique_constraint_without_index,
       {"MG408", "unique_constraint_without_index", high,
        "ADD UNIQUE or ADD PRIMARY KEY on an existing table builds its index under ACCESS "
        "EXCLUSIVE: reads and writes wait for the whole build.",
        "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX (or "
        "PRIMARY KEY USING INDEX).",
        pg}},
      {risk::RuleId::vacuum_full_or_cluster,
       {"MG409", "vacuum_full_or_cluster", high,
        "VACUUM FULL and CLUSTER rewrite the table under ACCESS EXCLUSIVE for their whole run.",
        "Use pg_repack (or pg_squeeze) to rebuild online; plain VACUUM reclaims space without "
        "blocking.",
        pg}},
      {risk::RuleId::reindex_non_concurrent,
       {"MG410", "reindex_non_concurrent", high,
        "REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, "
        "for the whole rebuild.",
        "REINDEX ... CONCURRENTLY (PostgreSQL 12+), in a migration that runs outside a "
        "transaction.",
        pg}},
      {risk::RuleId::detach_partition_non_concurrent,
       {"MG411", "detach_partition_non_concurrent", medium,
        "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table.",
        "DETACH PARTITION ... CONCURRENTLY (PostgreSQL 14+), in a migration that runs outside a "
        "transaction.",
        pg}},
      {risk::RuleId::domain_constraint_scan,
       {"MG412", "domain_constraint_scan", medium,
        "ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID checks every column of that domain in "
        "every table while holding locks on them.",
        "ADD CONSTRAINT ... NOT VALID, then ALTER DOMAIN ... VALIDATE CONSTRAINT; prefer CHECK "
        "constraints on tables to constrained domains.",
        pg}},
      // MG42x: locking and table copies, MySQL / MariaDB.
      {risk::RuleId::mysql_table_copy,
       {"MG420", "mysql_table_copy", high,
        "On MariaDB 10.11 (InnoDB) changing a column's type (MODIFY/CHANGE with another type; "
        "widening a VARCHAR within the same length-prefix size is in place) or converting the "
        "character set copies the whole table, blocking writes until the copy ends. ADD and DROP "
        "COLUMN are instant at any position since 10.4, so column order is not checked.",
        "Add a column of the new type, backfill in batches, switch, drop the old one; or run the "
        "change with an online schema change tool (pt-online-schema-change, gh-ost). Adding "
        "ALGORITHM=INPLACE or INSTANT makes MariaDB refuse instead of copying.",
        my}},
      {risk::RuleId::mysql_algorithm_copy,
       {"MG421", "mysql_algorithm_copy", high,
        "ALGORITHM=COPY forces a full table copy during which writes are blocked.",
        "Let MariaDB pick the algorithm, or ask for ALGORITHM=INSTANT / INPLACE so that it refuses "
        "rather than copies.",
        my}},
      {risk::RuleId::mysql_lock_clause,
       {"MG422", "mysql_lock_clause", high,
        "LOCK=SHARED blocks writes, and LOCK=EXCLUSIVE blocks reads and writes, for the whole "
        "ALTER.",
        "Use LOCK=NONE (MariaDB refuses the ALTER if it cannot run without blocking), or an online "
        "schema change tool.",
        my}},
      // MG5xx: execution safety.
      {risk::RuleId::concurrently_in_transaction,
       {"MG501", "concurrently_in_transaction", high,
        "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY "
        "cannot run inside a transaction block: this migration runs in one, so it fails.",
        "Put the statement alone in a migration that runs outside a transaction: dbmate "
        "\"-- migrate:up transaction:false\", migcmd \"-- Transactional: false\", or "
        "RawSql::suppress_transaction / MigrationMetadata::transactional = false in code.",
        pg}},
      {risk::RuleId::mixed_ddl_dml,
       {"MG502", "mixed_ddl_dml", medium,
        "On MySQL/MariaDB every DDL statement commits implicitly: the data changes of a migration "
        "that also changes the schema cannot be rolled back with it, and a failure leaves the "
        "migration half applied (up --resume continues it).",
        "Put schema changes and data changes in separate migrations.", my}},
      {risk::RuleId::backfill_with_ddl,
       {"MG503",
        "backfill_with_ddl",
        medium,
        "Updates rows of an existing table in the same transaction as a schema change: the DDL's "
        "locks are held until every row is updated. (MySQL commits DDL at once: see MG502; "
        "SQLite locks the whole database for any migration.)",
        "Backfill in a separate migration (or job), in batches, after the schema change is "
        "committed.",
        {"postgres", "sqlserver"}}},
      {risk::RuleId::transaction_control,
       {"MG504",
        "transaction_control",
        medium,
        "BEGIN/COMMIT/ROLLBACK inside a migration: migcmd runs each migration in its own "
        "transaction (unless it is marked non-transactional), so a COMMIT ends it early and a "
        "later failure leaves the migration half applied.",
        "Remove the statement; mark the migration non-transactional when it must run outside a "
        "transaction.",
        {}}},
      {risk::RuleId::opaque_statement,
       {"MG505",
        "opaque_statement",
        medium,
        "DO blocks, CALL and EXECUTE run code that cannot be inspected here: what it changes, and "
        "how it locks, is unknown.",
        "Write the change as plain statements, or review the procedure and waive this rule with "
        "what it does.",
        {}}},
      {risk::RuleId::lock_timeout_override,
       {"MG506",
        "lock_timeout_override",
        low,
        "The migration sets lock_timeout (lock_wait_timeout on MySQL) itself. A missing "
        "lock_timeout is not a finding: migcmd sets one before running migrations "
        "(--statement-lock-timeout, default 10 s) and retries a statement that times out on a "
        "lock; a SET here replaces that for the rest of the run.",
        "Remove the SET and use --statement-lock-timeout "
        "(MigratorOptions::statement_lock_timeout).",
        {}}},
      {risk::RuleId::waiver_without_reason,
       {"MG590",
        "waiver_without_reason",
        medium,
        "A migcmd:allow waiver gives no reason: it waives nothing until it says why the risk is "
        "accepted.",
        "Write \"-- migcmd:allow <rule>: <why this is safe here>\".",
        {}}},
      {risk::RuleId::unknown_waiver_rule,
       {"MG591",
        "unknown_waiver_rule",
        medium,
        "A migcmd:allow waiver names a rule that does not exist, so it waives nothing.",
        "Name rules by code (MG101) or name (drop_column): `migcmd lint --rules` lists them.",
        {}}},
      // MG6xx: schema hygiene.
      {risk::RuleId::prefer_bigint_key,
       {"MG601",
        "prefer_bigint_key",
        low,
        "A key or identity column narrower than bigint (int, smallint, serial) runs out after 2^31 "
        "(or 2^15) values, and widening it later rewrites the table. Not checked on SQLite, whose "
        "integers are 64-bit.",
        "Use bigint (bigint GENERATED BY DEFAULT AS IDENTITY, BIGINT AUTO_INCREMENT).",
        {}}},
      {risk::RuleId::prefer_timestamptz,
       {"MG602", "prefer_timestamptz", low,
        "timestamp without time zone stores wall-clock values with no zone: they change meaning "
        "when sessions or servers use different time zones.",
        "Use timestamptz (timestamp with time zone).", pg}},
      {risk::RuleId::ban_char_type,
       {"MG603",
        "ban_char_type",
        low,
        "char(n) pads values with spaces to n characters: lengths, comparisons and storage "
        "surprise.",
        "Use varchar(n) or text (with a CHECK on the length if it matters).",
        {}}},
      {risk::RuleId::prefer_jsonb,
       {"MG604", "prefer_jsonb", low,
        "json keeps the text as written: it has no equality operator (DISTINCT, GROUP BY and "
        "unique indexes fail) and no GIN indexing.",
        "Use jsonb.", pg}},
      {risk::RuleId::identifier_too_long,
       {"MG605", "identifier_too_long", low,
        "PostgreSQL silently truncates identifiers to 63 bytes: two long names can collide, and "
        "later statements using the full name miss.",
        "Use a name of at most 63 bytes.", pg}},
      {risk::RuleId::prefer_identity,
       {"MG606", "prefer_identity", low,
        "serial types create a separately owned sequence with its own permissions; identity "
        "columns are the standard, self-contained form.",
        "Use bigint GENERATED BY DEFAULT AS IDENTITY.", pg}},
      {risk::RuleId::wide_index,
       {"MG607",
        "wide_index",
        low,
        "A non-unique index over more than three columns is rarely used in full and slows every "
        "write.",
        "Index the leading columns queries filter on, and check the plans with EXPLAIN.",
        {}}},
  };
  // The analysers index the catalogue by RuleId: a misplaced entry is a bug caught on first use.
  std::vector<RiskRuleInfo> catalogue;
  for (const auto& [id, info] : entries) {
    if (static_cast<std::size_t>(id) != catalogue.size()) {
      throw std::logic_error("risk rule " + info.code + " is out of RuleId order");
    }
    catalogue.push_back(info);
  }
  if (catalogue.size() != static_cast<std::size_t>(risk::RuleId::count_)) {
    throw std::logic_error("the risk rule catalogue lacks entries");
  }
  return catalogue;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (std::tolower(x) != std::tolower(y)) return false;
  }
  return true;
}

}  // namespace

const std::vector<RiskRuleInfo>& risk_rules() {
  static const std::vector<RiskRuleInfo> catalogue = make_catalogue();
  return catalogue;
}

const RiskRuleInfo* find_risk_rule(std::string_view code_or_name) noexcept {
  for (const auto& r : risk_rules()) {
    if (iequals(r.code, code_or_name) || iequals(r.name, code_or_name)) return &r;
  }
  return nullptr;
}

namespace risk {

const RiskRuleInfo& rule(RuleId id) {
  return risk_rules().at(static_cast<std::size_t>(id));
}

}  // namespace risk
}  // namespace migcmd::governance
