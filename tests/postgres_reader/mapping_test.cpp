// The catalog's text mapped back to the model, without a server.

#include <doctest/doctest.h>

#include "postgres_reader.hpp"

namespace migcmd::postgres {

TEST_CASE("format_type text maps back to the portable type the dialect renders as it") {
  CHECK(type_from_catalog("character varying(255)") == Type::string(255));
  CHECK(type_from_catalog("numeric(12,2)") == Type::decimal(12, 2));
  CHECK(type_from_catalog("bigint") == Type::int64());
  CHECK(type_from_catalog("jsonb") == Type::json());
  CHECK(type_from_catalog("timestamp with time zone") == Type::timestamp_tz());
  CHECK(type_from_catalog("time without time zone") == Type::time());
  CHECK(type_from_catalog("json") == Type::raw("json"));
  CHECK(type_from_catalog("time(3) without time zone") == Type::raw("time(3) without time zone"));
  CHECK(type_from_catalog("numeric(12,2)[]") == Type::raw("numeric(12,2)[]"));
  CHECK(type_from_catalog("character varying(x)") == Type::raw("character varying(x)"));
}

TEST_CASE("catalog defaults: literal constants become values") {
  CHECK(default_from_catalog("0") == ColumnDefault{Value{0}});
  CHECK(default_from_catalog("'-3'::integer") == ColumnDefault{Value{-3}});
  CHECK(default_from_catalog("'-2.5'::numeric") == ColumnDefault{Value{-2.5}});
  CHECK(default_from_catalog("'100000000000000000000'::numeric") == ColumnDefault{Value{1e20}});
  CHECK(default_from_catalog("'-0'::double precision") == ColumnDefault{Value{-0.0}});
  CHECK(default_from_catalog("'n/a'::character varying") == ColumnDefault{Value{"n/a"}});
  CHECK(default_from_catalog("'it''s'::text") == ColumnDefault{Value{"it's"}});
  CHECK(default_from_catalog("E'a\\\\b\\n'::text") == ColumnDefault{Value{"a\\b\n"}});
  CHECK(default_from_catalog("true") == ColumnDefault{Value{true}});
  CHECK(default_from_catalog("NULL::character varying") == ColumnDefault{Value{}});
  CHECK(default_from_catalog("decode('00ff'::text, 'hex'::text)") ==
        ColumnDefault{Value{Bytes{0x00, 0xff}}});
  CHECK(default_from_catalog("CURRENT_TIMESTAMP") ==
        ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}});
  CHECK(default_from_catalog("'a'::text || 'b'::text") ==
        ColumnDefault{SqlExpression{"'a'::text || 'b'::text"}});
  CHECK(default_from_catalog("'1 day'::interval * 2") ==
        ColumnDefault{SqlExpression{"'1 day'::interval * 2"}});
  CHECK(default_from_catalog("nextval('s'::regclass)") ==
        ColumnDefault{SqlExpression{"nextval('s'::regclass)"}});
}

TEST_CASE("expressions lose only the casts and parentheses the server added") {
  const std::map<std::string, std::string> types{
      {"amount", "numeric(12,2)"},         {"n", "integer"},
      {"email", "character varying(255)"}, {"note", "text"},
      {"My Col", "character varying(5)"},  {"big", "bigint"}};
  CHECK(normalise_expression("amount >= 0::numeric", types) == "amount >= 0");
  CHECK(normalise_expression("0::numeric < amount", types) == "0 < amount");
  CHECK(normalise_expression("amount >= '-1'::integer::numeric", types) == "amount >= -1");
  CHECK(normalise_expression("n >= '-1'::integer", types) == "n >= -1");
  CHECK(normalise_expression("lower(email::text)", types) == "lower(email)");
  CHECK(normalise_expression("(lower(\"My Col\"::text) || 'x'::text)", types) ==
        "lower(\"My Col\") || 'x'::text");
  CHECK(normalise_expression("email::text <> ''::text", types) == "email <> ''");
  CHECK(normalise_expression("note <> 'it''s'::text", types) == "note <> 'it''s'");
  CHECK(normalise_expression("(a > 0) AND (b > 0)", types) == "(a > 0) AND (b > 0)");
  // IN lists, as the server stores them.
  CHECK(normalise_expression(
            "email::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])",
            types) == "email IN ('a', 'b')");
  CHECK(normalise_expression("n = ANY (ARRAY['-1'::integer, 2])", types) == "n IN (-1, 2)");
  CHECK(normalise_expression("big = ANY (ARRAY[1::bigint, 2::bigint]) AND n > 0", types) ==
        "big IN (1, 2) AND n > 0");
  CHECK(normalise_expression("note <> ALL (ARRAY['x'::text, 'y''z'::text])", types) ==
        "note NOT IN ('x', 'y''z')");
  CHECK(normalise_expression("n = ANY (ARRAY[a, 2])", types) == "n = ANY (ARRAY[a, 2])");
  CHECK(normalise_expression("amount = ANY (ARRAY[1.5, 2.5])", types) ==
        "amount = ANY (ARRAY[1.5, 2.5])");
  // Casts that change the meaning stay: integer division made numeric, a numeric column compared
  // as an integer, a cast on something that is not one of the table's columns.
  CHECK(normalise_expression("(n / 2::numeric) > 1", types) == "(n / 2::numeric) > 1");
  CHECK(normalise_expression("n > 0::numeric", types) == "n > 0::numeric");
  CHECK(normalise_expression("other::text = 'x'::text", types) == "other::text = 'x'::text");
  CHECK(normalise_expression("t.email::text", types) == "t.email::text");
  CHECK(normalise_expression("email::text[]", types) == "email::text[]");
}

}  // namespace migcmd::postgres
