// Focused checks of the T-SQL the dialect renders beyond the shared sample cases, and of the
// clear errors for what SQL Server would refuse.
#include <doctest/doctest.h>

#include <string>

#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "support/golden.hpp"
#include "support/sample_operations.hpp"

using namespace migcmd;

namespace {

std::string render(const OperationList& ops, const Schema& before = {}) {
  return test::golden_text(sqlserver::make_dialect()->generate(ops, before));
}

// The error rendering `ops` throws; fails the test when it renders.
Error render_error(const OperationList& ops, const Schema& before = {}) {
  try {
    static_cast<void>(sqlserver::make_dialect()->generate(ops, before));
  } catch (const Error& e) {
    return e;
  }
  FAIL("rendering succeeded");
  return Error(ErrorCode::internal, "unreachable");
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Table notes_table() {
  Table t;
  t.name = {"app", "notes"};
  t.columns = {{"id", Type::int32(), true, {}, true},  // nullable in the model, but the key
               {"user_id", Type::int64()},
               {"title", Type::string(100), false, {}, false, "Latin1_General_100_CI_AS", "it's"},
               {"body", Type::text(), true, ColumnDefault{Value{"a\\\nb"}}}};
  t.primary_key = PrimaryKey{"pk_notes", {"id"}};
  t.foreign_keys = {{"fk_notes_user",
                     {"user_id"},
                     {"users"},
                     {"id"},
                     ReferentialAction::restrict,
                     ReferentialAction::restrict}};
  t.comment = std::string("notes") + '\0' + "x";
  return t;
}

}  // namespace

TEST_CASE("sqlserver: CREATE TABLE with a schema, collation, comments and RESTRICT") {
  const std::string sql = render({CreateTable{notes_table()}}, test::sample_schema());
  CHECK(sql ==
        "CREATE TABLE [app].[notes] (\n"
        "    [id] int IDENTITY(1,1) NOT NULL,\n"
        "    [user_id] bigint NULL,\n"
        "    [title] nvarchar(100) COLLATE Latin1_General_100_CI_AS NOT NULL,\n"
        "    [body] nvarchar(max) NULL DEFAULT (N'a\\' + N'\nb'),\n"
        "    CONSTRAINT [pk_notes] PRIMARY KEY ([id]),\n"
        "    CONSTRAINT [fk_notes_user] FOREIGN KEY ([user_id]) REFERENCES [users] ([id])\n"
        ");\n"
        "DECLARE @description1 sql_variant = (N'notes' + NCHAR(0) + N'x');\n"
        "EXEC sp_addextendedproperty @name = N'MS_Description', @value = @description1, "
        "@level0type = N'SCHEMA', @level0name = N'app', @level1type = N'TABLE', "
        "@level1name = N'notes';\n"
        "DECLARE @description2 sql_variant = N'it''s';\n"
        "EXEC sp_addextendedproperty @name = N'MS_Description', @value = @description2, "
        "@level0type = N'SCHEMA', @level0name = N'app', @level1type = N'TABLE', "
        "@level1name = N'notes', @level2type = N'COLUMN', @level2name = N'title';\n");
}

TEST_CASE("sqlserver: ADD column with a comment in the default schema") {
  Column c{"nick", Type::string(30), true};
  c.comment = "shown";
  const std::string sql = render({AddColumn{"users", c}}, test::sample_schema());
  CHECK(sql ==
        "ALTER TABLE [users] ADD [nick] nvarchar(30) NULL;\n"
        "DECLARE @schema1 sysname = SCHEMA_NAME();\n"
        "DECLARE @description1 sql_variant = N'shown';\n"
        "EXEC sp_addextendedproperty @name = N'MS_Description', @value = @description1, "
        "@level0type = N'SCHEMA', @level0name = @schema1, @level1type = N'TABLE', "
        "@level1name = N'users', @level2type = N'COLUMN', @level2name = N'nick';\n");
}

TEST_CASE("sqlserver: ON DELETE / ON UPDATE actions that make no second cascade path") {
  AddForeignKey fk{"orders",
                   {"fk_orders_referrer",
                    {"referrer_id"},
                    {"users"},
                    {"id"},
                    ReferentialAction::set_default,
                    ReferentialAction::no_action}};
  Schema s = test::sample_schema();
  s.tables[1].foreign_keys.clear();  // orders no longer cascades from users
  s.tables[1].columns.push_back({"referrer_id", Type::int64()});
  CHECK(render({fk}, s) ==
        "ALTER TABLE [orders] ADD CONSTRAINT [fk_orders_referrer] FOREIGN KEY ([referrer_id]) "
        "REFERENCES [users] ([id]) ON DELETE SET DEFAULT;\n");
}

TEST_CASE("sqlserver: names reach strings as constants, escaped") {
  const std::string sql = render({RenameTable{{"we'ird", "t]"}, "new'name"}, EnsureSchema{"s]'x"},
                                  RenameColumn{{"t'"}, "c]", "d'"}, RenameIndex{"t", "i'x", "j"}},
                                 {});
  CHECK(sql ==
        "EXEC sp_rename N'[we''ird].[t]]]', N'new''name';\n"
        "IF SCHEMA_ID(N's]''x') IS NULL EXEC(N'CREATE SCHEMA [s]]''x]');\n"
        "EXEC sp_rename N'[t''].[c]]]', N'd''', N'COLUMN';\n"
        "EXEC sp_rename N'[t].[i''x]', N'j', N'INDEX';\n");
}

TEST_CASE("sqlserver: explicit identity values need IDENTITY_INSERT") {
  const std::string sql =
      render({InsertRows{"users", {"id", "email"}, {{1, "a@x"}}}}, test::sample_schema());
  CHECK(sql ==
        "SET IDENTITY_INSERT [users] ON;\n"
        "INSERT INTO [users] ([id], [email]) VALUES (1, N'a@x');\n"
        "SET IDENTITY_INSERT [users] OFF;\n");
}

TEST_CASE("sqlserver: ALTER COLUMN without a schema when the change restates everything") {
  const std::string sql = render({AlterColumn{
      "t", "c", ColumnChange{Type::int64(), false, std::optional<ColumnDefault>(Value{7})}, {}}});
  CHECK(contains(sql,
                 "WHERE [d].[parent_object_id] = OBJECT_ID(N'[t]') AND [c].[name] = N'c';\n"
                 "IF @var0 IS NOT NULL EXEC sp_executesql @var0;\n"));
  CHECK(contains(sql,
                 "ALTER TABLE [t] ALTER COLUMN [c] bigint NOT NULL;\n"
                 "ALTER TABLE [t] ADD DEFAULT 7 FOR [c];\n"));
}

TEST_CASE("sqlserver: ALTER COLUMN keeps the collation and re-adds the default") {
  Schema s = test::sample_schema();
  s.tables[0].columns[2].collation = "Latin1_General_BIN2";
  s.tables[0].columns[2].default_value = ColumnDefault{SqlExpression{"N'?'"}};
  s.tables[0].indexes.clear();
  const std::string sql =
      render({AlterColumn{"users", "name", ColumnChange{{}, false, {}}, {}}}, s);
  CHECK(contains(sql,
                 "ALTER TABLE [users] ALTER COLUMN [name] nvarchar(max) COLLATE "
                 "Latin1_General_BIN2 NOT NULL;\n"
                 "ALTER TABLE [users] ADD DEFAULT (N'?') FOR [name];\n"));
  CHECK(contains(sql, "IF @var0 IS NOT NULL EXEC sp_executesql @var0;\n"));
}

TEST_CASE("sqlserver: a growing nvarchar keeps its indexes; a type change rebuilds them") {
  Schema s = test::sample_schema();
  s.tables[0].columns[2].type = Type::string(100);  // users.name, indexed by ix_users_name
  const std::string grow =
      render({AlterColumn{"users", "name", ColumnChange{Type::string(200), {}, {}}, {}}}, s);
  CHECK(grow == "ALTER TABLE [users] ALTER COLUMN [name] nvarchar(200) NULL;\n");
  const std::string shrink =
      render({AlterColumn{"users", "name", ColumnChange{Type::string(50), {}, {}}, {}}}, s);
  CHECK(shrink ==
        "DROP INDEX [ix_users_name] ON [users];\n"
        "ALTER TABLE [users] ALTER COLUMN [name] nvarchar(50) NULL;\n"
        "CREATE INDEX [ix_users_name] ON [users] ([name]);\n");
  CHECK(contains(
      render_error({AlterColumn{"users", "name", ColumnChange{Type::text(), {}, {}}, {}}}, s)
          .message(),
      "use column name of type nvarchar(max) as a key of index ix_users_name"));
}

TEST_CASE("sqlserver: DROP COLUMN drops the indexes and constraints over the column first") {
  Table t;
  t.name = "t";
  t.columns = {{"a", Type::int32(), false}, {"b", Type::int32(), false}};
  t.primary_key = PrimaryKey{"", {"a", "b"}};
  t.uniques = {{"uq_t_b", {"b"}}};
  t.indexes = {{"ix_t_b", {{"b", "", false}}, false, ""}};
  Schema s;
  s.tables = {t};
  const std::string drop = render({DropColumn{"t", "b", {}}}, s);
  CHECK(contains(drop,
                 "DROP INDEX [ix_t_b] ON [t];\n"
                 "ALTER TABLE [t] DROP CONSTRAINT [uq_t_b];\n"
                 "DECLARE @var2 nvarchar(max);\n"
                 "SELECT @var2 = N'ALTER TABLE [t] DROP CONSTRAINT ' + QUOTENAME([name])\n"
                 "FROM [sys].[key_constraints]\n"
                 "WHERE [parent_object_id] = OBJECT_ID(N'[t]') AND [type] = 'PK';\n"));
  CHECK(contains(drop, "ALTER TABLE [t] DROP COLUMN [b];\n"));
}

TEST_CASE("sqlserver: clear errors for what T-SQL cannot express") {
  const Schema s = test::sample_schema();
  SUBCASE("an expression index") {
    Error e = render_error(
        {CreateIndex{"users", Index{"ix", {{"", "lower(email)", false}}, false, ""}}}, s);
    CHECK(e.code() == ErrorCode::unsupported_operation);
    CHECK(
        contains(e.message(), "sqlserver cannot index the expression (lower(email)) in index ix"));
    CHECK(contains(e.hint(), "computed column"));
  }
  SUBCASE("a unique constraint over nvarchar(max)") {
    Error e = render_error({AddUnique{"users", {"uq", {"name"}}}}, s);
    CHECK(e.code() == ErrorCode::unsupported_operation);
    CHECK(contains(e.message(),
                   "use column name of type nvarchar(max) as a key of unique constraint uq"));
  }
  SUBCASE("a self-referencing cascade") {
    Table t{
        "tree", {{"id", Type::int64(), false}, {"parent", Type::int64()}}, PrimaryKey{"", {"id"}}};
    t.foreign_keys = {
        {"fk_tree_parent", {"parent"}, {"tree"}, {"id"}, ReferentialAction::set_null}};
    Error e = render_error({CreateTable{t}}, s);
    CHECK(e.code() == ErrorCode::unsupported_operation);
    CHECK(contains(e.message(),
                   "add foreign key fk_tree_parent with ON DELETE SET NULL: it "
                   "references its own table tree"));
    CHECK(contains(e.hint(), "error 1785"));
    t.foreign_keys[0].on_delete = ReferentialAction::no_action;
    CHECK_NOTHROW(static_cast<void>(render({CreateTable{t}}, s)));
  }
  SUBCASE("a second cascade path and a cycle") {
    Error twice = render_error(
        {AddForeignKey{"orders",
                       {"fk2", {"user_id"}, {"users"}, {"id"}, ReferentialAction::cascade}}},
        s);
    CHECK(contains(twice.message(), "users already reaches orders"));
    Error cycle = render_error({AddForeignKey{"users",
                                              {"fk3",
                                               {"id"},
                                               {"orders"},
                                               {"id"},
                                               ReferentialAction::no_action,
                                               ReferentialAction::cascade}}},
                               [&] {
                                 Schema u = s;
                                 u.tables[1].foreign_keys[0].on_update = ReferentialAction::cascade;
                                 return u;
                               }());
    CHECK(contains(
        cycle.message(),
        "with ON UPDATE CASCADE: users already cascades to orders, which would make a cycle"));
  }
  SUBCASE("a primary key over a nullable column") {
    Error e = render_error({AddColumn{"users", {"nick", Type::string(20)}},
                            AddPrimaryKey{"users", {"pk2", {"score", "nick"}}}},
                           s);
    CHECK(contains(e.message(), "add primary key pk2 over the nullable column nick"));
  }
  SUBCASE("altering a column a key uses") {
    Error e =
        render_error({AlterColumn{"users", "id", ColumnChange{Type::int32(), {}, {}}, {}}}, s);
    CHECK(contains(e.message(), "alter column id while primary key pk_users uses it"));
    Error fk = render_error(
        {AlterColumn{"orders", "user_id", ColumnChange{Type::int32(), {}, {}}, {}}}, s);
    CHECK(contains(fk.message(), "while foreign key fk_orders_user uses it"));
  }
  SUBCASE("altering a column the schema does not know") {
    Error e = render_error({AlterColumn{"nowhere", "c", ColumnChange{{}, false, {}}, {}}}, s);
    CHECK(e.code() == ErrorCode::invalid_migration);
    CHECK(contains(e.message(), "needs the definition of table nowhere"));
    Error c = render_error({AlterColumn{"users", "nope", ColumnChange{{}, false, {}}, {}}}, s);
    CHECK(contains(c.message(), "needs the definition of column nope"));
  }
  SUBCASE("a comment longer than an extended property holds") {
    Column c{"x", Type::int32()};
    c.comment = std::string(3751, 'c');
    Error e = render_error({AddColumn{"users", c}}, s);
    CHECK(contains(e.message(), "store a comment longer than 3750 characters"));
  }
  SUBCASE("a collation name that is not one") {
    Column c{"x", Type::string(5)};
    c.collation = "Latin1]; DROP TABLE users; --";
    Error e = render_error({AddColumn{"users", c}}, s);
    CHECK(e.code() == ErrorCode::invalid_migration);
    CHECK(contains(e.message(), "is not a SQL Server collation name"));
  }
}

TEST_CASE("sqlserver: comments added, updated or dropped as the comment before requires") {
  Schema s;
  s.tables = {notes_table()};
  auto comment = [](std::string text) {
    ColumnChange c;
    c.comment = std::move(text);
    return c;
  };
  const std::string levels =
      "@level0type = N'SCHEMA', @level0name = N'app', @level1type = N'TABLE', "
      "@level1name = N'notes', @level2type = N'COLUMN', @level2name = N'title'";
  // title has a comment: it is updated, or dropped.
  CHECK(render({AlterColumn{{"app", "notes"}, "title", comment("new"), {}}}, s) ==
        "DECLARE @description0 sql_variant = N'new';\n"
        "EXEC sp_updateextendedproperty @name = N'MS_Description', @value = @description0, " +
            levels + ";\n");
  CHECK(render({AlterColumn{{"app", "notes"}, "title", comment(""), {}}}, s) ==
        "EXEC sp_dropextendedproperty @name = N'MS_Description', " + levels + ";\n");
  // The same comment again is no change.
  CHECK(render({AlterColumn{{"app", "notes"}, "title", comment("it's"), {}}}, s).empty());
  // Unknown column: the batch asks the catalog.
  const std::string unknown = render({AlterColumn{"t", "c", comment("x"), {}}});
  CHECK(unknown ==
        "DECLARE @schema0 sysname = SCHEMA_NAME();\n"
        "DECLARE @description0 sql_variant = N'x';\n"
        "IF EXISTS (SELECT 1 FROM sys.fn_listextendedproperty(N'MS_Description', N'SCHEMA', "
        "@schema0, N'TABLE', N't', N'COLUMN', N'c'))\n"
        "  EXEC sp_updateextendedproperty @name = N'MS_Description', @value = @description0, "
        "@level0type = N'SCHEMA', @level0name = @schema0, @level1type = N'TABLE', @level1name = "
        "N't', @level2type = N'COLUMN', @level2name = N'c'\n"
        "ELSE\n"
        "  EXEC sp_addextendedproperty @name = N'MS_Description', @value = @description0, "
        "@level0type = N'SCHEMA', @level0name = @schema0, @level1type = N'TABLE', @level1name = "
        "N't', @level2type = N'COLUMN', @level2name = N'c';\n");
  // A table's comment: known from the schema, from the operation, or looked up.
  CHECK(contains(render({SetTableComment{{"app", "notes"}, "v2", {}}}, s),
                 "EXEC sp_updateextendedproperty"));
  CHECK(render({SetTableComment{{"app", "notes"}, "", {}}}, s) ==
        "EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', "
        "@level0name = N'app', @level1type = N'TABLE', @level1name = N'notes';\n");
  CHECK(contains(render({SetTableComment{"t", "x", ""}}), "EXEC sp_addextendedproperty"));
  CHECK(render({SetTableComment{"t", "", {}}}) ==
        "DECLARE @schema0 sysname = SCHEMA_NAME();\n"
        "IF EXISTS (SELECT 1 FROM sys.fn_listextendedproperty(N'MS_Description', N'SCHEMA', "
        "@schema0, N'TABLE', N't', NULL, NULL))\n"
        "  EXEC sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', "
        "@level0name = @schema0, @level1type = N'TABLE', @level1name = N't';\n");
  CHECK(contains(render_error({SetTableComment{"t", std::string(3751, 'c'), {}}}).message(),
                 "store a comment longer than 3750 characters"));
}

TEST_CASE("sqlserver: a collation change restates the column; identity cannot change") {
  Schema s;
  s.tables = {notes_table()};
  ColumnChange bin;
  bin.collation = "Latin1_General_BIN2";
  bin.comment = "sorted by code point";
  CHECK(render({AlterColumn{{"app", "notes"}, "title", bin, {}}}, s) ==
        "ALTER TABLE [app].[notes] ALTER COLUMN [title] nvarchar(100) COLLATE Latin1_General_BIN2 "
        "NOT NULL;\n"
        "DECLARE @description1 sql_variant = N'sorted by code point';\n"
        "EXEC sp_updateextendedproperty @name = N'MS_Description', @value = @description1, "
        "@level0type = N'SCHEMA', @level0name = N'app', @level1type = N'TABLE', "
        "@level1name = N'notes', @level2type = N'COLUMN', @level2name = N'title';\n");
  ColumnChange reset;
  reset.collation = "";
  CHECK(render({AlterColumn{{"app", "notes"}, "title", reset, {}}}, s) ==
        "ALTER TABLE [app].[notes] ALTER COLUMN [title] nvarchar(100) NOT NULL;\n");

  ColumnChange identity;
  identity.identity = false;
  const Error off = render_error({AlterColumn{{"app", "notes"}, "id", identity, {}}}, s);
  CHECK(off.code() == ErrorCode::unsupported_operation);
  CHECK(contains(off.message(), "sqlserver cannot remove the IDENTITY property"));
  CHECK(contains(off.hint(), "add a new column"));
  identity.identity = true;
  CHECK(
      contains(render_error({AlterColumn{{"app", "notes"}, "user_id", identity, {}}}, s).message(),
               "sqlserver cannot add the IDENTITY property"));
  // Unknown column: whether it is an identity is unknown too, so the change is refused.
  CHECK(contains(render_error({AlterColumn{"t", "c", identity, {}}}).message(), "IDENTITY"));
  // Restating what the column already is changes nothing.
  CHECK(render({AlterColumn{{"app", "notes"}, "id", identity, {}}}, s).empty());
}
