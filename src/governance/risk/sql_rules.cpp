// The rules over SQL statements (SQL migrations, raw SQL of code migrations, and what a dialect
// renders for an operation).

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "risk/analysis.hpp"

namespace migcmd::governance::risk {
namespace {

std::string join_names(const std::vector<ObjectName>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n.display();
  }
  return out;
}

// Functions whose value changes per row: as an ADD COLUMN default they force a table rewrite.
bool has_volatile_call(const std::vector<Token>& expression) {
  static const std::set<std::string, std::less<>> volatile_functions = {"random",
                                                                        "random_normal",
                                                                        "gen_random_uuid",
                                                                        "gen_random_bytes",
                                                                        "uuid_generate_v1",
                                                                        "uuid_generate_v1mc",
                                                                        "uuid_generate_v4",
                                                                        "clock_timestamp",
                                                                        "timeofday",
                                                                        "nextval",
                                                                        "setval"};
  for (std::size_t i = 0; i + 1 < expression.size(); ++i) {
    const Token& t = expression[i];
    if (t.kind == TokenKind::word && expression[i + 1].kind == TokenKind::punct &&
        expression[i + 1].text == "(" && volatile_functions.count(ascii_lower(t.text)) != 0) {
      return true;
    }
  }
  return false;
}

// "col IS NOT NULL" (parentheses and quotes allowed): the column's key, or empty.
std::string not_null_check_column(const std::vector<Token>& expression) {
  std::vector<const Token*> t;
  for (const auto& token : expression) {
    if (token.kind == TokenKind::punct && (token.text == "(" || token.text == ")")) continue;
    t.push_back(&token);
  }
  if (t.size() != 4 || !is_identifier(*t[0])) return {};
  if (t[1]->upper != "IS" || t[2]->upper != "NOT" || t[3]->upper != "NULL") return {};
  return identifier_key(*t[0]);
}

bool mysql_refuses_copy(const ParsedStatement& s) {
  return s.algorithm == "INPLACE" || s.algorithm == "INSTANT" || s.algorithm == "NOCOPY" ||
         s.algorithm == "COPY";  // COPY has a rule of its own
}

class StatementRules {
 public:
  StatementRules(const ParsedStatement& s, MigrationState& state, const StatementContext& context)
      : s_(s), state_(state), context_(context) {}

  std::vector<Hit> run() {
    switch (s_.kind) {
      case StatementKind::create_table:
        create_table();
        break;
      case StatementKind::alter_table:
        alter_table();
        break;
      case StatementKind::create_index:
        create_index();
        break;
      case StatementKind::drop_index:
        drop_index();
        break;
      case StatementKind::drop_table:
        drop_table();
        break;
      case StatementKind::drop_schema:
        add(RuleId::drop_schema, fmt::format("drops schema {}{}", join_names(s_.objects),
                                             s_.cascade ? " and everything in it (CASCADE)" : ""));
        break;
      case StatementKind::drop_database:
        add(RuleId::drop_database, fmt::format("drops database {}", join_names(s_.objects)));
        break;
      case StatementKind::truncate:
        truncate();
        break;
      case StatementKind::delete_rows:
        delete_rows();
        break;
      case StatementKind::update_rows:
        update_rows();
        break;
      case StatementKind::insert_rows:
        mixed();
        break;
      case StatementKind::rename_table:
        for (std::size_t i = 0; i < s_.objects.size() && i < s_.actions.size(); ++i) {
          if (!state_.is_new(s_.objects[i])) {
            add(RuleId::rename_table, fmt::format("renames table {} to {}", s_.objects[i].display(),
                                                  s_.actions[i].new_name));
          }
        }
        break;
      case StatementKind::rename_schema:
        add(RuleId::rename_schema, fmt::format("renames schema {}", join_names(s_.objects)));
        break;
      case StatementKind::rename_enum_value:
        add(RuleId::rename_enum_value,
            fmt::format("renames a value of enum type {}", join_names(s_.objects)));
        break;
      case StatementKind::alter_domain_add_constraint:
        if (!s_.not_valid) {
          add(RuleId::domain_constraint_scan,
              fmt::format("adds a constraint to domain {} without NOT VALID: every column of "
                          "that domain is checked under lock",
                          join_names(s_.objects)));
        }
        break;
      case StatementKind::vacuum:
        if (s_.full) add(RuleId::vacuum_full_or_cluster, "VACUUM FULL rewrites the table(s)");
        break;
      case StatementKind::cluster:
        add(RuleId::vacuum_full_or_cluster,
            fmt::format("CLUSTER {}rewrites the table in index order",
                        s_.table.empty() ? "" : s_.table.display() + " "));
        break;
      case StatementKind::reindex:
        if (s_.concurrently) {
          concurrently("REINDEX CONCURRENTLY");
        } else {
          add(RuleId::reindex_non_concurrent,
              fmt::format("REINDEX {} without CONCURRENTLY", join_names(s_.objects)));
        }
        break;
      case StatementKind::opaque:
        add(RuleId::opaque_statement,
            fmt::format("{} runs code this analysis cannot inspect", s_.keyword));
        break;
      case StatementKind::transaction_control:
        add(RuleId::transaction_control,
            fmt::format("{} inside a migration: migcmd manages the migration's transaction",
                        s_.keyword));
        break;
      case StatementKind::set_lock_timeout:
        add(RuleId::lock_timeout_override,
            "sets the lock timeout itself, replacing the one migcmd sets");
        break;
      case StatementKind::other_ddl:
      case StatementKind::other:
        break;
    }
    long_identifiers();
    return std::move(hits_);
  }

