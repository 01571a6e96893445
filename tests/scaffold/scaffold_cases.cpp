#include "scaffold/scaffold_cases.hpp"

#include <cstdint>
#include <limits>

#include "migcmd/apply_operation.hpp"
#include "migcmd/diff.hpp"
#include "migcmd/error.hpp"
#include "migcmd/scaffold.hpp"
#include "support/realistic_schemas.hpp"
#include "support/sample_operations.hpp"

namespace migcmd::test {
namespace {

std::optional<OperationList> reversed(const OperationList& ops) {
  try {
    return reverse(ops);
  } catch (const Error&) {
    return std::nullopt;
  }
}

ScaffoldCase reversible(std::string name, OperationList ops) {
  auto down = reversed(ops);
  return {std::move(name), std::move(ops), std::move(down)};
}

Column column(std::string name, Type type, bool nullable = true) {
  return Column{std::move(name), std::move(type), nullable};
}

Table users_table(QualifiedName name) {
  Table t;
  t.name = std::move(name);
  t.columns = {{"id", Type::int64(), false, {}, true}, {"email", Type::string(255), false}};
  t.primary_key = PrimaryKey{"pk_users", {"id"}};
  t.uniques = {{"uq_users_email", {"email"}}};
  t.comment = "people who sign in";
  return t;
}

ScaffoldCase values_case() {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<std::vector<Value>> rows = {
      {Value{}, ""},
      {true, "plain"},
      {false, "quote \" backslash \\ newline \n tab \t return \r"},
      {0, std::string("\x01") + "7 a control character before a digit"},
      {-42, "?\?= ?\?/ not a trigraph"},
      {std::numeric_limits<std::int64_t>::max(), "ünïcødé ✓ 漢字"},
      {std::numeric_limits<std::int64_t>::min(), std::string("\xff\xfe not UTF-8")},
      {1.5, std::string("nul\0inside", 10)},
      {0.1, Bytes{}},
      {-2.0, Bytes{0x00, 0x7f, 0x80, 0xff}},
      {1e300, 5e-324},
      {1.0, inf},
      {-inf, -0.25},
  };
  OperationList ops = {
      InsertRows{"values", {"a", "b"}, rows},
      UpdateRows{"values",
                 {{"a", Value{}}, {"b", Bytes{0x01}}, {"c", 2.5}, {"d", true}},
                 {{"a", std::numeric_limits<std::int64_t>::min()}, {"b", Value{}}}},
      DeleteRows{"values", {{"b", "it's"}}},
      AddColumn{"values", {"d_null", Type::text(), true, ColumnDefault{Value{}}}},
      AddColumn{"values",
                {"d_bytes", Type::binary(), true, ColumnDefault{Value{Bytes{0xde, 0xad}}}}},
      AddColumn{"values", {"d_double", Type::float64(), false, ColumnDefault{Value{-0.5}}}},
      AddColumn{"values", {"d_true", Type::boolean(), false, ColumnDefault{Value{true}}}},
      AddColumn{"values",
                {"d_min", Type::int64(), false,
                 ColumnDefault{Value{std::numeric_limits<std::int64_t>::min()}}}},
      AddColumn{"values", {"d_multi", Type::text(), true, ColumnDefault{Value{"line 1\nline 2"}}}},
  };
  return {"values", ops, std::nullopt};
}

ScaffoldCase drops_with_definitions_case() {
  Schema s = sample_schema();
  const Table& users = s.tables[0];
  const Table& orders = s.tables[1];
  return reversible("drops_with_definitions",
                    {
                        DropForeignKey{"orders", "fk_orders_user", orders.foreign_keys[0]},
                        DropIndex{"users", "ix_users_name", users.indexes[0]},
                        DropCheck{"users", "ck_users_score", users.checks[0]},
                        DropUnique{"users", "uq_users_email", users.uniques[0]},
                        DropPrimaryKey{"orders", "pk_orders", *orders.primary_key},
                        DropColumn{"users", "created_at", users.columns[4]},
                        SetTableComment{"users", "", "people"},
                        SetTableComment{"users", "members", std::nullopt},
                        DropTable{"orders", orders},
                    });
}

ScaffoldCase alter_column_case() {
  Column name{"name", Type::text(), true,   ColumnDefault{SqlExpression{"'?'"}},
              false,  "en_US",      "shown"};
  ColumnChange everything;
  everything.type = Type::string(80);
  everything.nullable = false;
  everything.default_value = std::optional<ColumnDefault>(Value{"x"});
  everything.identity = false;
  everything.collation = "C";
  everything.comment = "full name";
  ColumnChange back_to_defaults;
  back_to_defaults.collation = "";
  back_to_defaults.comment = "";
  back_to_defaults.default_value = std::optional<ColumnDefault>{};
  ColumnChange identity;
  identity.identity = true;
  identity.type = Type::int64().with_store_type("bigint");
  ColumnChange sql_default;
  sql_default.default_value = std::optional<ColumnDefault>(SqlExpression{"now()"});
  sql_default.nullable = true;
  Column id{"id", Type::int32(), false};
  Column created{"created_at", Type::datetime(), false};
  return reversible(
      "alter_column_everything",
      {
          AlterColumn{"users", "name", everything, name},
          AlterColumn{"users", "name", back_to_defaults, apply_change(name, everything)},
          AlterColumn{"users", "id", identity, id},
          AlterColumn{"users", "created_at", sql_default, created},
      });
}

ScaffoldCase qualified_names_case() {
  const QualifiedName events{"audit", "events"};
  const QualifiedName users{"audit", "users"};
  Table table = users_table(events);
  table.foreign_keys = {{"fk_events_user",
                         {"id"},
                         users,
                         {"id"},
                         ReferentialAction::cascade,
                         ReferentialAction::no_action}};
  table.indexes = {{"ix_events_email", {{"email", "", true}}, false, ""}};
  const Index index{"ix_events_email", {{"email", "", false}}, false, ""};
  const ForeignKey key{"fk_events_user", {"id"}, users, {"id"}};
  const Column column_def{"note", Type::text()};
  return {
      "qualified_names",
      {
          EnsureSchema{"audit"},
          CreateTable{table},
          AddColumn{events, column_def},
          RenameColumn{events, "note", "remark"},
          AlterColumn{events, "remark", ColumnChange{Type::string(10), false, {}}, {}},
          CreateIndex{events, index},
          CreateIndex{events, {"ix_expr", {{"", "lower(email)", false}}, false, ""}},
          RenameIndex{events, "ix_events_email", "ix_events_mail"},
          DropIndex{events, "ix_events_mail", {}},
          DropIndex{events, "ix_expr", Index{"ix_expr", {{"", "lower(email)", false}}, false, ""}},
          AddPrimaryKey{events, {"pk_events", {"id"}}},
          DropPrimaryKey{events, "pk_events", {}},
          DropPrimaryKey{events, "pk_events", PrimaryKey{"pk_events", {"id"}}},
          AddUnique{events, {"uq_events", {"email"}}},
          DropUnique{events, "uq_events", {}},
          DropUnique{events, "uq_events", UniqueConstraint{"uq_events", {"email"}}},
          AddCheck{events, {"ck_events", "id > 0"}},
          DropCheck{events, "ck_events", {}},
          DropCheck{events, "ck_events", CheckConstraint{"ck_events", "id > 0"}},
          AddForeignKey{events, key},
          DropForeignKey{events, "fk_events_user", {}},
          DropForeignKey{events, "fk_events_user", key},
          InsertRows{events, {"id", "email"}, {{1, "a@b"}}},
          UpdateRows{events, {{"email", "c@d"}}, {{"id", 1}}},
          DeleteRows{events, {}},
          SetTableComment{events, "events", "old"},
          RenameTable{events, "happenings"},
          DropColumn{{"audit", "happenings"}, "remark", {}},
          DropColumn{{"audit", "happenings"}, "remark", Column{"remark", Type::string(10), false}},
          DropTable{{"audit", "happenings"}, {}},
          DropTable{users, users_table(users)},
      },
      std::nullopt};
}

ScaffoldCase triggers_case() {
  Table t = users_table("audited");
  t.triggers = {
      {"trg_audited_insert",
       "CREATE TRIGGER trg_audited_insert AFTER INSERT ON audited\nBEGIN\n  INSERT INTO log "
       "VALUES ('insert');\nEND"},
      {"trg_audited_delete",
       "CREATE TRIGGER trg_audited_delete AFTER DELETE ON audited BEGIN "
       "SELECT 1; END"},
  };
  return reversible("triggers", {CreateTable{t}});
}

ScaffoldCase odd_types_case() {
  Table t;
  t.name = "odd";
  Type decimal_no_scale{TypeKind::decimal, std::nullopt, 10, std::nullopt, {}};
  Type string_no_length{TypeKind::string};
  Type custom_with_length{TypeKind::custom, 3, std::nullopt, std::nullopt, "bit"};
  Column nullable_identity{"seq", Type::int32(), true, {}, true};
  Column null_default{"maybe", Type::text(), true, ColumnDefault{Value{}}};
  Column everything{"described", Type::string(30),      false, ColumnDefault{Value{"-"}}, false,
                    "C",         "a \"quoted\" comment"};
  t.columns = {
      column("money", decimal_no_scale, false),
      column("loose", string_no_length),
      column("bits", custom_with_length),
      column("serial", Type::int64().with_store_type("bigserial"), false),
      column("ci", Type::text().with_store_type("citext")),
      column("code", Type::string(3).with_store_type("char(3)")),
      column("hash", Type::binary(32), false),
      column("blob", Type::binary()),
      column("doc", Type::json().with_store_type("jsonb")),
      column("uid", Type::uuid()),
      column("day", Type::date()),
      column("clock", Type::time()),
      column("stamp", Type::datetime()),
      column("stamp_tz", Type::timestamp_tz()),
      column("small", Type::int16()),
      column("real", Type::float32()),
      column("double", Type::float64()),
      column("flag", Type::boolean()),
      column("geo", Type::raw("geometry(Point,4326)")),
      column("price", Type::decimal(12, 4), false),
      nullable_identity,
      null_default,
      everything,
  };
  t.primary_key = PrimaryKey{"", {"serial"}};
  t.uniques = {{"", {"code"}}, {"uq_odd_hash", {"hash"}}};
  t.checks = {{"", "money > 0"}};
  t.foreign_keys = {
      {"", {"serial"}, {"other"}, {}, ReferentialAction::set_default, ReferentialAction::restrict}};
  return reversible("odd_types",
                    {
                        CreateTable{t},
                        AddColumn{"odd", {"extra", decimal_no_scale, false}},
                        AddColumn{"odd", {"extra2", Type::string(5).with_store_type("varchar(5)")}},
                        AlterColumn{"odd", "loose", ColumnChange{string_no_length, {}, {}}, {}},
                    });
}

ScaffoldCase line_breaking_case() {
  std::vector<std::string> many_columns;
  std::vector<Value> row;
  for (int i = 0; i < 14; ++i) {
    many_columns.push_back("a_rather_long_column_name_" + std::to_string(i));
    row.push_back("value number " + std::to_string(i));
  }
  const std::string long_table = "a_table_with_a_name_long_enough_to_push_the_line_past_the_limit";
  Index index;
  index.name = "ix_with_a_long_name_over_many_columns";
  for (int i = 0; i < 6; ++i) index.parts.push_back({many_columns[i], "", i % 2 == 1});
  index.unique = true;
  index.where = "a_rather_long_column_name_0 IS NOT NULL AND a_rather_long_column_name_1 > 0";
  return {
      "line_breaking",
      {
          InsertRows{long_table, many_columns, {row, row, {Value{}, 1, 2.5}}},
          CreateIndex{long_table, index},
          AddForeignKey{long_table,
                        {"fk_a_table_with_a_long_name_to_another_table_with_a_long_name",
                         {many_columns[0], many_columns[1]},
                         {"a_schema_with_a_long_name", "another_table_with_a_long_name"},
                         {"first_key_column", "second_key_column"},
                         ReferentialAction::cascade,
                         ReferentialAction::set_null}},
          AddCheck{long_table,
                   {"ck_long",
                    "a_rather_long_column_name_0 > 0 AND a_rather_long_column_name_1 "
                    "< 100 AND a_rather_long_column_name_2 <> 'forbidden value'"}},
          RawSql{"CREATE VIEW active_users AS\nSELECT id, email\nFROM users\nWHERE deleted_at "
                 "IS NULL",
                 {{"postgres", "CREATE MATERIALIZED VIEW active_users AS\nSELECT id FROM users"},
                  {"sqlite", "CREATE VIEW active_users AS SELECT id FROM users"}},
                 true},
          RawSql{"", {{"mysql", "SET @x = 1"}}, false},
      },
      std::nullopt};
}

ScaffoldCase index_struct_case() {
  return reversible(
      "create_index_by_struct",
      {
          CreateIndex{"t", Index{"ix_dup", {{"a", "", false}, {"a", "", true}}, false, ""}},
          CreateIndex{
              "t",
              Index{"ix_mixed", {{"a", "", false}, {"", "lower(b)", true}}, true, "a IS NOT NULL"}},
          CreateIndex{"t", Index{"", {{"a", "", false}}, false, ""}},
          CreateIndex{"t", Index{"ix_none", {}, false, ""}},
      });
}

// A second version of a realistic schema: columns added, dropped, altered and renamed, an index
// and a table added, a check and a table dropped, a table commented.
Schema evolve(Schema s, DiffOptions& options) {
  Table& first = s.tables[0];
  first.columns.push_back(column("archived_at", Type::datetime()));
  first.columns.push_back(Column{"rank", Type::int32(), false, ColumnDefault{Value{0}}});
  first.comment = "evolved";

  // A renamed column (named to the differ), a longer string, a nullability change.
  const QualifiedName second = s.tables[1].name;
  const std::string old_name = s.tables[1].columns[1].name;
  apply_operation(s, RenameColumn{second, old_name, "renamed_" + old_name});
  options.renames[second.name + "." + old_name] = "renamed_" + old_name;
  for (auto& c : s.tables[1].columns) {
    if (c.type.kind == TypeKind::string && c.type.length) c.type.length = *c.type.length + 50;
  }
  s.tables[1].columns.back().nullable = !s.tables[1].columns.back().nullable;

  // A dropped column (with what depends on it), a dropped check, a new unique index.
  Table& third = s.tables[2];
  if (!third.checks.empty()) third.checks.erase(third.checks.begin());
  third.indexes.push_back(
      Index{"ix_" + third.name.name + "_new", {{third.columns[0].name, "", false}}, true, ""});
  apply_operation(s, DropColumn{third.name, s.tables[2].columns[2].name, {}});

  // A dropped table (and the keys that reference it), a new one.
  const QualifiedName dropped = s.tables.back().name;
  s.tables.pop_back();
  for (auto& t : s.tables) {
    std::erase_if(t.foreign_keys,
                  [&](const ForeignKey& fk) { return fk.referenced_table == dropped; });
  }
  Table log;
  log.name = "audit_log";
  log.columns = {
      Column{"id", Type::int64(), false, {}, true}, Column{"subject_id", Type::int64(), false},
      Column{"at", Type::timestamp_tz(), false, ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}}},
      Column{"what", Type::text(), false}};
  log.primary_key = PrimaryKey{"pk_audit_log", {"id"}};
  log.foreign_keys = {{"fk_audit_log_subject",
                       {"subject_id"},
                       s.tables[0].name,
                       {"id"},
                       ReferentialAction::cascade,
                       ReferentialAction::no_action}};
  s.tables.push_back(log);
  return s;
}

}  // namespace

