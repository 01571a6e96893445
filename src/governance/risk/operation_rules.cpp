// The rules over a code migration's operations: what they mean (a type change from int64 to
// int32 narrows, a filter-less DeleteRows empties the table), whatever SQL the dialect makes of
// them. Lock-level details of that SQL are checked on the rendered statements (sql_rules.cpp).

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <type_traits>

#include "risk/analysis.hpp"

namespace migcmd::governance::risk {
namespace {

int integer_rank(const Type& t) {
  switch (t.kind) {
    case TypeKind::int16:
      return 1;
    case TypeKind::int32:
      return 2;
    case TypeKind::int64:
      return 3;
    default:
      return 0;
  }
}

bool is_textual(const Type& t) {
  return t.kind == TypeKind::string || t.kind == TypeKind::text;
}

// Lengths: a missing one is unbounded.
bool length_at_least(const std::optional<int>& wider, const std::optional<int>& narrower) {
  return !wider || (narrower && *wider >= *narrower);
}

// Values of `from` may not fit in `to`.
bool narrows(const Type& from, const Type& to) {
  if (!from.store_type.empty() || !to.store_type.empty()) return false;
  if (is_textual(from) && to.kind == TypeKind::string) {
    const std::optional<int> old = from.kind == TypeKind::text ? std::nullopt : from.length;
    return !length_at_least(to.length, old);
  }
  if (from.kind == TypeKind::binary && to.kind == TypeKind::binary) {
    return !length_at_least(to.length, from.length);
  }
  if (integer_rank(from) > 0 && integer_rank(to) > 0) return integer_rank(to) < integer_rank(from);
  if (from.kind == TypeKind::decimal && to.kind == TypeKind::decimal) {
    const int from_scale = from.scale.value_or(0);
    const int to_scale = to.scale.value_or(0);
    const int from_digits = from.precision.value_or(0) - from_scale;
    const int to_digits = to.precision.value_or(0) - to_scale;
    return to_scale < from_scale || (from.precision && to.precision && to_digits < from_digits);
  }
  if (integer_rank(from) > 0 && to.kind == TypeKind::decimal) {
    return to.precision.value_or(0) - to.scale.value_or(0) < (integer_rank(from) == 3 ? 19 : 10);
  }
  return from.kind == TypeKind::float64 && to.kind == TypeKind::float32;
}

// Every value and every use of `from` stays valid in `to`: not a breaking change.
bool widens(const Type& from, const Type& to) {
  if (from == to) return true;
  if (!from.store_type.empty() || !to.store_type.empty()) return false;
  if (from.kind == TypeKind::string && to.kind == TypeKind::text) return true;
  if (from.kind == TypeKind::string && to.kind == TypeKind::string) {
    return length_at_least(to.length, from.length);
  }
  if (from.kind == TypeKind::binary && to.kind == TypeKind::binary) {
    return length_at_least(to.length, from.length);
  }
  if (integer_rank(from) > 0 && integer_rank(to) > 0) return integer_rank(to) > integer_rank(from);
  if (from.kind == TypeKind::decimal && to.kind == TypeKind::decimal) {
    return from.scale.value_or(0) == to.scale.value_or(0) &&
           length_at_least(to.precision, from.precision);
  }
  return from.kind == TypeKind::float32 && to.kind == TypeKind::float64;
}

// PostgreSQL changes only the catalog: varchar(n) to a wider varchar or text, numeric to a
// higher precision at the same scale.
bool postgres_metadata_only(const Type& from, const Type& to) {
  if (from == to) return true;
  if (!from.store_type.empty() || !to.store_type.empty()) return false;
  if (from.kind == TypeKind::string && (to.kind == TypeKind::text || to.kind == TypeKind::string)) {
    return to.kind == TypeKind::text || length_at_least(to.length, from.length);
  }
  if (from.kind == TypeKind::decimal && to.kind == TypeKind::decimal) {
    return from.scale.value_or(0) == to.scale.value_or(0) &&
           length_at_least(to.precision, from.precision);
  }
  return false;
}

// MariaDB 10.11 widens a VARCHAR in place when its length prefix keeps its size (1 byte up to
// 255 bytes, 2 above), counting 4 bytes a character (utf8mb4) to be safe.
bool mysql_in_place(const Type& from, const Type& to) {
  if (from == to) return true;
  if (!from.store_type.empty() || !to.store_type.empty()) return false;
  if (from.kind != TypeKind::string || to.kind != TypeKind::string) return false;
  if (!from.length || !to.length || *to.length < *from.length) return false;
  const bool from_short = *from.length * 4 <= 255;
  const bool to_short = *to.length * 4 <= 255;
  return from_short == to_short;
}

bool is_data_op(const Operation& op) {
  return std::holds_alternative<InsertRows>(op) || std::holds_alternative<UpdateRows>(op) ||
         std::holds_alternative<DeleteRows>(op);
}

// The table an operation changes, when it changes one.
std::optional<QualifiedName> table_of(const Operation& op) {
  return std::visit(
      [](const auto& o) -> std::optional<QualifiedName> {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return o.table.name;
        } else if constexpr (std::is_same_v<T, DropTable> || std::is_same_v<T, RenameTable>) {
          return o.name;
        } else if constexpr (std::is_same_v<T, EnsureSchema> || std::is_same_v<T, RawSql>) {
          return std::nullopt;
        } else {
          return o.table;
        }
      },
      op);
}

class OperationRules {
 public:
  OperationRules(const Schema& model, MigrationState& state) : model_(model), state_(state) {}

