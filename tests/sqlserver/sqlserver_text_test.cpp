// Identifier quoting, literal escaping and type mapping against hostile and edge-case input.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"

using namespace std::string_literals;
using migcmd::Type;
using migcmd::Value;

namespace {

// The error `f` throws; fails the test when it throws nothing.
template <typename F>
migcmd::Error error_of(F&& f) {
  try {
    f();
  } catch (const migcmd::Error& e) {
    return e;
  }
  FAIL("no migcmd::Error was thrown");
  return migcmd::Error(migcmd::ErrorCode::internal, "unreachable");
}

}  // namespace

TEST_CASE("sqlserver: identifiers are bracketed with ] doubled") {
  const auto d = migcmd::sqlserver::make_dialect();
  CHECK(d->quote_identifier("users") == "[users]");
  CHECK(d->quote_identifier("ta]ble") == "[ta]]ble]");
  CHECK(d->quote_identifier("]]") == "[]]]]]");
  CHECK(d->quote_identifier("[x]") == "[[x]]]");
  CHECK(d->quote_identifier("a'b\"c`d") == "[a'b\"c`d]");
  CHECK(d->quote_identifier("x]; DROP TABLE users; --") == "[x]]; DROP TABLE users; --]");
  CHECK(d->quote_identifier("/* c */") == "[/* c */]");
  CHECK(d->quote_identifier("line\nbreak") == "[line\nbreak]");
  CHECK(d->quote_name({"audit", "ev]ents"}) == "[audit].[ev]]ents]");
}

TEST_CASE("sqlserver: identifiers SQL Server cannot take are refused") {
  const auto d = migcmd::sqlserver::make_dialect();
  auto nul = error_of([&] { static_cast<void>(d->quote_identifier("a\0b"s)); });
  CHECK(nul.code() == migcmd::ErrorCode::invalid_migration);
  CHECK(nul.message().find("NUL") != std::string::npos);
  CHECK_THROWS_WITH_AS(static_cast<void>(d->quote_identifier("")), doctest::Contains("is empty"),
                       migcmd::Error);
  CHECK_THROWS_WITH_AS(static_cast<void>(d->quote_identifier("a\\\nb")),
                       doctest::Contains("backslash before a line break"), migcmd::Error);
  CHECK(d->quote_identifier(std::string(128, 'x')) == "[" + std::string(128, 'x') + "]");
  CHECK_THROWS_WITH_AS(static_cast<void>(d->quote_identifier(std::string(129, 'x'))),
                       doctest::Contains("longer than 128"), migcmd::Error);
  // 128 characters of two bytes each are still 128 characters.
  std::string accented;
  for (int i = 0; i < 128; ++i) accented += "\xC3\xA9";
  CHECK_NOTHROW(static_cast<void>(d->quote_identifier(accented)));
}

TEST_CASE("sqlserver: string literals are N'...' with ' doubled") {
  const auto d = migcmd::sqlserver::make_dialect();
  CHECK(d->literal("plain") == "N'plain'");
  CHECK(d->literal("") == "N''");
  CHECK(d->literal("O'Brien") == "N'O''Brien'");
  CHECK(d->literal("''") == "N''''''");
  CHECK(d->literal("'); DROP TABLE users; --") == "N'''); DROP TABLE users; --'");
  CHECK(d->literal("/* not a comment */ -- nor this") == "N'/* not a comment */ -- nor this'");
  CHECK(d->literal("a]b[c;d") == "N'a]b[c;d'");
  CHECK(d->literal("c:\\dir\\") == "N'c:\\dir\\'");  // a backslash alone is an ordinary character
  CHECK(d->literal("x:name @var ?") == "N'x:name @var ?'");
  CHECK(d->literal("caf\xC3\xA9") == "N'caf\xC3\xA9'");
}

TEST_CASE("sqlserver: NUL and backslash-newline in strings become expressions") {
  const auto d = migcmd::sqlserver::make_dialect();
  // T-SQL has no escape for NUL: it is NCHAR(0), concatenated.
  CHECK(d->literal("a\0b"s) == "(N'a' + NCHAR(0) + N'b')");
  CHECK(d->literal("\0"s) == "NCHAR(0)");
  CHECK(d->literal("'\0"s) == "(N'''' + NCHAR(0))");
  // "\" before a line break is a line continuation that T-SQL would drop: the literal is split
  // so that no backslash precedes the line break.
  CHECK(d->literal("a\\\nb") == "(N'a\\' + N'\nb')");
  CHECK(d->literal("a\\\r\nb") == "(N'a\\' + N'\r\nb')");
  CHECK(d->literal("a\nb") == "N'a\nb'");
}