 private:
  void add(RuleId id, std::string message, std::string suggestion = {}) {
    hits_.push_back({id, std::move(message), std::move(suggestion)});
  }

  [[nodiscard]] bool existing(const ObjectName& table) const { return !state_.is_new(table); }

  void concurrently(std::string_view what) {
    if (context_.in_transaction) {
      add(RuleId::concurrently_in_transaction,
          fmt::format("{} runs inside the migration's transaction and will fail", what));
    }
  }

  // Hygiene of a column definition; `key` when it is (part of) the primary key.
  void hygiene(const ColumnDefinition& col, const ObjectName& table, bool key) {
    if (!col.has_type) return;
    const SqlType& type = col.type;
    const std::string where = fmt::format("column {} of table {}", col.name.name, table.display());
    if ((key || col.identity || type.is_serial()) && type.integer_narrower_than_bigint() &&
        state_.dialect() != "sqlite") {
      add(RuleId::prefer_bigint_key, fmt::format("{} is a key of type {}", where, type.text));
    }
    if (type.base == "timestamp") {
      add(RuleId::prefer_timestamptz,
          fmt::format("{} is {} (without time zone)", where, type.text));
    }
    if (type.base == "char") add(RuleId::ban_char_type, fmt::format("{} is {}", where, type.text));
    if (type.base == "json") add(RuleId::prefer_jsonb, fmt::format("{} is json", where));
    if (type.is_serial()) add(RuleId::prefer_identity, fmt::format("{} is {}", where, type.text));
  }

  void create_table() {
    if (s_.or_replace) {
      add(RuleId::create_table_replace,
          fmt::format("CREATE OR REPLACE TABLE {} drops any existing table of that name",
                      s_.table.display()));
    }
    std::vector<std::string> key_columns;
    for (const auto& k : s_.constraints) {
      if (k.kind == ConstraintKind::primary_key) key_columns = k.columns;
    }
    for (const auto& col : s_.columns) {
      const bool key = col.primary_key || std::find(key_columns.begin(), key_columns.end(),
                                                    col.name.key) != key_columns.end();
      hygiene(col, s_.table, key);
    }
    if (context_.track_tables) state_.created(s_.table);
  }

