#pragma once
// What one SQL statement does, as far as the risk rules care: its kind, the objects it names,
// and for CREATE TABLE and ALTER TABLE their column definitions, constraints and actions. Built by
// a recogniser over the tokens (sql_tokens.hpp), per dialect; anything it does not understand is
// StatementKind::other and triggers no rule.

#include <string>
#include <string_view>
#include <vector>

#include "risk/sql_tokens.hpp"
#include "risk/sql_type.hpp"

namespace migcmd::governance::risk {

// A possibly qualified object name. Keys compare names as the database does for the usual case:
// unquoted names case-insensitively (lower-cased), quoted ones exactly.
struct ObjectName {
  std::string schema;      // as written, without quotes; empty when unqualified
  std::string name;        // as written, without quotes
  std::string schema_key;  // folded
  std::string key;         // folded

  [[nodiscard]] bool empty() const noexcept { return name.empty(); }
  [[nodiscard]] std::string display() const { return schema.empty() ? name : schema + "." + name; }
};

// Same object: same name, and same schema when both say one.
[[nodiscard]] bool same_object(const ObjectName& a, const ObjectName& b) noexcept;

struct ColumnDefinition {
  ObjectName name;  // only name/key are used
  SqlType type;
  bool has_type = false;
  bool not_null = false;
  bool has_default = false;
  std::vector<Token> default_expression;
  bool primary_key = false;  // inline PRIMARY KEY
  bool unique = false;       // inline UNIQUE
  bool identity = false;     // GENERATED ... AS IDENTITY, AUTO_INCREMENT, IDENTITY(...)
  bool generated = false;    // GENERATED ALWAYS AS (expr) / AS (expr)
  bool stored = false;       // ... STORED (or PERSISTENT on MariaDB)
  bool references = false;   // inline REFERENCES
};

enum class ConstraintKind { primary_key, unique, check, foreign_key, other };

struct ConstraintDefinition {
  ConstraintKind kind = ConstraintKind::other;
  std::string name;                  // as written; empty when unnamed
  std::vector<std::string> columns;  // folded keys (PRIMARY KEY / UNIQUE / FOREIGN KEY)
  std::vector<Token> check;          // the CHECK expression, parentheses excluded
  bool not_valid = false;
  bool using_index = false;  // PostgreSQL ... USING INDEX name
};

enum class AlterKind {
  add_column,
  drop_column,
  rename_column,
  rename_table,
  alter_type,    // PostgreSQL ALTER COLUMN TYPE, MySQL MODIFY/CHANGE, SQL Server ALTER COLUMN
  set_not_null,  // PostgreSQL SET NOT NULL, or a restated column with NOT NULL
  drop_not_null,
  add_constraint,
  drop_constraint,  // also DROP PRIMARY KEY / DROP FOREIGN KEY / DROP CHECK
  validate_constraint,
  algorithm,  // MySQL ALGORITHM=value (value in `option`)
  lock,       // MySQL LOCK=value
  convert_charset,
  detach_partition,
  other,
};

struct AlterAction {
  AlterKind kind = AlterKind::other;
  ColumnDefinition column;          // add_column, alter_type (restated columns)
  std::string column_name;          // as written; rename/drop/alter targets
  std::string column_key;           // folded
  std::string new_name;             // rename_column, rename_table
  ConstraintDefinition constraint;  // add_constraint; drop/validate: name only
  std::string option;               // algorithm / lock value, upper case
  bool concurrently = false;        // DETACH PARTITION ... CONCURRENTLY
};

enum class StatementKind {
  other,
  create_table,
  alter_table,
  create_index,
  drop_index,
  drop_table,
  drop_schema,
  drop_database,
  truncate,
  delete_rows,
  update_rows,
  insert_rows,
  rename_table,  // MySQL RENAME TABLE a TO b
  rename_schema,
  rename_enum_value,
  alter_domain_add_constraint,
  vacuum,
  cluster,
  reindex,
  opaque,               // DO, CALL, EXECUTE/EXEC
  transaction_control,  // BEGIN, COMMIT, ROLLBACK, START TRANSACTION, END
  set_lock_timeout,     // SET lock_timeout / lock_wait_timeout / innodb_lock_wait_timeout
  other_ddl,            // any other CREATE/ALTER/DROP/COMMENT/GRANT...
};

struct ParsedStatement {
  StatementKind kind = StatementKind::other;
  std::vector<Token> tokens;  // comments excluded
  std::string keyword;        // the leading keyword(s), for messages ("DROP VIEW")

  ObjectName table;                 // the table it works on (create/alter/index/delete/update)
  std::vector<ObjectName> objects;  // what DROP TABLE/SCHEMA/INDEX and TRUNCATE name
  ObjectName index;                 // create_index: its name (may be empty)
  std::vector<ColumnDefinition> columns;          // create_table
  std::vector<ConstraintDefinition> constraints;  // create_table (table-level)
  std::vector<AlterAction> actions;               // alter_table
  std::vector<std::string> index_columns;         // create_index: one entry per key part

  bool or_replace = false;    // CREATE OR REPLACE TABLE
  bool unique = false;        // CREATE UNIQUE INDEX
  bool concurrently = false;  // CREATE/DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY
  bool cascade = false;       // TRUNCATE/DROP ... CASCADE
  bool has_where = false;     // DELETE/UPDATE with a top-level WHERE
  bool full = false;          // VACUUM FULL
  bool not_valid = false;     // ALTER DOMAIN ADD CONSTRAINT ... NOT VALID
  std::string algorithm;      // MySQL ALGORITHM= of the statement, upper case ("" if none)
  std::string lock;           // MySQL LOCK= of the statement, upper case

  [[nodiscard]] bool is_ddl() const noexcept;
  [[nodiscard]] bool is_dml() const noexcept;  // INSERT, UPDATE, DELETE
};

[[nodiscard]] ParsedStatement parse_statement(std::string_view sql, std::string_view dialect);

// An identifier token as a name part (quoted or not); false for anything else.
[[nodiscard]] bool is_identifier(const Token& token) noexcept;
// The folded key of an identifier token.
[[nodiscard]] std::string identifier_key(const Token& token);

}  // namespace migcmd::governance::risk
