// The SQL Server reader's assembly, on rows recorded as SQL Server returns them: the realistic
// "shop" schema read back as the model the dialect created it from (and diffing empty against
// it), each kind of object field by field, and what ReadOptions select.

#include <doctest/doctest.h>

#include "migcmd/diff.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "migcmd/schema_json.hpp"
#include "sqlserver/reader_shop_rows.hpp"
#include "sqlserver_reader.hpp"
#include "support/realistic_schemas.hpp"

namespace migcmd::test {
namespace {

using sqlserver::CatalogRows;

std::string table_json(const Table& table) {
  Schema one;
  one.tables = {table};
  return to_json(one);
}

// Field by field, printing both tables as JSON where they differ.
void check_same(const Schema& expected, const Schema& actual) {
  CHECK(expected.namespaces == actual.namespaces);
  REQUIRE(expected.tables.size() == actual.tables.size());
  for (std::size_t i = 0; i < expected.tables.size(); ++i) {
    const Table &e = expected.tables[i], &a = actual.tables[i];
    INFO("table ", to_string(e.name), "\nexpected: ", table_json(e), "\nread:     ", table_json(a));
    CHECK(e.name == a.name);
    CHECK(e.columns == a.columns);
    CHECK(e.primary_key == a.primary_key);
    CHECK(e.uniques == a.uniques);
    CHECK(e.checks == a.checks);
    CHECK(e.foreign_keys == a.foreign_keys);
    CHECK(e.indexes == a.indexes);
    CHECK(e.comment == a.comment);
  }
  CHECK(expected == actual);
}

// The SQL of the operations that turn `from` into `to` with the SQL Server dialect.
std::string diff_sql(const Schema& from, const Schema& to) {
  const auto dialect = sqlserver::make_dialect();
  DiffOptions options;
  options.dialect = dialect.get();
  std::string out;
  for (const auto& command : dialect->generate(diff(from, to, options).operations, from)) {
    out += command.sql + ";\n";
  }
  return out;
}

Column column(std::string name, Type type, bool nullable = true,
              std::optional<ColumnDefault> default_value = std::nullopt) {
  Column c;
  c.name = std::move(name);
  c.type = std::move(type);
  c.nullable = nullable;
  c.default_value = std::move(default_value);
  return c;
}

ColumnDefault value(Value v) {
  return ColumnDefault{std::move(v)};
}

ColumnDefault expression(std::string sql) {
  return ColumnDefault{SqlExpression{std::move(sql)}};
}

}  // namespace

TEST_CASE("sqlserver reader: the realistic shop schema, from its catalog rows") {
  const Schema model = shop_for_sqlserver();
  REQUIRE(model.tables.size() == 18);
  // The model is one the SQL Server dialect creates: the rows are what that script leaves.
  const auto dialect = sqlserver::make_dialect();
  const SqlCommands script = dialect->generate(create_operations(model));
  REQUIRE(!script.empty());

  const Schema read = sqlserver::assemble_schema(shop_rows(), ReadOptions{});
  check_same(sorted(catalog_form(model)), read);

  SUBCASE("diffed against its model, or itself, it is empty") {
    const std::string from_model = diff_sql(model, read);
    CHECK_MESSAGE(from_model.empty(), from_model);
    const std::string to_model = diff_sql(read, model);
    CHECK_MESSAGE(to_model.empty(), to_model);
    CHECK(diff(read, read).empty());
  }
  SUBCASE("the comparison is not vacuous") {
    // The model as written holds a SET NULL that SQL Server refuses; the read key has none.
    Schema original;
    for (auto& [name, schema] : realistic_schemas(dialect->capabilities())) {
      if (name == "shop") original = schema;
    }
    CHECK(diff_sql(original, read).find("fk_categories_parent") != std::string::npos);
    // A check read back differently from the model is a change.
    CatalogRows rows = shop_rows();
    rows.checks.front().definition = "([price]>(0))";
    CHECK(diff_sql(model, sqlserver::assemble_schema(rows, ReadOptions{}))
              .find("ck_products_price") != std::string::npos);
  }
  SUBCASE("created again from what was read, the same script") {
    const SqlCommands again = dialect->generate(create_operations(read));
    CHECK(again.size() == script.size());
  }
}

TEST_CASE("sqlserver reader: each kind of object, field by field") {
  const std::string coll = "Latin1_General_CI_AS";
  CatalogRows rows;
  rows.scope = {{"dbo", coll, "dbo"}};
  rows.tables = {
      {"100", "dbo", "parent", {}},
      {"200", "dbo", "child", "kids' table"},
      {"300", "dbo", "migcmd_history", {}},
      {"301", "dbo", "migcmd_history_lock", {}},
      {"302", "dbo", "other_tool_history", {}},
  };
  rows.columns = {
      {"100", "a", "int", {}, "4", "10", "0", "0", "0", "0", {}, {}, {}},
      {"100", "b", "nvarchar", {}, "20", "0", "0", "0", "0", "0", {}, coll, {}},
      {"200", "id", "bigint", {}, "8", "19", "0", "0", "1", "0", {}, {}, {}},
      {"200", "n", "int", {}, "4", "10", "0", "0", "0", "0", "((42))", {}, "how many"},
      {"200", "neg", "smallint", {}, "2", "5", "0", "1", "0", "0", "((-3))", {}, {}},
      {"200",
       "big",
       "bigint",
       {},
       "8",
       "19",
       "0",
       "1",
       "0",
       "0",
       "((9223372036854775807.))",
       {},
       {}},
      {"200", "price", "decimal", {}, "9", "10", "2", "1", "0", "0", "((9.95))", {}, {}},
      {"200", "ratio", "float", {}, "8", "53", "0", "1", "0", "0", "((0.5))", {}, {}},
      {"200",
       "weight",
       "float",
       {},
       "8",
       "53",
       "0",
       "1",
       "0",
       "0",
       "((1.5000000000000000e+000))",
       {},
       {}},
      {"200", "flag", "bit", {}, "1", "1", "0", "0", "0", "0", "((0))", {}, {}},
      {"200", "active", "bit", {}, "1", "1", "0", "1", "0", "0", "((1))", {}, {}},
      {"200", "s", "nvarchar", {}, "40", "0", "0", "1", "0", "0", "(N'it''s')", coll, {}},
      {"200", "plain", "varchar", {}, "30", "0", "0", "1", "0", "0", "('x')", coll, {}},
      {"200", "created", "datetime2", {}, "8", "27", "7", "0", "0", "0", "(getdate())", {}, {}},
      {"200",
       "later",
       "datetimeoffset",
       {},
       "10",
       "34",
       "7",
       "1",
       "0",
       "0",
       "(dateadd(day,(1),sysdatetimeoffset()))",
       {},
       {}},
      {"200", "raw", "varbinary", {}, "16", "0", "0", "1", "0", "0", "(0x00FF)", {}, {}},
      {"200", "token", "uniqueidentifier", {}, "16", "0", "0", "0", "0", "0", "(newid())", {}, {}},
      {"200",
       "cs",
       "nvarchar",
       {},
       "100",
       "0",
       "0",
       "1",
       "0",
       "0",
       {},
       "Latin1_General_CS_AS",
       "größe ‘quoted’"},
      {"200", "code", "nchar", {}, "6", "0", "0", "1", "0", "0", {}, coll, {}},
      {"200", "amount", "money", {}, "8", "19", "4", "1", "0", "0", {}, {}, {}},
      {"200", "exact", "numeric", {}, "5", "8", "3", "1", "0", "0", {}, {}, {}},
      {"200", "t3", "time", {}, "4", "12", "3", "1", "0", "0", {}, {}, {}},
      {"200", "at", "datetime", {}, "8", "23", "3", "1", "0", "0", {}, {}, {}},
      {"200", "doc", "xml", {}, "-1", "0", "0", "1", "0", "0", {}, {}, {}},
      {"200", "phone", "phone", "dbo", "40", "0", "0", "1", "0", "0", {}, coll, {}},
      {"200", "who", "sysname", {}, "256", "0", "0", "0", "0", "0", {}, coll, {}},
      {"200", "total", "int", {}, "4", "10", "0", "1", "0", "1", {}, {}, {}},
      {"200", "version", "timestamp", {}, "8", "0", "0", "0", "0", "0", {}, {}, {}},
      {"200", "nothing", "nvarchar", {}, "20", "0", "0", "1", "0", "0", "(NULL)", coll, {}},
      {"200", "tiny", "tinyint", {}, "1", "3", "0", "1", "0", "0", "((0))", {}, {}},
      {"200", "pa", "int", {}, "4", "10", "0", "1", "0", "0", {}, {}, {}},
      {"200", "pb", "nvarchar", {}, "20", "0", "0", "1", "0", "0", {}, coll, {}},
      {"200", "key", "nvarchar", {}, "10", "0", "0", "1", "0", "0", {}, coll, {}},
      {"300", "id", "int", {}, "4", "10", "0", "0", "1", "0", {}, {}, {}},
      {"301", "id", "int", {}, "4", "10", "0", "0", "0", "0", {}, {}, {}},
      {"302", "id", "int", {}, "4", "10", "0", "0", "0", "0", {}, {}, {}},
      {"999", "ghost", "int", {}, "4", "10", "0", "1", "0", "0", {}, {}, {}},
  };
  rows.keys = {
      {"100", "pk_parent", "PK", "b"}, {"100", "pk_parent", "PK", "a"},
      {"200", "pk_child", "PK", "id"}, {"200", "uq_child", "UQ", "s"},
      {"200", "uq_child", "UQ", "n"},  {"300", "PK__migcmd_h__3213E83F0A1B2C3D", "PK", "id"},
  };
  const std::string filter = "([price]>(0) AND [pb] IS NOT NULL)";
  rows.indexes = {
      {"200", "3", "ix_desc", "NONCLUSTERED", "0", {}, "n", "1", "0"},
      {"200", "3", "ix_desc", "NONCLUSTERED", "0", {}, "s", "0", "0"},
      {"200", "4", "ix_filtered", "NONCLUSTERED", "1", filter, "created", "0", "0"},
      {"200", "4", "ix_filtered", "NONCLUSTERED", "1", filter, "token", "0", "1"},
      {"200", "5", "ix_doc", "XML", "0", {}, "doc", "0", "0"},
      {"200", "6", "ix_columnstore", "NONCLUSTERED COLUMNSTORE", "0", {}, "amount", "0", "0"},
      {"300", "2", "ix_history", "NONCLUSTERED", "0", {}, "id", "0", "0"},
  };
  rows.foreign_keys = {
      {"200", "fk_child", "pb", "dbo", "parent", "b", "CASCADE", "SET_NULL"},
      {"200", "fk_child", "pa", "dbo", "parent", "a", "CASCADE", "SET_NULL"},
      {"200", "fk_child_events", "n", "audit", "events", "id", "SET_DEFAULT", "NO_ACTION"},
  };
  rows.checks = {
      {"200", "ck_child", "([n]>(0) AND [price]>=(0))"},
      {"200", "ck_like", "(NOT [s] like '%[^a-z]%')"},
      {"200", "ck_in", "([s]=N'b''c' OR [s]=N'a')"},
      {"200", "ck_between", "([neg]>=(-5) AND [neg]<=(5))"},
      {"200", "ck_key", "([key]<>'')"},
      {"200", "CK__child__pa__4AB81AF0", "([pa]>(0))"},
  };

  ReadOptions options;
  options.exclude = {QualifiedName("other_tool_history")};
  const Schema read = sqlserver::assemble_schema(rows, options);

  Table parent;
  parent.name = QualifiedName("parent");
  parent.columns = {column("a", Type::int32(), false), column("b", Type::string(10), false)};
  parent.primary_key = PrimaryKey{"pk_parent", {"b", "a"}};

  Table child;
  child.name = QualifiedName("child");
  child.comment = "kids' table";
  child.columns = {
      column("id", Type::int64(), false),
      column("n", Type::int32(), false, value(42)),
      column("neg", Type::int16(), true, value(-3)),
      column("big", Type::int64(), true, value(9223372036854775807LL)),
      column("price", Type::decimal(10, 2), true, value(9.95)),
      column("ratio", Type::float64(), true, value(0.5)),
      column("weight", Type::float64(), true, value(1.5)),
      column("flag", Type::boolean(), false, value(false)),
      column("active", Type::boolean(), true, value(true)),
      column("s", Type::string(20), true, value("it's")),
      column("plain", Type::raw("varchar(30)"), true, value("x")),
      column("created", Type::datetime(), false, expression("CURRENT_TIMESTAMP")),
      column("later", Type::timestamp_tz(), true,
             expression("dateadd(day, 1, sysdatetimeoffset())")),
      column("raw", Type::binary(16), true, value(Bytes{0x00, 0xFF})),
      column("token", Type::uuid(), false, expression("newid()")),
      column("cs", Type::string(50)),
      column("code", Type::raw("nchar(3)")),
      column("amount", Type::raw("money")),
      column("exact", Type::raw("numeric(8,3)")),
      column("t3", Type::raw("time(3)")),
      column("at", Type::raw("datetime")),
      column("doc", Type::raw("xml")),
      column("phone", Type::raw("[dbo].[phone]")),
      column("who", Type::raw("sysname"), false),
      column("total", Type::int32()),
      column("version", Type::raw("rowversion"), false),
      column("nothing", Type::string(10), true, value(Value{})),
      column("tiny", Type::raw("tinyint"), true, value(0)),
      column("pa", Type::int32()),
      column("pb", Type::string(10)),
      column("key", Type::string(5)),
  };
  child.columns[0].identity = true;
  child.columns[1].comment = "how many";
  child.columns[15].collation = "Latin1_General_CS_AS";
  child.columns[15].comment = "größe ‘quoted’";
  child.primary_key = PrimaryKey{"pk_child", {"id"}};
  child.uniques = {{"uq_child", {"s", "n"}}};
  child.checks = {
      {"CK__child__pa__4AB81AF0", "pa > 0"},  // named by the server: the name is kept
      {"ck_between", "neg >= -5 AND neg <= 5"}, {"ck_child", "n > 0 AND price >= 0"},
      {"ck_in", "s IN (N'a', N'b''c')"},        {"ck_key", "[key] <> ''"},
      {"ck_like", "NOT s LIKE '%[^a-z]%'"},
  };
  child.foreign_keys = {
      {"fk_child",
       {"pb", "pa"},
       QualifiedName("parent"),
       {"b", "a"},
       ReferentialAction::cascade,
       ReferentialAction::set_null},
      {"fk_child_events",
       {"n"},
       QualifiedName("audit", "events"),
       {"id"},
       ReferentialAction::set_default,
       ReferentialAction::no_action},
  };
  // Included columns and the XML and columnstore indexes are not the model's.
  child.indexes = {
      {"ix_desc", {{"n", "", true}, {"s", "", false}}, false, ""},
      {"ix_filtered", {{"created", "", false}}, true, "price > 0 AND pb IS NOT NULL"},
  };

  Schema expected;
  expected.tables = {child, parent};
  check_same(expected, read);

  SUBCASE("the dialect writes the read columns as they were created") {
    const auto dialect = sqlserver::make_dialect();
    std::string sql;
    for (const auto& c : dialect->generate({CreateTable{child}})) sql += c.sql + ";\n";
    INFO(sql);
    for (const char* part :
         {"[n] int NOT NULL DEFAULT 42",
          "[neg] smallint NULL DEFAULT -3",
          "[big] bigint NULL DEFAULT 9223372036854775807",
          "DEFAULT 9.95",
          "DEFAULT 0.5",
          "DEFAULT 1.5",
          "[flag] bit NOT NULL DEFAULT 0",
          "[active] bit NULL DEFAULT 1",
          "[s] nvarchar(20) NULL DEFAULT N'it''s'",
          "[plain] varchar(30) NULL DEFAULT N'x'",
          "DEFAULT (CURRENT_TIMESTAMP)",
          "DEFAULT (dateadd(day, 1, sysdatetimeoffset()))",
          "[raw] varbinary(16) NULL DEFAULT 0x00FF",
          "DEFAULT (newid())",
          "[cs] nvarchar(50) COLLATE Latin1_General_CS_AS NULL",
          "[phone] [dbo].[phone] NULL",
          "[version] rowversion NOT NULL",
          "[nothing] nvarchar(10) NULL DEFAULT NULL",
          "CONSTRAINT [ck_in] CHECK (s IN (N'a', N'b''c'))",
          "CONSTRAINT [ck_key] CHECK ([key] <> '')",
          "CREATE UNIQUE INDEX [ix_filtered] ON [child] ([created]) WHERE price > 0 AND pb IS NOT "
          "NULL",
          "CREATE INDEX [ix_desc] ON [child] ([n] DESC, [s])"}) {
      CHECK_MESSAGE(sql.find(part) != std::string::npos, part);
    }
  }
}

TEST_CASE("sqlserver reader: what ReadOptions select") {
  const std::string coll = "Latin1_General_CI_AS";
  CatalogRows rows;
  rows.tables = {
      {"10", "dbo", "a", {}},
      {"20", "sales", "b", {}},
      {"30", "sales", "migcmd_history", {}},
      {"40", "dbo", "migcmd_history", {}},
  };
  for (const char* id : {"10", "20", "30", "40"}) {
    rows.columns.push_back({id, "id", "int", {}, "4", "10", "0", "0", "0", "0", {}, {}, {}});
  }
  rows.foreign_keys = {
      {"20", "fk_b_a", "id", "dbo", "a", "id", "NO_ACTION", "NO_ACTION"},
      {"10", "fk_a_other", "id", "other", "x", "id", "NO_ACTION", "NO_ACTION"},
  };

  SUBCASE("listed schemas: their tables carry the schema, the other listed ones are namespaces") {
    rows.scope = {{"dbo", coll, "dbo"}, {"dbo", coll, "sales"}};  // "missing" does not exist
    ReadOptions options;
    options.schemas = {"sales", "dbo", "missing"};
    options.history_table = QualifiedName("sales", "migcmd_history");
    const Schema s = sqlserver::assemble_schema(rows, options);
    CHECK(s.namespaces == std::vector<std::string>{"sales"});
    REQUIRE(s.tables.size() == 3);
    CHECK(s.tables[0].name == QualifiedName("dbo", "a"));
    CHECK(s.tables[1].name == QualifiedName("dbo", "migcmd_history"));
    CHECK(s.tables[2].name == QualifiedName("sales", "b"));
    CHECK(s.tables[2].foreign_keys.at(0).referenced_table == QualifiedName("dbo", "a"));
    CHECK(s.tables[0].foreign_keys.at(0).referenced_table == QualifiedName("other", "x"));
  }
  SUBCASE("no schema listed: the default schema's tables have none") {
    rows.scope = {{"dbo", coll, "dbo"}};
    const Schema s = sqlserver::assemble_schema(rows, ReadOptions{});
    CHECK(s.namespaces.empty());
    // dbo.migcmd_history is the history table; the sales rows would not be returned by the
    // queries, and are named with their schema if they were.
    REQUIRE(s.tables.size() == 3);
    CHECK(s.tables[0].name == QualifiedName("a"));
    CHECK(s.tables[1].name == QualifiedName("sales", "b"));
    CHECK(s.tables[2].name == QualifiedName("sales", "migcmd_history"));
    CHECK(s.tables[1].foreign_keys.at(0).referenced_table == QualifiedName("a"));
  }
  SUBCASE("a default schema other than dbo") {
    rows.scope = {{"sales", coll, "sales"}};
    ReadOptions options;
    options.exclude = {QualifiedName("dbo", "a")};
    const Schema s = sqlserver::assemble_schema(rows, options);
    REQUIRE(s.tables.size() == 2);
    CHECK(s.tables[0].name == QualifiedName("b"));
    CHECK(s.tables[0].foreign_keys.at(0).referenced_table == QualifiedName("dbo", "a"));
    CHECK(s.tables[1].name == QualifiedName("dbo", "migcmd_history"));
  }
  SUBCASE("no listed schema exists") {
    rows.scope = {{"dbo", coll, std::nullopt}};
    rows.tables.clear();
    ReadOptions options;
    options.schemas = {"nope"};
    const Schema s = sqlserver::assemble_schema(rows, options);
    CHECK(s.namespaces.empty());
    CHECK(s.tables.empty());
  }
}

}  // namespace migcmd::test