  void add_column(const AlterAction& a, bool exists) {
    const ColumnDefinition& col = a.column;
    const std::string table = s_.table.display();
    hygiene(col, s_.table, col.primary_key);
    if (!exists) return;
    const bool fills_itself =
        col.has_default || col.identity || col.generated || col.type.is_serial();
    if (col.not_null && !fills_itself) {
      add(RuleId::add_not_null_column,
          fmt::format("adds NOT NULL column {} without a default to table {}", a.column_name,
                      table));
    }
    if (col.type.is_serial() || col.identity || (col.generated && col.stored) ||
        (col.has_default && has_volatile_call(col.default_expression))) {
      const char* why = col.type.is_serial() ? "a serial type (a nextval() default)"
                        : col.identity       ? "an identity"
                        : col.generated      ? "a STORED generated value"
                                             : "a volatile default";
      add(RuleId::add_column_volatile_default,
          fmt::format("adds column {} to table {} with {}: every row is rewritten", a.column_name,
                      table, why));
    }
    if (col.references) {
      add(RuleId::foreign_key_without_not_valid,
          fmt::format("adds column {} to table {} with an inline REFERENCES, which is validated "
                      "at once (it cannot be NOT VALID)",
                      a.column_name, table),
          "Add the column without REFERENCES, then ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID "
          "and VALIDATE CONSTRAINT in a later migration.");
    }
    if (col.primary_key || col.unique) {
      if (col.primary_key && !col.identity && !col.type.is_serial()) {
        add(RuleId::add_primary_key,
            fmt::format("adds column {} as the primary key of existing table {}", a.column_name,
                        table));
      }
      if (col.unique && col.has_default) {
        add(RuleId::add_unique_index,
            fmt::format("adds unique column {} with a default to existing table {}: every "
                        "existing row gets the same value",
                        a.column_name, table));
      }
      add(RuleId::unique_constraint_without_index,
          fmt::format("adds column {} with an inline {} to table {}: its index is built under "
                      "ACCESS EXCLUSIVE",
                      a.column_name, col.primary_key ? "PRIMARY KEY" : "UNIQUE", table));
    }
  }

  void alter_type(const AlterAction& a) {
    const std::string table = s_.table.display();
    const bool restated = state_.mysql() || state_.dialect() == "sqlserver";
    const std::string what =
        restated ? fmt::format(
                       "restates column {} of table {} as {} (if that is another type, "
                       "the type changes)",
                       a.column_name, table, a.column.type.text)
                 : fmt::format("changes the type of column {} of table {} to {}", a.column_name,
                               table, a.column.type.text);
    add(RuleId::change_column_type, what);
    if (state_.postgres()) {
      add(RuleId::alter_type_rewrite,
          fmt::format("{}: the table is rewritten, unless this only widens a varchar or a "
                      "numeric's precision (waive with that reason if so)",
                      what));
    }
    if (state_.mysql() && !mysql_refuses_copy(s_)) {
      add(RuleId::mysql_table_copy, fmt::format("{}: a type change copies the table", what));
    }
  }

  void add_constraint(const AlterAction& a, bool exists) {
    const ConstraintDefinition& k = a.constraint;
    const std::string table = s_.table.display();
    const std::string name = k.name.empty() ? std::string() : k.name + " ";
    if (k.kind == ConstraintKind::check) {
      const std::string column = not_null_check_column(k.check);
      if (!column.empty()) state_.added_not_null_check(s_.table, column, k.name, !k.not_valid);
    }
    if (!exists) return;
    switch (k.kind) {
      case ConstraintKind::primary_key:
      case ConstraintKind::unique: {
        if (k.using_index) break;
        const bool pk = k.kind == ConstraintKind::primary_key;
        add(pk ? RuleId::add_primary_key : RuleId::add_unique_index,
            fmt::format("adds {} {}on ({}) to existing table {}", pk ? "primary key" : "unique",
                        name, fmt::join(k.columns, ", "), table));
        add(RuleId::unique_constraint_without_index,
            fmt::format("adds {} {}to table {} without USING INDEX: the index is built under "
                        "ACCESS EXCLUSIVE",
                        pk ? "PRIMARY KEY" : "UNIQUE", name, table));
        break;
      }
      case ConstraintKind::foreign_key:
        if (!k.not_valid) {
          add(RuleId::foreign_key_without_not_valid,
              fmt::format("adds foreign key {}on table {} without NOT VALID", name, table));
        }
        break;
      case ConstraintKind::check:
        if (!k.not_valid) {
          add(RuleId::check_without_not_valid,
              fmt::format("adds check {}on table {} without NOT VALID", name, table));
        }
        break;
      case ConstraintKind::other:
        break;
    }
  }