  std::vector<Hit> run(const Operation& op) {
    std::visit([this](const auto& o) { check(o); }, op);
    return std::move(hits_);
  }

 private:
  void add(RuleId id, std::string message) { hits_.push_back({id, std::move(message), {}}); }

  [[nodiscard]] bool existing(const QualifiedName& table) const {
    return !state_.is_new(object_name(table));
  }

  [[nodiscard]] const Column* model_column(const QualifiedName& table,
                                           const std::string& column) const {
    const Table* t = model_.find_table(table);
    return t ? t->find_column(column) : nullptr;
  }

  [[nodiscard]] std::optional<SqlType> store(const Type& type) const {
    if (type.store_type.empty()) return std::nullopt;
    return make_sql_type(tokenize(type.store_type, state_.dialect()));
  }

  void hygiene(const Column& col, const QualifiedName& table, bool key) {
    const std::string where = fmt::format("column {} of table {}", col.name, to_string(table));
    const std::optional<SqlType> raw = store(col.type);
    const bool narrow_integer =
        raw ? raw->integer_narrower_than_bigint()
            : (col.type.kind == TypeKind::int16 || col.type.kind == TypeKind::int32);
    if ((key || col.identity || (raw && raw->is_serial())) && narrow_integer &&
        state_.dialect() != "sqlite") {
      add(RuleId::prefer_bigint_key,
          fmt::format("{} is a key of type {}", where, raw ? raw->text : describe(col.type)));
    }
    if (raw ? raw->base == "timestamp" : col.type.kind == TypeKind::datetime) {
      add(RuleId::prefer_timestamptz, fmt::format("{} is a timestamp without time zone", where));
    }
    if (raw && raw->base == "char") add(RuleId::ban_char_type, where + " is " + raw->text);
    if (raw && raw->base == "json") add(RuleId::prefer_jsonb, where + " is json");
    if (raw && raw->is_serial()) add(RuleId::prefer_identity, where + " is " + raw->text);
    if (col.name.size() > 63) {
      add(RuleId::identifier_too_long,
          fmt::format("column name {} is {} bytes long", col.name, col.name.size()));
    }
  }

  void wide_index(const Index& index, const QualifiedName& table) {
    if (!index.unique && index.parts.size() > 3) {
      add(RuleId::wide_index, fmt::format("index {} on table {} has {} columns", index.name,
                                          to_string(table), index.parts.size()));
    }
  }