TEST_CASE("sqlserver: other literals") {
  const auto d = migcmd::sqlserver::make_dialect();
  CHECK(d->literal(Value{}) == "NULL");
  CHECK(d->literal(true) == "1");
  CHECK(d->literal(false) == "0");
  CHECK(d->literal(-42) == "-42");
  CHECK(d->literal(std::numeric_limits<long long>::max()) == "9223372036854775807");
  CHECK(d->literal(1.5) == "1.5");
  CHECK(d->literal(1e300) == "1e+300");
  CHECK(d->literal(migcmd::Bytes{0xDE, 0xAD, 0x00, 0x0F}) == "0xDEAD000F");
  CHECK(d->literal(migcmd::Bytes{}) == "0x");
  auto nan = error_of([&] { static_cast<void>(d->literal(std::nan(""))); });
  CHECK(nan.code() == migcmd::ErrorCode::unsupported_operation);
  CHECK_THROWS_AS(static_cast<void>(d->literal(std::numeric_limits<double>::infinity())),
                  migcmd::Error);
  CHECK_THROWS_AS(static_cast<void>(d->literal(-std::numeric_limits<double>::infinity())),
                  migcmd::Error);
}

TEST_CASE("sqlserver: type mapping") {
  const auto d = migcmd::sqlserver::make_dialect();
  CHECK(d->type_sql(Type::boolean()) == "bit");
  CHECK(d->type_sql(Type::int16()) == "smallint");
  CHECK(d->type_sql(Type::int32()) == "int");
  CHECK(d->type_sql(Type::int64()) == "bigint");
  CHECK(d->type_sql(Type::decimal(10, 2)) == "decimal(10,2)");
  CHECK(d->type_sql(Type::decimal(38)) == "decimal(38,0)");
  CHECK(d->type_sql(Type::float32()) == "real");
  CHECK(d->type_sql(Type::float64()) == "float");
  CHECK(d->type_sql(Type::string(4000)) == "nvarchar(4000)");
  CHECK(d->type_sql(Type::string(4001)) == "nvarchar(max)");
  CHECK(d->type_sql(Type::text()) == "nvarchar(max)");
  CHECK(d->type_sql(Type::binary()) == "varbinary(max)");
  CHECK(d->type_sql(Type::binary(8000)) == "varbinary(8000)");
  CHECK(d->type_sql(Type::binary(8001)) == "varbinary(max)");
  CHECK(d->type_sql(Type::date()) == "date");
  CHECK(d->type_sql(Type::time()) == "time");
  CHECK(d->type_sql(Type::datetime()) == "datetime2");
  CHECK(d->type_sql(Type::timestamp_tz()) == "datetimeoffset");
  CHECK(d->type_sql(Type::uuid()) == "uniqueidentifier");
  CHECK(d->type_sql(Type::json()) == "nvarchar(max)");
  CHECK(d->type_sql(Type::raw("geography")) == "geography");
  CHECK(d->type_sql(Type::string(10).with_store_type("varchar(10)")) == "varchar(10)");
  auto wide = error_of([&] { static_cast<void>(d->type_sql(Type::decimal(39, 2))); });
  CHECK(wide.code() == migcmd::ErrorCode::unsupported_operation);
  CHECK(wide.message().find("1 to 38") != std::string::npos);
}

TEST_CASE("sqlserver: capabilities") {
  const auto c = migcmd::sqlserver::make_dialect()->capabilities();
  CHECK(c.transactional_ddl);
  CHECK(c.schemas);
  CHECK(c.alter_column);
  CHECK(c.alter_constraints);
  CHECK(c.rename_index);
  CHECK(c.partial_indexes);
  CHECK_FALSE(c.expression_indexes);
  CHECK(c.descending_indexes);
  CHECK(c.check_constraints);
  CHECK(c.comments);
  CHECK_FALSE(c.concurrent_index);
  CHECK(c.max_identifier_length == 128);
}