std::vector<ScaffoldCase> scaffold_cases() {
  std::vector<ScaffoldCase> cases;
  for (auto& sample : sample_cases()) {
    cases.push_back(reversible("sample_" + sample.name, std::move(sample.ops)));
  }
  cases.push_back({"skeleton", {}, std::nullopt});
  cases.push_back(values_case());
  cases.push_back(drops_with_definitions_case());
  cases.push_back(alter_column_case());
  cases.push_back(qualified_names_case());
  cases.push_back(triggers_case());
  cases.push_back(odd_types_case());
  cases.push_back(line_breaking_case());
  cases.push_back(index_struct_case());
  cases.push_back(reversible("empty_table", {CreateTable{Table{"nothing_yet"}}}));

  Capabilities all;
  all.schemas = all.partial_indexes = all.expression_indexes = all.descending_indexes =
      all.check_constraints = all.comments = true;
  for (const auto& [name, schema] : realistic_schemas(all)) {
    cases.push_back(reversible("realistic_" + name + "_create", diff(Schema{}, schema).operations));
    DiffOptions options;
    const Schema next = evolve(schema, options);
    const OperationList ops = diff(schema, next, options).operations;
    cases.push_back(reversible("realistic_" + name + "_evolve", ops));
    if (name == "shop") {
      // What `add` writes: the definitions only down() needs are left out of up().
      cases.push_back({"design_time_shop_evolve", without_reversal_definitions(ops),
                       without_reversal_definitions(reverse(ops))});
    }
  }
  return cases;
}

}  // namespace migcmd::test