  void check(const CreateTable& op) {
    const Table& t = op.table;
    if (t.name.name.size() > 63) {
      add(RuleId::identifier_too_long,
          fmt::format("table name {} is {} bytes long", t.name.name, t.name.name.size()));
    }
    for (const auto& col : t.columns) {
      const bool key =
          t.primary_key && std::find(t.primary_key->columns.begin(), t.primary_key->columns.end(),
                                     col.name) != t.primary_key->columns.end();
      hygiene(col, t.name, key);
    }
    for (const auto& index : t.indexes) wide_index(index, t.name);
    state_.created(object_name(t.name));
  }

  void check(const DropTable& op) {
    if (existing(op.name)) add(RuleId::drop_table, "drops table " + to_string(op.name));
  }

  void check(const RenameTable& op) {
    if (existing(op.name)) {
      add(RuleId::rename_table,
          fmt::format("renames table {} to {}", to_string(op.name), op.new_name));
    } else {
      state_.created(object_name(QualifiedName(op.name.schema, op.new_name)));
    }
  }

  void check(const AddColumn& op) {
    hygiene(op.column, op.table, false);
    if (!existing(op.table)) return;
    const Column& c = op.column;
    if (!c.nullable && !c.default_value && !c.identity) {
      add(RuleId::add_not_null_column,
          fmt::format("adds NOT NULL column {} without a default to table {}", c.name,
                      to_string(op.table)));
    }
  }

  void check(const DropColumn& op) {
    if (existing(op.table)) {
      add(RuleId::drop_column,
          fmt::format("drops column {} of table {}", op.name, to_string(op.table)));
    }
  }

  void check(const RenameColumn& op) {
    if (existing(op.table)) {
      add(RuleId::rename_column, fmt::format("renames column {} of table {} to {}", op.name,
                                             to_string(op.table), op.new_name));
    }
  }

  void type_change(const AlterColumn& op, const Column* before) {
    const Type& to = *op.change.type;
    const std::string column = fmt::format("column {} of table {}", op.name, to_string(op.table));
    if (!before) {
      const std::string what = fmt::format(
          "changes the type of {} to {} (its current type is "
          "unknown here)",
          column, describe(to));
      add(RuleId::change_column_type, what);
      add(RuleId::alter_type_rewrite, what +
                                          ": the table is rewritten unless it only widens a "
                                          "varchar");
      add(RuleId::mysql_table_copy, what + ": the table is copied unless it widens a varchar");
      return;
    }
    const Type& from = before->type;
    if (from == to) return;
    const std::string what =
        fmt::format("changes {} from {} to {}", column, describe(from), describe(to));
    if (narrows(from, to)) {
      add(RuleId::narrow_column_type, what);
    } else if (!widens(from, to)) {
      add(RuleId::change_column_type, what);
    }
    if (!postgres_metadata_only(from, to)) {
      add(RuleId::alter_type_rewrite, what + ": the table is rewritten");
    }
    if (!mysql_in_place(from, to)) add(RuleId::mysql_table_copy, what + ": the table is copied");
  }

  void check(const AlterColumn& op) {
    if (!existing(op.table)) return;
    const Column* before = op.from ? &*op.from : model_column(op.table, op.name);
    const std::string column = fmt::format("column {} of table {}", op.name, to_string(op.table));
    if (op.change.type) type_change(op, before);
    if (op.change.nullable == false && (!before || before->nullable) &&
        !state_.has_validated_not_null_check(object_name(op.table), op.name)) {
      add(RuleId::set_not_null, "makes " + column + " NOT NULL");
    }
    if (op.change.nullable == true && (!before || !before->nullable)) {
      add(RuleId::drop_not_null, "makes " + column + " nullable");
    }
  }

  void check(const CreateIndex& op) {
    if (op.index.unique && existing(op.table)) {
      add(RuleId::add_unique_index, fmt::format("creates unique index {} on existing table {}",
                                                op.index.name, to_string(op.table)));
    }
    wide_index(op.index, op.table);
  }

