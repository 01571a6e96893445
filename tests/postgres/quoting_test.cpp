// Identifier quoting and literals with hostile input.

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "migcmd/error.hpp"
#include "postgres_quoting.hpp"
#include "postgres_types.hpp"

using namespace migcmd;
using migcmd::postgres::quote_identifier;
using migcmd::postgres::value_literal;

namespace {

// How PostgreSQL reads a string literal, with standard_conforming_strings on or off (only the
// escapes that string_literal can produce: '' and \\).
std::string read_literal(const std::string& literal, bool standard_conforming_strings) {
  bool escapes = !standard_conforming_strings;
  std::size_t i = 0;
  if (literal.starts_with("E'")) {
    escapes = true;
    i = 2;
  } else {
    REQUIRE(literal.starts_with("'"));
    i = 1;
  }
  REQUIRE(literal.ends_with("'"));
  std::string out;
  for (; i + 1 < literal.size(); ++i) {
    char c = literal[i];
    if (c == '\'') {
      REQUIRE(literal[i + 1] == '\'');  // a lone quote would end the literal early
      out += '\'';
      ++i;
    } else if (c == '\\' && escapes) {
      REQUIRE(i + 2 < literal.size());
      out += literal[++i];
    } else {
      out += c;
    }
  }
  return out;
}

const std::vector<std::string> hostile_strings = {
    "",
    "plain",
    "it's",
    "'",
    "''",
    "\\",
    "\\\\",
    "\\'",
    "'\\",
    "a\\b'c\\\\'d",
    "'); DROP TABLE users; --",
    "/* comment */ -- line",
    "$$ dollar $$ $tag$ body $tag$",
    ":name :p0 ? $1",
    "\"double\" `back` [bracket]",
    "\\x41\\x42",
    "E'\\n'",
    "caf\xc3\xa9 \xe2\x82\xac",
    "line\nbreak\ttab\r",
};

}  // namespace

TEST_CASE("identifiers are double-quoted with embedded quotes doubled") {
  CHECK(quote_identifier("users") == "\"users\"");
  CHECK(quote_identifier("Mixed Case") == "\"Mixed Case\"");
  CHECK(quote_identifier("a\"b") == "\"a\"\"b\"");
  CHECK(quote_identifier("\"") == "\"\"\"\"");
  CHECK(quote_identifier("co'l\"um`n]") == "\"co'l\"\"um`n]\"");
  CHECK(quote_identifier("semi;-- /* $$ \\") == "\"semi;-- /* $$ \\\"");
  CHECK(quote_identifier("x\"; DROP TABLE users; --") == "\"x\"\"; DROP TABLE users; --\"");
}

TEST_CASE("identifiers PostgreSQL would reject or truncate fail when rendered") {
  const std::string longest(63, 'a');
  CHECK(quote_identifier(longest) == "\"" + longest + "\"");
  const std::string too_long(64, 'a');
  CHECK_THROWS_WITH_AS(quote_identifier(too_long), doctest::Contains(too_long.c_str()), Error);
  CHECK_THROWS_WITH_AS(quote_identifier(too_long), doctest::Contains("63 bytes"), Error);
  // The limit is in bytes: 32 two-byte characters are 64 bytes.
  std::string accents;
  for (int i = 0; i < 32; ++i) accents += "\xc3\xa9";
  CHECK_THROWS_AS(quote_identifier(accents), Error);
  CHECK_THROWS_WITH_AS(quote_identifier(""), doctest::Contains("empty identifier"), Error);
  CHECK_THROWS_WITH_AS(quote_identifier(std::string("a\0b", 3)), doctest::Contains("NUL"), Error);
  try {
    (void)quote_identifier(too_long);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::unsupported_operation);
  }
}

TEST_CASE("scalar literals") {
  CHECK(value_literal(Value{}) == "NULL");
  CHECK(value_literal(Value{true}) == "TRUE");
  CHECK(value_literal(Value{false}) == "FALSE");
  CHECK(value_literal(Value{0}) == "0");
  CHECK(value_literal(Value{-42}) == "-42");
  CHECK(value_literal(Value{std::numeric_limits<std::int64_t>::max()}) == "9223372036854775807");
  CHECK(value_literal(Value{std::numeric_limits<std::int64_t>::min()}) == "-9223372036854775808");
  CHECK(value_literal(Value{1.5}) == "1.5");
  CHECK(value_literal(Value{0.1}) == "0.1");
  CHECK(value_literal(Value{-2.0}) == "-2");
  CHECK(value_literal(Value{1e300}) == "1e+300");
  CHECK(value_literal(Value{std::nan("")}) == "'NaN'::float8");
  CHECK(value_literal(Value{std::numeric_limits<double>::infinity()}) == "'Infinity'::float8");
  CHECK(value_literal(Value{-std::numeric_limits<double>::infinity()}) == "'-Infinity'::float8");
  CHECK(value_literal(Value{-0.0}) == "'-0'::float8");
}

