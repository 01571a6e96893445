// Each kind of object read field by field from a hand-written schema.

#include <doctest/doctest.h>

#include <cmath>

#include "migcmd/diff.hpp"
#include "postgres_reader/reader_support.hpp"

namespace migcmd::test {
namespace {

const Column& column(const Table& table, const std::string& name) {
  const Column* c = table.find_column(name);
  REQUIRE_MESSAGE(c != nullptr, "no column ", name);
  return *c;
}

std::optional<ColumnDefault> value_default(Value v) {
  return ColumnDefault{std::move(v)};
}

std::optional<ColumnDefault> sql_default(std::string sql) {
  return ColumnDefault{SqlExpression{std::move(sql)}};
}

}  // namespace

TEST_CASE("each kind of object is read field by field") {
  PgSchema db;
  db.execute("CREATE TABLE parent (a int, b varchar(10), CONSTRAINT pk_parent PRIMARY KEY (b, a))");
  db.execute(
      "CREATE TABLE child ("
      " id bigint GENERATED ALWAYS AS IDENTITY,"
      " n int NOT NULL DEFAULT 42,"
      " neg smallint DEFAULT -3,"
      " big bigint DEFAULT 9223372036854775807,"
      " price numeric(10,2) DEFAULT 9.95,"
      " ratio double precision DEFAULT 0.5,"
      " nan double precision DEFAULT 'NaN',"
      " flag boolean DEFAULT false,"
      " s varchar(20) DEFAULT 'it''s',"
      " bs text DEFAULT E'back\\\\slash',"
      " created timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,"
      " later timestamp DEFAULT now() + interval '1 day',"
      " raw bytea DEFAULT decode('00ff', 'hex'),"
      " doc jsonb DEFAULT '{\"a\": 1}',"
      " c text COLLATE \"C\","
      " pa int, pb varchar(10),"
      " fixed char(3),"
      " plain numeric,"
      " list int[],"
      " CONSTRAINT pk_child PRIMARY KEY (id),"
      " CONSTRAINT uq_child UNIQUE (s, n),"
      " CONSTRAINT ck_child CHECK (n > 0 AND price >= 0),"
      " CONSTRAINT ck_s CHECK (s <> ''),"
      " CONSTRAINT ck_in CHECK (s IN ('a', 'b''c') AND n NOT IN (-1, 7)),"
      " CONSTRAINT fk_child FOREIGN KEY (pb, pa) REFERENCES parent (b, a)"
      "   ON DELETE CASCADE ON UPDATE SET NULL)");
  db.execute("CREATE INDEX ix_desc ON child (n DESC, s)");
  db.execute("CREATE UNIQUE INDEX ix_expr ON child (lower(s), (n + 1) DESC) WHERE flag");
  db.execute("CREATE INDEX ix_partial ON child (created) WHERE price > 0 AND pb IS NOT NULL");
  db.execute("COMMENT ON TABLE child IS 'kids'");
  db.execute("COMMENT ON COLUMN child.n IS 'how many'");

  const Schema s = read(db.connection());
  REQUIRE(s.tables.size() == 2);
  const Table* parent = s.find_table(QualifiedName("parent"));
  const Table* child = s.find_table(QualifiedName("child"));
  REQUIRE(parent != nullptr);
  REQUIRE(child != nullptr);

  SUBCASE("tables") {
    CHECK(parent->name == QualifiedName("parent"));
    CHECK(child->comment == "kids");
    CHECK(parent->comment.empty());
    CHECK(parent->primary_key == PrimaryKey{"pk_parent", {"b", "a"}});
  }
  SUBCASE("columns in order, types, nullability, identity, collation, comments") {
    std::vector<std::string> names;
    for (const auto& c : child->columns) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"id",   "n",  "neg", "big",     "price", "ratio", "nan",
                                            "flag", "s",  "bs",  "created", "later", "raw",   "doc",
                                            "c",    "pa", "pb",  "fixed",   "plain", "list"});
    const Column& id = column(*child, "id");
    CHECK(id.type == Type::int64());
    CHECK(id.identity);
    CHECK_FALSE(id.nullable);
    CHECK_FALSE(id.default_value.has_value());
    CHECK(column(*child, "n").type == Type::int32());
    CHECK_FALSE(column(*child, "n").nullable);
    CHECK(column(*child, "n").comment == "how many");
    CHECK(column(*child, "neg").type == Type::int16());
    CHECK(column(*child, "neg").nullable);
    CHECK(column(*child, "price").type == Type::decimal(10, 2));
    CHECK(column(*child, "ratio").type == Type::float64());
    CHECK(column(*child, "s").type == Type::string(20));
    CHECK(column(*child, "s").collation.empty());
    CHECK(column(*child, "bs").type == Type::text());
    CHECK(column(*child, "created").type == Type::timestamp_tz());
    CHECK(column(*child, "later").type == Type::datetime());
    CHECK(column(*child, "raw").type == Type::binary());
    CHECK(column(*child, "doc").type == Type::json());
    CHECK(column(*child, "c").collation == "C");
    CHECK(column(*child, "fixed").type == Type::raw("character(3)"));
    CHECK(column(*child, "plain").type == Type{TypeKind::decimal});
    CHECK(column(*child, "list").type == Type::raw("integer[]"));
    CHECK_FALSE(column(*child, "id").identity == column(*child, "n").identity);
  }
  SUBCASE("defaults: literals as values, the rest as SQL") {
    CHECK(column(*child, "n").default_value == value_default(42));
    CHECK(column(*child, "neg").default_value == value_default(-3));
    CHECK(column(*child, "big").default_value == value_default(9223372036854775807LL));
    CHECK(column(*child, "price").default_value == value_default(9.95));
    CHECK(column(*child, "ratio").default_value == value_default(0.5));
    const auto& nan = column(*child, "nan").default_value;
    REQUIRE(nan.has_value());
    REQUIRE(std::holds_alternative<Value>(*nan));
    REQUIRE(std::get<Value>(*nan).holds<double>());
    CHECK(std::isnan(std::get<Value>(*nan).get<double>()));
    CHECK(column(*child, "flag").default_value == value_default(false));
    CHECK(column(*child, "s").default_value == value_default("it's"));
    CHECK(column(*child, "bs").default_value == value_default("back\\slash"));
    CHECK(column(*child, "created").default_value == sql_default("CURRENT_TIMESTAMP"));
    // The server parenthesises an operator expression; the reader keeps that, because DEFAULT
    // takes only a restricted expression ("DEFAULT a IS NULL" is a syntax error) and the text
    // reads back the same once written with its parentheses.
    CHECK(column(*child, "later").default_value == sql_default("(now() + '1 day'::interval)"));
    CHECK(column(*child, "raw").default_value == value_default(Bytes{0x00, 0xff}));
    CHECK(column(*child, "doc").default_value == value_default("{\"a\": 1}"));
    CHECK_FALSE(column(*child, "pa").default_value.has_value());
  }
  SUBCASE("unique, check and foreign key constraints") {
    CHECK(child->primary_key == PrimaryKey{"pk_child", {"id"}});
    CHECK(child->uniques == std::vector<UniqueConstraint>{{"uq_child", {"s", "n"}}});
    const Schema sorted_schema = sorted(s);
    const Table* c = sorted_schema.find_table(QualifiedName("child"));
    // The server parenthesises an IN list inside AND; the reader keeps those parentheses.
    CHECK(c->checks ==
          std::vector<CheckConstraint>{{"ck_child", "n > 0 AND price >= 0"},
                                       {"ck_in", "(s IN ('a', 'b''c')) AND (n NOT IN (-1, 7))"},
                                       {"ck_s", "s <> ''"}});
    REQUIRE(child->foreign_keys.size() == 1);
    const ForeignKey& fk = child->foreign_keys[0];
    CHECK(fk.name == "fk_child");
    CHECK(fk.columns == std::vector<std::string>{"pb", "pa"});
    CHECK(fk.referenced_table == QualifiedName("parent"));
    CHECK(fk.referenced_columns == std::vector<std::string>{"b", "a"});
    CHECK(fk.on_delete == ReferentialAction::cascade);
    CHECK(fk.on_update == ReferentialAction::set_null);
  }
  SUBCASE("indexes: not the constraints' own, DESC, expressions, partial") {
    const Schema sorted_schema = sorted(s);
    const Table* c = sorted_schema.find_table(QualifiedName("child"));
    REQUIRE(c->indexes.size() == 3);
    CHECK(c->indexes[0] == Index{"ix_desc", {{"n", "", true}, {"s", "", false}}, false, ""});
    CHECK(c->indexes[1] ==
          Index{"ix_expr", {{"", "lower(s)", false}, {"", "n + 1", true}}, true, "flag"});
    CHECK(c->indexes[2] ==
          Index{"ix_partial", {{"created", "", false}}, false, "price > 0 AND pb IS NOT NULL"});
    CHECK(parent->indexes.empty());
  }
  SUBCASE("what was read creates the same schema again") {
    PgSchema again;
    again.apply(create_operations(s));
    Schema read_again = read(again.connection());
    // The differ compares defaults as the dialect renders them, so a NaN default is the same...
    const std::string changes = diff_sql(s, read_again, true);
    CHECK_MESSAGE(changes.empty(), changes);
    // ...while Value's == follows IEEE (NaN != NaN): compare the rest without that column.
    Schema without_nan = s;
    for (Schema* schema : {&without_nan, &read_again}) {
      auto& columns = schema->find_table(QualifiedName("child"))->columns;
      std::erase_if(columns, [](const Column& c) { return c.name == "nan"; });
    }
    check_same(without_nan, read_again);
  }
}

}  // namespace migcmd::test