  void check(const AddPrimaryKey& op) {
    if (existing(op.table)) {
      add(RuleId::add_primary_key,
          fmt::format("adds primary key ({}) to existing table {}", fmt::join(op.key.columns, ", "),
                      to_string(op.table)));
    }
  }

  void check(const AddUnique& op) {
    if (existing(op.table)) {
      add(RuleId::add_unique_index,
          fmt::format("adds unique constraint {} on ({}) to existing table {}", op.constraint.name,
                      fmt::join(op.constraint.columns, ", "), to_string(op.table)));
    }
  }

  void dropped_constraint(const QualifiedName& table, const std::string& what) {
    if (existing(table)) {
      add(RuleId::drop_constraint, fmt::format("drops {} of table {}", what, to_string(table)));
    }
  }
  void check(const DropPrimaryKey& op) { dropped_constraint(op.table, "the primary key"); }
  void check(const DropUnique& op) { dropped_constraint(op.table, "unique " + op.name); }
  void check(const DropCheck& op) { dropped_constraint(op.table, "check " + op.name); }
  void check(const DropForeignKey& op) { dropped_constraint(op.table, "foreign key " + op.name); }

  void check(const UpdateRows& op) {
    if (!existing(op.table)) return;
    if (op.where.empty()) {
      add(RuleId::update_without_where,
          fmt::format("updates every row of table {} (no filter)", to_string(op.table)));
    }
    if (state_.transactional_ddl() && state_.facts().has_ddl_on_existing) {
      add(RuleId::backfill_with_ddl,
          fmt::format("updates rows of table {} in the transaction that also changes the schema",
                      to_string(op.table)));
    }
    mixed("update", op.table);
  }

  void check(const DeleteRows& op) {
    if (op.where.empty() && existing(op.table)) {
      add(RuleId::delete_without_where,
          fmt::format("deletes every row of table {} (no filter)", to_string(op.table)));
    }
    mixed("delete", op.table);
  }

  void check(const InsertRows& op) { mixed("insert", op.table); }

  void mixed(std::string_view what, const QualifiedName& table) {
    if (state_.mysql() && state_.facts().has_ddl && state_.first_mixed_report()) {
      add(RuleId::mixed_ddl_dml,
          fmt::format("{} on table {} in a migration that also changes the schema: it cannot be "
                      "rolled back with it",
                      what, to_string(table)));
    }
  }

  // Nothing to say on their meaning: comments, schemas, index renames, checks and foreign keys
  // added (their locks are read from the rendered SQL), and raw SQL (checked statement by
  // statement).
  template <typename Op>
  void check(const Op&) {}

  const Schema& model_;
  MigrationState& state_;
  std::vector<Hit> hits_;
};

}  // namespace

std::vector<Hit> check_operation(const Operation& op, const Schema& model, MigrationState& state) {
  return OperationRules(model, state).run(op);
}

MigrationFacts facts_of(const OperationList& ops,
                        const std::vector<std::vector<ParsedStatement>>& raw) {
  MigrationFacts f;
  std::vector<ObjectName> created;
  const auto is_new = [&](const ObjectName& t) {
    return std::any_of(created.begin(), created.end(),
                       [&](const ObjectName& c) { return same_object(c, t); });
  };
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const Operation& op = ops[i];
    if (std::holds_alternative<RawSql>(op)) {
      if (i < raw.size()) {
        const MigrationFacts r = facts_of(raw[i]);
        f.has_ddl = f.has_ddl || r.has_ddl;
        f.has_dml = f.has_dml || r.has_dml;
        f.has_ddl_on_existing = f.has_ddl_on_existing || r.has_ddl_on_existing;
      }
      continue;
    }
    if (is_data_op(op)) {
      f.has_dml = true;
      continue;
    }
    f.has_ddl = true;
    if (const auto* create = std::get_if<CreateTable>(&op)) {
      created.push_back(object_name(create->table.name));
    } else if (const auto table = table_of(op); table && !is_new(object_name(*table))) {
      f.has_ddl_on_existing = true;
    }
  }
  return f;
}

}  // namespace migcmd::governance::risk