  void alter_table() {
    const bool exists = existing(s_.table);
    const std::string table = s_.table.display();
    for (const auto& a : s_.actions) {
      switch (a.kind) {
        case AlterKind::add_column:
          add_column(a, exists);
          break;
        case AlterKind::drop_column:
          if (exists) {
            add(RuleId::drop_column,
                fmt::format("drops column {} of table {}", a.column_name, table));
          }
          break;
        case AlterKind::rename_column:
          if (exists) {
            add(RuleId::rename_column, fmt::format("renames column {} of table {} to {}",
                                                   a.column_name, table, a.new_name));
          }
          break;
        case AlterKind::rename_table:
          if (exists) {
            add(RuleId::rename_table, fmt::format("renames table {} to {}", table, a.new_name));
          } else if (context_.track_tables) {
            ObjectName renamed = s_.table;
            renamed.name = a.new_name;
            renamed.key = ascii_lower(a.new_name);
            state_.created(std::move(renamed));
          }
          break;
        case AlterKind::alter_type:
          if (exists) alter_type(a);
          break;
        case AlterKind::set_not_null:
          if (exists && !state_.has_validated_not_null_check(s_.table, a.column_key)) {
            add(RuleId::set_not_null,
                fmt::format("makes column {} of table {} NOT NULL", a.column_name, table));
            if (state_.postgres()) {
              add(RuleId::set_not_null_scan,
                  fmt::format("SET NOT NULL on column {} of table {} without a validated CHECK "
                              "({} IS NOT NULL) earlier in the migration",
                              a.column_name, table, a.column_name));
            }
          }
          break;
        case AlterKind::drop_not_null:
          if (exists) {
            add(RuleId::drop_not_null,
                fmt::format("makes column {} of table {} nullable", a.column_name, table));
          }
          break;
        case AlterKind::add_constraint:
          add_constraint(a, exists);
          break;
        case AlterKind::drop_constraint:
          state_.dropped_constraint(a.constraint.name);
          if (exists) {
            add(RuleId::drop_constraint,
                fmt::format("drops {} of table {}",
                            a.constraint.kind == ConstraintKind::primary_key
                                ? std::string("the primary key")
                                : "constraint " + a.constraint.name,
                            table));
          }
          break;
        case AlterKind::validate_constraint:
          state_.validated_constraint(a.constraint.name);
          break;
        case AlterKind::algorithm:
          if (a.option == "COPY") {
            add(RuleId::mysql_algorithm_copy,
                fmt::format("ALTER TABLE {} with ALGORITHM=COPY", table));
          }
          break;
        case AlterKind::lock:
          if (a.option == "SHARED" || a.option == "EXCLUSIVE") {
            add(RuleId::mysql_lock_clause,
                fmt::format("ALTER TABLE {} with LOCK={}", table, a.option));
          }
          break;
        case AlterKind::convert_charset:
          if (exists && state_.mysql() && !mysql_refuses_copy(s_)) {
            add(RuleId::mysql_table_copy,
                fmt::format("converts the character set of table {}: the table is copied", table));
          }
          break;
        case AlterKind::detach_partition:
          if (a.concurrently) {
            concurrently("DETACH PARTITION ... CONCURRENTLY");
          } else {
            add(RuleId::detach_partition_non_concurrent,
                fmt::format("detaches partition {} from table {} without CONCURRENTLY",
                            a.column_name, table));
          }
          break;
        case AlterKind::other:
          break;
      }
    }
  }

  void mysql_options(std::string_view what) {
    if (s_.algorithm == "COPY") {
      add(RuleId::mysql_algorithm_copy, fmt::format("{} with ALGORITHM=COPY", what));
    }
    if (s_.lock == "SHARED" || s_.lock == "EXCLUSIVE") {
      add(RuleId::mysql_lock_clause, fmt::format("{} with LOCK={}", what, s_.lock));
    }
  }

