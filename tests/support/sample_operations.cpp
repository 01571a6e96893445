#include "support/sample_operations.hpp"

namespace migcmd::test {

Schema sample_schema() {
  Table users;
  users.name = "users";
  users.columns = {
      {"id", Type::int64(), false, {}, true},
      {"email", Type::string(255), false},
      {"name", Type::text()},
      {"score", Type::int32(), false, ColumnDefault{Value{0}}},
      {"created_at", Type::timestamp_tz(), false,
       ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}}},
  };
  users.primary_key = PrimaryKey{"pk_users", {"id"}};
  users.uniques = {{"uq_users_email", {"email"}}};
  users.checks = {{"ck_users_score", "score >= 0"}};
  users.indexes = {{"ix_users_name", {{"name", "", false}}, false, ""}};

  Table orders;
  orders.name = "orders";
  orders.columns = {
      {"id", Type::int64(), false},
      {"user_id", Type::int64(), false},
      {"total", Type::decimal(10, 2), false, ColumnDefault{Value{0}}},
      {"status", Type::string(20), false, ColumnDefault{Value{"new"}}},
  };
  orders.primary_key = PrimaryKey{"pk_orders", {"id"}};
  orders.foreign_keys = {
      {"fk_orders_user", {"user_id"}, {"users"}, {"id"}, ReferentialAction::cascade}};

  Schema s;
  s.tables = {users, orders};
  return s;
}

namespace {

Table all_types_table() {
  Table t;
  t.name = "all_types";
  t.columns = {
      {"c_bool", Type::boolean(), false, ColumnDefault{Value{false}}},
      {"c_int16", Type::int16()},
      {"c_int32", Type::int32()},
      {"c_int64", Type::int64(), false, {}, true},
      {"c_decimal", Type::decimal(18, 4)},
      {"c_float32", Type::float32()},
      {"c_float64", Type::float64(), true, ColumnDefault{Value{1.5}}},
      {"c_string", Type::string(100), true, ColumnDefault{Value{"it's"}}},
      {"c_text", Type::text()},
      {"c_binary", Type::binary()},
      {"c_binary16", Type::binary(16)},
      {"c_date", Type::date()},
      {"c_time", Type::time()},
      {"c_datetime", Type::datetime()},
      {"c_timestamptz", Type::timestamp_tz()},
      {"c_uuid", Type::uuid()},
      {"c_json", Type::json()},
      {"c_raw", Type::raw("VARCHAR(7)")},
  };
  t.primary_key = PrimaryKey{"", {"c_int64"}};
  t.comment = "one column of each portable type";
  return t;
}

Table documents_table() {
  Table t;
  t.name = "documents";
  t.columns = {
      {"id", Type::int64(), false, {}, true},
      {"owner_id", Type::int64(), true},
      {"parent_id", Type::int64()},
      {"title", Type::string(200), false, {}, false, "", "shown in lists"},
      {"slug", Type::string(200), false},
      {"body", Type::text()},
  };
  t.primary_key = PrimaryKey{"pk_documents", {"id"}};
  t.uniques = {{"uq_documents_slug", {"slug"}}};
  t.checks = {{"ck_documents_title", "title <> ''"}};
  t.foreign_keys = {
      {"fk_documents_owner",
       {"owner_id"},
       {"users"},
       {"id"},
       ReferentialAction::set_null,
       ReferentialAction::no_action},
      {"fk_documents_parent",
       {"parent_id"},
       {"documents"},
       {"id"},
       ReferentialAction::cascade,
       ReferentialAction::no_action},
  };
  t.indexes = {
      {"ix_documents_owner_title", {{"owner_id", "", false}, {"title", "", true}}, false, ""}};
  return t;
}

ColumnChange identity_change(bool identity) {
  ColumnChange c;
  c.identity = identity;
  return c;
}

ColumnChange collation_change(std::string collation) {
  ColumnChange c;
  c.collation = std::move(collation);
  return c;
}

ColumnChange comment_change(std::string comment) {
  ColumnChange c;
  c.comment = std::move(comment);
  return c;
}

}  // namespace

