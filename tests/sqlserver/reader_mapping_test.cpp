// The SQL Server reader's mapping of catalog text: sys.types to portable types, default
// definitions to values or expressions, and check / filter definitions back to what was written.

#include <doctest/doctest.h>

#include "migcmd/providers/sqlserver.hpp"
#include "sqlserver_reader_expression.hpp"
#include "sqlserver_reader_mapping.hpp"

namespace migcmd::sqlserver {
namespace {

Type type(std::string name, int max_length, int precision = 0, int scale = 0,
          std::string user_schema = {}) {
  return type_from_catalog({std::move(name), std::move(user_schema), max_length, precision, scale});
}

std::optional<ColumnDefault> def(std::string_view definition, const Type& column_type) {
  return default_from_catalog(definition, column_type);
}

ColumnDefault value(Value v) {
  return ColumnDefault{std::move(v)};
}

ColumnDefault sql(std::string text) {
  return ColumnDefault{SqlExpression{std::move(text)}};
}

}  // namespace

TEST_CASE("sqlserver reader: sys.types back to the portable types the dialect renders") {
  CHECK(type("bit", 1, 1) == Type::boolean());
  CHECK(type("smallint", 2, 5) == Type::int16());
  CHECK(type("int", 4, 10) == Type::int32());
  CHECK(type("bigint", 8, 19) == Type::int64());
  CHECK(type("decimal", 9, 12, 2) == Type::decimal(12, 2));
  CHECK(type("decimal", 9, 18, 0) == Type::decimal(18, 0));
  CHECK(type("real", 4, 24) == Type::float32());
  CHECK(type("float", 8, 53) == Type::float64());
  // nvarchar lengths are in bytes, two per character; -1 is (max).
  CHECK(type("nvarchar", 240) == Type::string(120));
  CHECK(type("nvarchar", 8000) == Type::string(4000));
  CHECK(type("nvarchar", -1) == Type::text());
  CHECK(type("varbinary", 16) == Type::binary(16));
  CHECK(type("varbinary", -1) == Type::binary());
  CHECK(type("date", 3, 10) == Type::date());
  CHECK(type("time", 5, 16, 7) == Type::time());
  CHECK(type("datetime2", 8, 27, 7) == Type::datetime());
  CHECK(type("datetimeoffset", 10, 34, 7) == Type::timestamp_tz());
  CHECK(type("uniqueidentifier", 16) == Type::uuid());

  SUBCASE("other store types stay raw, spelled as T-SQL writes them") {
    CHECK(type("numeric", 5, 8, 3) == Type::raw("numeric(8,3)"));
    CHECK(type("nchar", 20) == Type::raw("nchar(10)"));
    CHECK(type("varchar", 30) == Type::raw("varchar(30)"));
    CHECK(type("varchar", -1) == Type::raw("varchar(max)"));
    CHECK(type("char", 3) == Type::raw("char(3)"));
    CHECK(type("binary", 8) == Type::raw("binary(8)"));
    CHECK(type("time", 4, 12, 3) == Type::raw("time(3)"));
    CHECK(type("datetime2", 6, 19, 0) == Type::raw("datetime2(0)"));
    CHECK(type("datetimeoffset", 8, 26, 2) == Type::raw("datetimeoffset(2)"));
    CHECK(type("tinyint", 1, 3) == Type::raw("tinyint"));
    CHECK(type("money", 8, 19, 4) == Type::raw("money"));
    CHECK(type("datetime", 8, 23, 3) == Type::raw("datetime"));
    CHECK(type("xml", -1) == Type::raw("xml"));
    CHECK(type("sysname", 256) == Type::raw("sysname"));
    CHECK(type("timestamp", 8) == Type::raw("rowversion"));
    CHECK(type("phone", 40, 0, 0, "dbo") == Type::raw("[dbo].[phone]"));
    CHECK(type("odd]name", 4, 10, 0, "my schema") == Type::raw("[my schema].[odd]]name]"));
  }

  SUBCASE("the dialect renders what was read as the store type it came from") {
    const auto dialect = make_dialect();
    CHECK(dialect->type_sql(type("nvarchar", 240)) == "nvarchar(120)");
    CHECK(dialect->type_sql(type("nvarchar", -1)) == "nvarchar(max)");
    CHECK(dialect->type_sql(type("varbinary", 16)) == "varbinary(16)");
    CHECK(dialect->type_sql(type("varbinary", -1)) == "varbinary(max)");
    CHECK(dialect->type_sql(type("decimal", 9, 12, 2)) == "decimal(12,2)");
    CHECK(dialect->type_sql(type("datetime2", 8, 27, 7)) == "datetime2");
    CHECK(dialect->type_sql(type("time", 4, 12, 3)) == "time(3)");
    CHECK(dialect->type_sql(type("nchar", 20)) == "nchar(10)");
    CHECK(dialect->type_sql(type("phone", 40, 0, 0, "dbo")) == "[dbo].[phone]");
  }
}

TEST_CASE("sqlserver reader: default definitions, parentheses and all") {
  SUBCASE("numbers: SQL Server wraps each constant in its own parentheses") {
    CHECK(def("((0))", Type::int32()) == value(0));
    CHECK(def("((42))", Type::int32()) == value(42));
    CHECK(def("((-1))", Type::int16()) == value(-1));
    // A constant beyond int is numeric: printed with a trailing point.
    CHECK(def("((9223372036854775807.))", Type::int64()) == value(9223372036854775807LL));
    CHECK(def("((-9000000000.))", Type::int64()) == value(-9000000000LL));
    CHECK(def("((9.95))", Type::decimal(10, 2)) == value(9.95));
    CHECK(def("((0.00))", Type::decimal(10, 2)) == value(0));
    CHECK(def("((0))", Type::decimal(12, 2)) == value(0));
    // A constant no double holds exactly stays the text written.
    CHECK(def("((12345678901234567890.5))", Type::decimal(38, 1)) == sql("12345678901234567890.5"));
  }
  SUBCASE("float columns get doubles, whatever the constant's spelling") {
    CHECK(def("((0.5))", Type::float64()) == value(0.5));
    CHECK(def("((1.5000000000000000e+000))", Type::float64()) == value(1.5));
    CHECK(def("((2))", Type::float64()) == value(2.0));
    CHECK(def("((-1.0000000000000000e+020))", Type::float32()) == value(-1e20));
  }
  SUBCASE("bit columns: 0 and 1 are false and true") {
    CHECK(def("((1))", Type::boolean()) == value(true));
    CHECK(def("((0))", Type::boolean()) == value(false));
    CHECK(def("((2))", Type::boolean()) == value(2));
  }
  SUBCASE("strings, bytes and NULL") {
    CHECK(def("(N'n/a')", Type::string(20)) == value("n/a"));
    CHECK(def("(N'it''s')", Type::string(20)) == value("it's"));
    CHECK(def("('plain')", Type::raw("varchar(10)")) == value("plain"));
    CHECK(def("(N'')", Type::text()) == value(""));
    CHECK(def("(N'(x)')", Type::text()) == value("(x)"));
    CHECK(def("(0x00FF)", Type::binary()) == value(Bytes{0x00, 0xFF}));
    CHECK(def("(0x)", Type::binary()) == value(Bytes{}));
    CHECK(def("(NULL)", Type::int32()) == value(Value{}));
  }
  SUBCASE("CURRENT_TIMESTAMP is stored as getdate()") {
    CHECK(def("(getdate())", Type::timestamp_tz()) == sql("CURRENT_TIMESTAMP"));
    CHECK(def("(getutcdate())", Type::datetime()) == sql("getutcdate()"));
  }
  SUBCASE("other expressions, normalised") {
    CHECK(def("(newid())", Type::uuid()) == sql("newid()"));
    CHECK(def("(sysdatetimeoffset())", Type::timestamp_tz()) == sql("sysdatetimeoffset()"));
    CHECK(def("(dateadd(day,(1),getdate()))", Type::datetime()) ==
          sql("dateadd(day, 1, getdate())"));
    CHECK(def("(CONVERT([bit],(1)))", Type::boolean()) == sql("CONVERT(bit, 1)"));
    CHECK(def("((1)+(2))", Type::int32()) == sql("1 + 2"));
    CHECK(def("(N'a'+N'b')", Type::text()) == sql("N'a' + N'b'"));
    CHECK(def("(NEXT VALUE FOR [sales].[order_numbers])", Type::int64()) ==
          sql("NEXT VALUE FOR sales.order_numbers"));
  }
}

TEST_CASE("sqlserver reader: the dialect writes each literal default back as it was read") {
  const auto dialect = make_dialect();
  struct Case {
    const char* definition;
    Type type;
    const char* literal;
  };
  for (const Case& c :
       {Case{"((0))", Type::int32(), "0"}, Case{"((-1))", Type::int16(), "-1"},
        Case{"((9.95))", Type::decimal(10, 2), "9.95"}, Case{"((0.5))", Type::float64(), "0.5"},
        Case{"((1))", Type::boolean(), "1"}, Case{"(N'it''s')", Type::string(9), "N'it''s'"},
        Case{"(0x00FF)", Type::binary(), "0x00FF"}, Case{"(NULL)", Type::int32(), "NULL"}}) {
    INFO(c.definition);
    const ColumnDefault d = default_from_catalog(c.definition, c.type);
    REQUIRE(std::holds_alternative<Value>(d));
    CHECK(dialect->literal(std::get<Value>(d)) == c.literal);
  }
}

TEST_CASE("sqlserver reader: check and filter definitions as they were written") {
  SUBCASE("comparisons: outer and constant parentheses go, operators get spaces") {
    CHECK(normalise_expression("([price]>=(0))") == "price >= 0");
    CHECK(normalise_expression("([quantity]>(0))") == "quantity > 0");
    CHECK(normalise_expression("([n]>(0) AND [price]>=(0))") == "n > 0 AND price >= 0");
    CHECK(normalise_expression("([a]<>(-1))") == "a <> -1");
    CHECK(normalise_expression("([ratio]<(0.5))") == "ratio < 0.5");
    CHECK(normalise_expression("([email]<>'')") == "email <> ''");
    CHECK(normalise_expression("([a]+[b]*(2)>=[c])") == "a + b * 2 >= c");
    CHECK(normalise_expression("([deleted_at] IS NOT NULL)") == "deleted_at IS NOT NULL");
    CHECK(normalise_expression("([price]>(0) AND [pb] IS NOT NULL)") ==
          "price > 0 AND pb IS NOT NULL");
  }
  SUBCASE("BETWEEN stays as the two comparisons SQL Server stores") {
    CHECK(normalise_expression("([score]>=(1) AND [score]<=(5))") == "score >= 1 AND score <= 5");
    CHECK(normalise_expression("(NOT [x] like '%[^0-9]%' AND (len([x])>=(7) AND len([x])<=(8)))") ==
          "NOT x LIKE '%[^0-9]%' AND (len(x) >= 7 AND len(x) <= 8)");
  }
  SUBCASE("IN lists, stored as ORs in reverse order") {
    CHECK(normalise_expression("([status]='shipped' OR [status]='paid' OR [status]='new')") ==
          "status IN ('new', 'paid', 'shipped')");
    CHECK(normalise_expression("([Status]=(2) OR [Status]=(1) OR [Status]=(0))") ==
          "Status IN (0, 1, 2)");
    CHECK(normalise_expression("(([s]=N'b''c' OR [s]=N'a') AND [n]>(0))") ==
          "s IN (N'a', N'b''c') AND n > 0");
    CHECK(normalise_expression("([n]=(-1) OR [n]=(7))") == "n IN (7, -1)");
    // Not an IN list: two columns, or a single comparison.
    CHECK(normalise_expression("([s]='a' OR [pb]='b')") == "s = 'a' OR pb = 'b'");
    CHECK(normalise_expression("([s]='a')") == "s = 'a'");
  }
  SUBCASE("names keep their brackets only where they need them") {
    CHECK(normalise_expression("([key]<>'')") == "[key] <> ''");
    CHECK(normalise_expression("([first name]<>'')") == "[first name] <> ''");
    CHECK(normalise_expression("([a]]b]>(0))") == "[a]]b] > 0");
    CHECK(normalise_expression("([2nd]>(0))") == "[2nd] > 0");
    CHECK(normalise_expression("([Größe]>(0))") == "[Größe] > 0");
    CHECK(normalise_expression("([dbo].[f]([x])>(0))") == "dbo.f(x) > 0");
  }
  SUBCASE("keywords in upper case, functions as the server prints them") {
    CHECK(normalise_expression("([email] like '%@%')") == "email LIKE '%@%'");
    CHECK(normalise_expression("(NOT [phone] like '%[^0-9]%')") == "NOT phone LIKE '%[^0-9]%'");
    CHECK(normalise_expression("(len([name])>(0))") == "len(name) > 0");
    CHECK(normalise_expression("(coalesce([a],[b])>(0))") == "coalesce(a, b) > 0");
    CHECK(normalise_expression("(left([code],(2))='AB')") == "left(code, 2) = 'AB'");
    CHECK(normalise_expression("([d]<=getdate())") == "d <= getdate()");
  }
  SUBCASE("string literals are left alone") {
    CHECK(normalise_expression("([s]<>'a  (1)  ,b')") == "s <> 'a  (1)  ,b'");
    CHECK(normalise_expression("([s]<>N'[x] like ''y''')") == "s <> N'[x] like ''y'''");
  }
  SUBCASE("unary minus and signs") {
    CHECK(normalise_expression("(-[a]<(0))") == "-a < 0");
    CHECK(normalise_expression("([a]-(1)>(0))") == "a - 1 > 0");
    CHECK(normalise_expression("([a]*(-1)>(0))") == "a * -1 > 0");
    CHECK(normalise_expression("(~[flags]=(0))") == "~flags = 0");
  }
  SUBCASE("what was written that way reads back the same") {
    for (const char* written :
         {"price >= 0", "amount >= 0", "n > 0 AND price >= 0", "deleted_at IS NOT NULL",
          "email LIKE '%@%'", "len(name) > 0", "status IN ('new', 'paid')", "[key] <> ''"}) {
      CHECK(normalise_expression(written) == written);
    }
  }
}

TEST_CASE("sqlserver reader: reserved words") {
  CHECK(is_reserved_word("KEY"));
  CHECK(is_reserved_word("key"));
  CHECK(is_reserved_word("Identity_Insert"));
  CHECK(is_reserved_word("like"));
  CHECK_FALSE(is_reserved_word("text"));
  CHECK_FALSE(is_reserved_word("name"));
  CHECK_FALSE(is_reserved_word("status"));
}

}  // namespace migcmd::sqlserver
