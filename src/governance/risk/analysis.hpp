#pragma once
// What the rule checks share while they walk one migration: the tables and indexes it created so
// far (changes to those are harmless), the NOT NULL checks it added and validated, and facts about
// the whole migration (does it mix schema and data changes?).

#include <string>
#include <string_view>
#include <vector>

#include "migcmd/operations.hpp"
#include "migcmd/schema.hpp"
#include "risk/rule_id.hpp"
#include "risk/sql_statement.hpp"

namespace migcmd::governance::risk {

// One rule broken by one statement or operation.
struct Hit {
  RuleId id;
  std::string message;
  std::string suggestion;  // empty: the rule's own safer alternative
};

struct MigrationFacts {
  bool has_ddl = false;
  bool has_dml = false;
  bool has_ddl_on_existing = false;  // DDL on a table the migration did not create
};

class MigrationState {
 public:
  MigrationState(std::string dialect, bool transactional_ddl, MigrationFacts facts)
      : dialect_(std::move(dialect)), transactional_ddl_(transactional_ddl), facts_(facts) {}

  [[nodiscard]] std::string_view dialect() const noexcept { return dialect_; }
  [[nodiscard]] bool postgres() const noexcept { return dialect_ == "postgres"; }
  [[nodiscard]] bool mysql() const noexcept { return dialect_ == "mysql"; }
  [[nodiscard]] bool transactional_ddl() const noexcept { return transactional_ddl_; }
  [[nodiscard]] const MigrationFacts& facts() const noexcept { return facts_; }

  // A table the migration created before this point (so it is empty and unused).
  [[nodiscard]] bool is_new(const ObjectName& table) const noexcept;
  void created(ObjectName table) { created_tables_.push_back(std::move(table)); }
  [[nodiscard]] bool is_new_index(const ObjectName& index) const noexcept;
  void created_index(ObjectName index) { created_indexes_.push_back(std::move(index)); }

  // CHECK (col IS NOT NULL) constraints added by the migration, and whether they are validated.
  void added_not_null_check(const ObjectName& table, std::string column_key, std::string name,
                            bool validated);
  void validated_constraint(std::string_view name);
  void dropped_constraint(std::string_view name);
  [[nodiscard]] bool has_validated_not_null_check(const ObjectName& table,
                                                  std::string_view column_key) const noexcept;

  // MG502 is reported once per migration.
  bool first_mixed_report() {
    const bool first = !mixed_reported_;
    mixed_reported_ = true;
    return first;
  }

 private:
  struct NotNullCheck {
    ObjectName table;
    std::string column_key;
    std::string name;
    bool validated = false;
  };

  std::string dialect_;
  bool transactional_ddl_;
  MigrationFacts facts_;
  std::vector<ObjectName> created_tables_;
  std::vector<ObjectName> created_indexes_;
  std::vector<NotNullCheck> checks_;
  bool mixed_reported_ = false;
};

// How one statement runs.
struct StatementContext {
  bool in_transaction = true;  // inside the migration's transaction
  bool track_tables = true;    // CREATE TABLE / RENAME update MigrationState's new tables
};

// The rules over one parsed statement; updates `state` (tables created, checks added...).
[[nodiscard]] std::vector<Hit> check_statement(const ParsedStatement& statement,
                                               MigrationState& state,
                                               const StatementContext& context);

// The rules that reason on a code migration's operation: `model` is the schema before it (as far
// as the migrations replayed so far tell). Updates `state`.
[[nodiscard]] std::vector<Hit> check_operation(const Operation& op, const Schema& model,
                                               MigrationState& state);

// Migration-wide facts, for rules that depend on what else the migration does.
[[nodiscard]] MigrationFacts facts_of(const std::vector<ParsedStatement>& statements);
// `raw` holds the parsed statements of each operation (empty for all but RawSql).
[[nodiscard]] MigrationFacts facts_of(const OperationList& ops,
                                      const std::vector<std::vector<ParsedStatement>>& raw);

// The code's view of a model name: exact, as the dialects quote it.
[[nodiscard]] ObjectName object_name(const QualifiedName& name);

// Rules whose findings on SQL a dialect renders for an operation add to what check_operation
// says (the operation's semantics decide the rest).
[[nodiscard]] bool decided_by_rendered_sql(RuleId id) noexcept;

}  // namespace migcmd::governance::risk