std::vector<SampleCase> sample_cases() {
  const Schema s = sample_schema();
  const QualifiedName users = "users";
  const QualifiedName orders = "orders";
  return {
      {"create_table", {CreateTable{documents_table()}}, s},
      {"create_table_all_types", {CreateTable{all_types_table()}}, s},
      {"drop_table", {DropTable{orders, {}}}, s},
      {"rename_table", {RenameTable{orders, "purchases"}}, s},
      {"ensure_schema",
       {EnsureSchema{"audit"},
        CreateTable{
            Table{{"audit", "events"}, {{"id", Type::int64(), false}}, PrimaryKey{"", {"id"}}}}},
       s},
      {"add_column",
       {AddColumn{users, {"nickname", Type::string(50), false, ColumnDefault{Value{"n/a"}}}}},
       s},
      {"add_column_nullable", {AddColumn{users, {"bio", Type::text()}}}, s},
      {"drop_column", {DropColumn{users, "name", {}}}, s},
      {"rename_column", {RenameColumn{users, "name", "full_name"}}, s},
      {"alter_column_type",
       {AlterColumn{users, "name", ColumnChange{Type::string(500), {}, {}}, {}}},
       s},
      {"alter_column_not_null", {AlterColumn{users, "name", ColumnChange{{}, false, {}}, {}}}, s},
      {"alter_column_nullable", {AlterColumn{users, "email", ColumnChange{{}, true, {}}, {}}}, s},
      {"alter_column_default",
       {AlterColumn{
           users, "score", ColumnChange{{}, {}, std::optional<ColumnDefault>(Value{10})}, {}}},
       s},
      {"alter_column_drop_default",
       {AlterColumn{users, "score", ColumnChange{{}, {}, std::optional<ColumnDefault>{}}, {}}},
       s},
      {"alter_column_identity", {AlterColumn{orders, "id", identity_change(true), {}}}, s},
      {"alter_column_drop_identity", {AlterColumn{users, "id", identity_change(false), {}}}, s},
      {"alter_column_collation", {AlterColumn{users, "name", collation_change("C"), {}}}, s},
      {"alter_column_comment",
       {AlterColumn{users, "email", comment_change("the address people sign in with"), {}}},
       s},
      {"set_table_comment", {SetTableComment{users, "people who can sign in", {}}}, s},
      {"create_index",
       {CreateIndex{
           users, Index{"ix_users_score", {{"score", "", true}, {"email", "", false}}, true, ""}}},
       s},
      {"create_index_partial",
       {CreateIndex{users, Index{"ix_users_active", {{"email", "", false}}, false, "score > 0"}}},
       s},
      {"create_index_expression",
       {CreateIndex{users,
                    Index{"ix_users_lower_email", {{"", "lower(email)", false}}, false, ""}}},
       s},
      {"drop_index", {DropIndex{users, "ix_users_name", {}}}, s},
      {"rename_index", {RenameIndex{users, "ix_users_name", "ix_users_full_name"}}, s},
      {"add_primary_key",
       {DropPrimaryKey{orders, "pk_orders", {}},
        AddPrimaryKey{orders, {"pk_orders_v2", {"id", "user_id"}}}},
       s},
      {"drop_primary_key", {DropPrimaryKey{orders, "pk_orders", {}}}, s},
      {"add_unique", {AddUnique{users, {"uq_users_name", {"name"}}}}, s},
      {"drop_unique", {DropUnique{users, "uq_users_email", {}}}, s},
      {"add_check", {AddCheck{orders, {"ck_orders_total", "total >= 0"}}}, s},
      {"drop_check", {DropCheck{users, "ck_users_score", {}}}, s},
      {"add_foreign_key",
       {AddColumn{orders, {"referrer_id", Type::int64()}},
        AddForeignKey{orders,
                      {"fk_orders_referrer",
                       {"referrer_id"},
                       {"users"},
                       {"id"},
                       ReferentialAction::set_null,
                       ReferentialAction::cascade}}},
       s},
      {"drop_foreign_key", {DropForeignKey{orders, "fk_orders_user", {}}}, s},
      {"insert_rows",
       {InsertRows{users,
                   {"email", "name", "score"},
                   {{"a@example.com", "O'Brien", 1},
                    {"b@example.com", Value{}, 2},
                    {"c\\d@x", "x;--", -3}}}},
       s},
      {"update_rows",
       {UpdateRows{users,
                   {{"name", "it's"}, {"score", 5}},
                   {{"email", "a@example.com"}, {"name", Value{}}}}},
       s},
      {"delete_rows", {DeleteRows{orders, {{"status", "cancelled"}}}}, s},
      {"delete_all_rows", {DeleteRows{orders, {}}}, s},
      {"raw_sql",
       {RawSql{"UPDATE users SET score = score + 1",
               {{"sqlserver", "UPDATE [users] SET [score] += 1"}},
               false}},
       s},
      {"raw_sql_no_transaction",
       {RawSql{"CREATE INDEX ix_orders_status ON orders (status)",
               {{"postgres", "CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status)"}},
               true}},
       s},
      {"quoted_identifiers",
       {CreateTable{
            Table{"we\"ird`ta]ble", {{"co'l\"um`n]", Type::int32()}, {"semi;--", Type::text()}}}},
        InsertRows{
            "we\"ird`ta]ble", {"co'l\"um`n]", "semi;--"}, {{1, "'); DROP TABLE users; --"}}}},
       {}},
  };
}

}  // namespace migcmd::test