  void create_index() {
    const bool exists = existing(s_.table);
    const std::string name = s_.index.empty() ? std::string() : s_.index.display() + " ";
    const std::string table = s_.table.display();
    if (exists && s_.unique) {
      add(RuleId::add_unique_index,
          fmt::format("creates unique index {}on existing table {}", name, table));
    }
    if (s_.concurrently) {
      concurrently("CREATE INDEX CONCURRENTLY");
    } else if (exists) {
      add(RuleId::create_index_non_concurrent,
          fmt::format("creates index {}on table {} without CONCURRENTLY", name, table));
    }
    if (!s_.unique && s_.index_columns.size() > 3) {
      add(RuleId::wide_index,
          fmt::format("index {}on table {} has {} columns", name, table, s_.index_columns.size()));
    }
    mysql_options(fmt::format("CREATE INDEX {}", name));
    if (!s_.index.empty()) state_.created_index(s_.index);
  }

  void drop_index() {
    if (s_.concurrently) {
      concurrently("DROP INDEX CONCURRENTLY");
    } else {
      std::vector<ObjectName> old;
      for (const auto& i : s_.objects) {
        if (!state_.is_new_index(i)) old.push_back(i);
      }
      if (!old.empty()) {
        add(RuleId::drop_index_non_concurrent,
            fmt::format("drops index {} without CONCURRENTLY", join_names(old)));
      }
    }
    mysql_options("DROP INDEX");
  }

  void drop_table() {
    std::vector<ObjectName> old;
    for (const auto& t : s_.objects) {
      if (existing(t)) old.push_back(t);
    }
    if (!old.empty()) {
      add(RuleId::drop_table, fmt::format("drops table {}", join_names(old)));
    }
  }

  void truncate() {
    std::vector<ObjectName> old;
    for (const auto& t : s_.objects) {
      if (existing(t)) old.push_back(t);
    }
    if (old.empty()) return;
    if (s_.cascade) {
      add(RuleId::truncate_cascade,
          fmt::format("empties table {} and, through CASCADE, every table referencing it",
                      join_names(old)));
    } else {
      add(RuleId::truncate, fmt::format("empties table {}", join_names(old)));
    }
  }

  void delete_rows() {
    if (!s_.has_where && existing(s_.table)) {
      add(RuleId::delete_without_where,
          fmt::format("deletes every row of table {} (no WHERE)", s_.table.display()));
    }
    mixed();
  }

  void update_rows() {
    const bool exists = existing(s_.table);
    if (!s_.has_where && exists) {
      add(RuleId::update_without_where,
          fmt::format("updates every row of table {} (no WHERE)", s_.table.display()));
    }
    if (exists && context_.in_transaction && state_.transactional_ddl() &&
        state_.facts().has_ddl_on_existing) {
      add(RuleId::backfill_with_ddl,
          fmt::format("updates rows of table {} in the transaction that also changes the schema",
                      s_.table.display()));
    }
    mixed();
  }

  void mixed() {
    if (state_.mysql() && state_.facts().has_ddl && state_.first_mixed_report()) {
      add(RuleId::mixed_ddl_dml,
          fmt::format("{} on table {} in a migration that also changes the schema: it cannot be "
                      "rolled back with it",
                      s_.keyword, s_.table.display()));
    }
  }

  void long_identifiers() {
    std::set<std::string> seen;
    for (const auto& t : s_.tokens) {
      if (!is_identifier(t) || t.text.size() <= 63 || !seen.insert(t.text).second) continue;
      add(RuleId::identifier_too_long,
          fmt::format("identifier {} is {} bytes long", t.text, t.text.size()));
    }
  }

  const ParsedStatement& s_;
  MigrationState& state_;
  const StatementContext& context_;
  std::vector<Hit> hits_;
};

}  // namespace

std::vector<Hit> check_statement(const ParsedStatement& statement, MigrationState& state,
                                 const StatementContext& context) {
  return StatementRules(statement, state, context).run();
}

bool decided_by_rendered_sql(RuleId id) noexcept {
  switch (id) {
    case RuleId::create_index_non_concurrent:
    case RuleId::drop_index_non_concurrent:
    case RuleId::add_column_volatile_default:
    case RuleId::foreign_key_without_not_valid:
    case RuleId::check_without_not_valid:
    case RuleId::set_not_null_scan:
    case RuleId::unique_constraint_without_index:
    case RuleId::mysql_algorithm_copy:
    case RuleId::mysql_lock_clause:
    case RuleId::concurrently_in_transaction:
      return true;
    default:
      return false;
  }
}

}  // namespace migcmd::governance::risk