TEST_CASE("string literals double quotes and use E'' only when a backslash is present") {
  CHECK(value_literal(Value{""}) == "''");
  CHECK(value_literal(Value{"it's"}) == "'it''s'");
  CHECK(value_literal(Value{"'); DROP TABLE users; --"}) == "'''); DROP TABLE users; --'");
  CHECK(value_literal(Value{"a\\b"}) == "E'a\\\\b'");
  CHECK(value_literal(Value{"\\'"}) == "E'\\\\'''");
  CHECK(value_literal(Value{"$$ :name"}) == "'$$ :name'");
}

TEST_CASE("every hostile string reads back the same under both standard_conforming_strings") {
  for (const auto& s : hostile_strings) {
    INFO("string: ", s);
    const std::string literal = value_literal(Value{s});
    CHECK(read_literal(literal, true) == s);
    CHECK(read_literal(literal, false) == s);
  }
}

TEST_CASE("strings with NUL fail: PostgreSQL text cannot hold them") {
  CHECK_THROWS_WITH_AS(value_literal(Value{std::string("a\0b", 3)}), doctest::Contains("NUL"),
                       Error);
}

TEST_CASE("bytes are hex decoded, with no backslash to depend on the server's settings") {
  CHECK(value_literal(Value{Bytes{}}) == "decode('', 'hex')");
  CHECK(value_literal(Value{Bytes{0x00, 0xff, 0x5c, 0x27, 0x0a}}) == "decode('00ff5c270a', 'hex')");
}

TEST_CASE("portable types map to PostgreSQL store types") {
  using migcmd::postgres::type_sql;
  CHECK(type_sql(Type::boolean()) == "boolean");
  CHECK(type_sql(Type::int16()) == "smallint");
  CHECK(type_sql(Type::int32()) == "integer");
  CHECK(type_sql(Type::int64()) == "bigint");
  CHECK(type_sql(Type::decimal(10, 2)) == "numeric(10,2)");
  CHECK(type_sql(Type::decimal(7)) == "numeric(7,0)");
  CHECK(type_sql(Type::float32()) == "real");
  CHECK(type_sql(Type::float64()) == "double precision");
  CHECK(type_sql(Type::string(20)) == "varchar(20)");
  CHECK(type_sql(Type::text()) == "text");
  CHECK(type_sql(Type::binary()) == "bytea");
  CHECK(type_sql(Type::binary(16)) == "bytea");
  CHECK(type_sql(Type::date()) == "date");
  CHECK(type_sql(Type::time()) == "time");
  CHECK(type_sql(Type::datetime()) == "timestamp");
  CHECK(type_sql(Type::timestamp_tz()) == "timestamptz");
  CHECK(type_sql(Type::uuid()) == "uuid");
  CHECK(type_sql(Type::json()) == "jsonb");
  CHECK(type_sql(Type::raw("geometry(Point,4326)")) == "geometry(Point,4326)");
  CHECK(type_sql(Type::text().with_store_type("citext")) == "citext");
  CHECK_THROWS_AS(type_sql(Type{TypeKind::custom}), Error);
}

TEST_CASE("types PostgreSQL would reject fail when rendered") {
  using migcmd::postgres::type_sql;
  CHECK(type_sql(Type::string(10485760)) == "varchar(10485760)");
  CHECK_THROWS_WITH_AS(type_sql(Type::string(10485761)), doctest::Contains("use text"), Error);
  CHECK_THROWS_AS(type_sql(Type::string(0)), Error);
  CHECK(type_sql(Type::decimal(1000, 1000)) == "numeric(1000,1000)");
  CHECK_THROWS_AS(type_sql(Type::decimal(1001, 0)), Error);
  CHECK_THROWS_AS(type_sql(Type::decimal(0, 0)), Error);
  CHECK_THROWS_AS(type_sql(Type::decimal(5, 6)), Error);
  CHECK_THROWS_AS(type_sql(Type::decimal(5, -1)), Error);
}

TEST_CASE("USING casts never truncate: length-limited character types cast to unbounded ones") {
  using migcmd::postgres::using_cast_type;
  CHECK(using_cast_type(Type::string(5)) == "varchar");
  CHECK(using_cast_type(Type::int32()) == "integer");
  CHECK(using_cast_type(Type::decimal(10, 2)) == "numeric(10,2)");
  CHECK(using_cast_type(Type::raw("VARCHAR(7)")) == "varchar");
  CHECK(using_cast_type(Type::raw("character varying (7)")) == "varchar");
  CHECK(using_cast_type(Type::raw("char(3)")) == "bpchar");
  CHECK(using_cast_type(Type::raw("CHARACTER(3)")) == "bpchar");
  CHECK(using_cast_type(Type::raw("varchar()")) == "varchar()");
  CHECK(using_cast_type(Type::raw("numeric(5,2)")) == "numeric(5,2)");
  CHECK(using_cast_type(Type::raw("citext")) == "citext");
}
