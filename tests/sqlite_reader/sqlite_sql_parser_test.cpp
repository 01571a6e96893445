// The tokenizer and parser reading SQLite's stored CREATE statements, and the mapping of declared
// types and default texts back to the model.

#include <doctest/doctest.h>

#include "migcmd/error.hpp"
#include "sqlite_reader.hpp"
#include "sqlite_sql_parser.hpp"

namespace migcmd::sqlite {
namespace {

std::vector<std::string> values(std::string_view sql) {
  std::vector<std::string> out;
  for (const auto& t : tokenize(sql)) out.push_back(t.value);
  return out;
}

}  // namespace

TEST_CASE("tokenize skips comments and keeps quoted text whole") {
  const auto tokens = tokenize(
      "CHECK ( a <> 'it''s -- not a comment' ) -- a comment ( \n"
      "/* block , ( */ \"quoted \"\" name\" [br]acket] `back` X'0aFF' 1.5e-3 .5 0x1F || >=");
  CHECK(values("CHECK ( a <> 'it''s -- not a comment' ) -- x") ==
        std::vector<std::string>{"CHECK", "(", "a", "<>", "it's -- not a comment", ")"});
  REQUIRE(tokens.size() == 17);
  CHECK(tokens[4].kind == TokenKind::string);
  CHECK(tokens[6].kind == TokenKind::identifier);
  CHECK(tokens[6].value == "quoted \" name");
  CHECK(tokens[7].value == "br");  // [br] then "acket", "]"
  CHECK(tokens[10].value == "back");
  CHECK(tokens[11].kind == TokenKind::blob);
  CHECK(tokens[11].value == "X'0aFF'");
  CHECK(tokens[12].kind == TokenKind::number);
  CHECK(tokens[12].value == "1.5e-3");
  CHECK(tokens[13].value == ".5");
  CHECK(tokens[14].value == "0x1F");
  CHECK(tokens[15].value == "||");
  CHECK(tokens[16].value == ">=");
}

TEST_CASE("tokenize keeps offsets into the source and reports unterminated quotes") {
  const std::string sql = "a  'b'";
  const auto tokens = tokenize(sql);
  REQUIRE(tokens.size() == 2);
  CHECK(sql.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "'b'");
  CHECK_THROWS_AS((void)tokenize("CHECK (a = 'open"), Error);
  CHECK_THROWS_AS((void)tokenize("\"open"), Error);
  CHECK(tokenize("a /* runs to the end").size() == 1);
}

TEST_CASE("parse_create_table: names, checks, keys and AUTOINCREMENT as the dialect writes them") {
  const auto t = parse_create_table(
      "CREATE TABLE \"orders\" (\n"
      "    \"id\" INTEGER NOT NULL CONSTRAINT \"pk_orders\" PRIMARY KEY AUTOINCREMENT,\n"
      "    \"code\" VARCHAR(20) COLLATE \"NOCASE\" DEFAULT 'a,b)' NOT NULL,\n"
      "    \"total\" NUMERIC(12,2) DEFAULT (1 + 2),\n"
      "    \"customer_id\" BIGINT, \"region\" TEXT,\n"
      "    CONSTRAINT \"uq_orders_code\" UNIQUE (\"code\", \"region\"),\n"
      "    CONSTRAINT \"ck_total\" CHECK (total >= 0 AND (code <> 'CHECK (x)')),\n"
      "    CHECK (region IS NOT NULL),\n"
      "    CONSTRAINT \"fk_customer\" FOREIGN KEY (\"customer_id\", \"region\") REFERENCES "
      "\"customers\" (\"id\", \"region\") ON DELETE SET NULL ON UPDATE CASCADE\n"
      ") WITHOUT ROWID");
  REQUIRE(t.columns.size() == 5);
  CHECK(t.columns[0].name == "id");
  CHECK(t.columns[0].autoincrement);
  CHECK(t.columns[1].name == "code");
  CHECK(t.columns[1].collation == "NOCASE");
  CHECK_FALSE(t.columns[2].autoincrement);
  CHECK(t.columns[4].name == "region");
  REQUIRE(t.primary_key);
  CHECK(*t.primary_key == PrimaryKey{"pk_orders", {"id"}});
  REQUIRE(t.uniques.size() == 1);
  CHECK(t.uniques[0] == UniqueConstraint{"uq_orders_code", {"code", "region"}});
  REQUIRE(t.checks.size() == 2);
  CHECK(t.checks[0] == CheckConstraint{"ck_total", "total >= 0 AND (code <> 'CHECK (x)')"});
  CHECK(t.checks[1] == CheckConstraint{"", "region IS NOT NULL"});
  REQUIRE(t.foreign_keys.size() == 1);
  const ForeignKey& fk = t.foreign_keys[0];
  CHECK(fk.name == "fk_customer");
  CHECK(fk.columns == std::vector<std::string>{"customer_id", "region"});
  CHECK(fk.referenced_table == QualifiedName("customers"));
  CHECK(fk.referenced_columns == std::vector<std::string>{"id", "region"});
  CHECK(fk.on_delete == ReferentialAction::set_null);
  CHECK(fk.on_update == ReferentialAction::cascade);
}

TEST_CASE("parse_create_table: column constraints written by hand, comments, odd quoting") {
  const auto t = parse_create_table(
      "create table t ( -- the key, (unbalanced in a comment\n"
      "  a integer constraint k primary key desc,\n"
      "  [b] text constraint u unique constraint c check(length(b) > 2) /* CHECK (no) */,\n"
      "  `c` int references parent on delete cascade,\n"
      "  primary_id int, \"unique\" int\n"
      ")");
  REQUIRE(t.columns.size() == 5);
  CHECK(t.columns[3].name == "primary_id");
  CHECK(t.columns[4].name == "unique");
  REQUIRE(t.primary_key);
  CHECK(*t.primary_key == PrimaryKey{"k", {"a"}});
  CHECK(t.uniques == std::vector<UniqueConstraint>{{"u", {"b"}}});
  CHECK(t.checks == std::vector<CheckConstraint>{{"c", "length(b) > 2"}});
  REQUIRE(t.foreign_keys.size() == 1);
  CHECK(t.foreign_keys[0].columns == std::vector<std::string>{"c"});
  CHECK(t.foreign_keys[0].referenced_table == QualifiedName("parent"));
  CHECK(t.foreign_keys[0].referenced_columns.empty());
  CHECK(t.foreign_keys[0].on_delete == ReferentialAction::cascade);
  CHECK(parse_create_table("CREATE TABLE x AS SELECT 1 AS a").columns.empty());
  // A constraint name belongs to the constraint right after it, even NOT NULL.
  const auto n = parse_create_table("CREATE TABLE n (a INT CONSTRAINT nn NOT NULL UNIQUE)");
  CHECK(n.uniques == std::vector<UniqueConstraint>{{"", {"a"}}});
}

TEST_CASE("parse_create_index: columns, expressions, DESC, COLLATE and the partial predicate") {
  const auto ix = parse_create_index(
      "CREATE UNIQUE INDEX \"ix\" ON \"t\" (\"a\" DESC, (lower(b)), c || 'x)' COLLATE NOCASE "
      "ASC, (d)) WHERE a > 0 AND /* x */ b IN ('(', ')');");
  REQUIRE(ix.parts.size() == 4);
  CHECK(ix.parts[0] == IndexPart{"a", "", true});
  CHECK(ix.parts[1] == IndexPart{"", "lower(b)", false});
  CHECK(ix.parts[2] == IndexPart{"", "c || 'x)'", false});
  CHECK(ix.parts[3] == IndexPart{"", "d", false});
  CHECK(ix.where == "a > 0 AND /* x */ b IN ('(', ')')");
  CHECK(parse_create_index("CREATE INDEX i ON t (a)").where.empty());
}

TEST_CASE("strip_outer_parentheses removes only a pair enclosing everything") {
  CHECK(strip_outer_parentheses("(a + b)") == "a + b");
  CHECK(strip_outer_parentheses("(a) + (b)") == "(a) + (b)");
  CHECK(strip_outer_parentheses("((a))") == "(a)");
  CHECK(strip_outer_parentheses("(')')") == "')'");
}

TEST_CASE("declared types map back to the portable types the dialect renders") {
  CHECK(type_from_declared("BOOLEAN") == Type::boolean());
  CHECK(type_from_declared("SMALLINT") == Type::int16());
  CHECK(type_from_declared("INT") == Type::int32());
  CHECK(type_from_declared("INTEGER") == Type::int64());
  CHECK(type_from_declared("bigint") == Type::int64());
  CHECK(type_from_declared("NUMERIC(12,2)") == Type::decimal(12, 2));
  CHECK(type_from_declared("numeric( 12 , 2 )") == Type::decimal(12, 2));
  CHECK(type_from_declared("NUMERIC(7)") == Type{TypeKind::decimal, {}, 7, {}, {}});
  CHECK(type_from_declared("NUMERIC") == Type{TypeKind::decimal});
  CHECK(type_from_declared("REAL") == Type::float32());
  CHECK(type_from_declared("DOUBLE") == Type::float64());
  CHECK(type_from_declared("VARCHAR(120)") == Type::string(120));
  CHECK(type_from_declared("TEXT") == Type::text());
  CHECK(type_from_declared("BLOB") == Type::binary());
  CHECK(type_from_declared("BLOB(16)") == Type::binary(16));
  CHECK(type_from_declared("DATE") == Type::date());
  CHECK(type_from_declared("TIME") == Type::time());
  CHECK(type_from_declared("DATETIME") == Type::datetime());
  CHECK(type_from_declared("TIMESTAMPTZ") == Type::timestamp_tz());
  CHECK(type_from_declared("UUID TEXT") == Type::uuid());
  CHECK(type_from_declared("uuid  text") == Type::uuid());
  CHECK(type_from_declared("JSON TEXT") == Type::json());
  CHECK(type_from_declared("DOUBLE PRECISION") == Type::raw("DOUBLE PRECISION"));
  CHECK(type_from_declared("VARCHAR(1,2)") == Type::raw("VARCHAR(1,2)"));
  CHECK(type_from_declared("geometry") == Type::raw("geometry"));
}

TEST_CASE("default texts become values where they are literals") {
  const Type text = Type::text();
  CHECK(default_from_sql("'it''s'", text) == ColumnDefault{Value{"it's"}});
  CHECK(default_from_sql("42", text) == ColumnDefault{Value{42}});
  CHECK(default_from_sql("-7", text) == ColumnDefault{Value{-7}});
  CHECK(default_from_sql("1.5", text) == ColumnDefault{Value{1.5}});
  CHECK(default_from_sql("-2.0", text) == ColumnDefault{Value{-2.0}});
  CHECK(default_from_sql("1e3", text) == ColumnDefault{Value{1000.0}});
  CHECK(default_from_sql("0x10", text) == ColumnDefault{Value{16}});
  CHECK(default_from_sql("NULL", text) == ColumnDefault{Value{}});
  CHECK(default_from_sql("TRUE", text) == ColumnDefault{Value{true}});
  CHECK(default_from_sql("X'00ff'", text) == ColumnDefault{Value{Bytes{0x00, 0xff}}});
  CHECK(default_from_sql("1", Type::boolean()) == ColumnDefault{Value{true}});
  CHECK(default_from_sql("0", Type::boolean()) == ColumnDefault{Value{false}});
  CHECK(default_from_sql("2", Type::boolean()) == ColumnDefault{Value{2}});
  CHECK(default_from_sql("CURRENT_TIMESTAMP", text) ==
        ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}});
  CHECK(default_from_sql("datetime('now')", text) ==
        ColumnDefault{SqlExpression{"datetime('now')"}});
  CHECK(default_from_sql("1 + 2", text) == ColumnDefault{SqlExpression{"1 + 2"}});
}

}  // namespace migcmd::sqlite
