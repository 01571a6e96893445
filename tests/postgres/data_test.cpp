// Values and names on the server: hostile identifiers and values round-trip as data, with
// standard_conforming_strings on and off; floats, integers and bytes keep their exact values;
// data operations with literals and with bound values.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "pg_fixture.hpp"

using namespace migcmd;
using migcmd::test::PgSchema;

namespace {

const std::vector<std::string> hostile_values = {
    "plain",
    "it's",
    "'",
    "\\",
    "\\\\'",
    "a\\b'c\\\\'d\"e`f",
    "'); DROP TABLE users; --",
    "/* open comment",
    "-- line comment\nnext line",
    "$$ dollar $$ $tag$ x $tag$",
    ":name :p0 ? $1 %s {}",
    "\\x41\\x42 \\n \\t \\u0041",
    "E'\\n'",
    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
    ";",
    "",
};

const std::vector<std::string> hostile_names = {
    "c'quote", "c\"double", "c`back", "c\\slash", "c;semi", "c--dash", "c/*star", "c$$dollar",
};

std::string quoted_columns(const Dialect& d, const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + d.quote_identifier(n);
  return out;
}

bool same_double(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;
}

}  // namespace

TEST_CASE("hostile identifiers and values round-trip as data under both string settings") {
  PgSchema db;
  const Dialect& d = db.dialect();
  for (const char* setting : {"on", "off"}) {
    CAPTURE(setting);
    db.execute(fmt::format("SET standard_conforming_strings = {}", setting));
    const std::string table_name = fmt::format("t'\"`\\;--/*$$ {}", setting);
    Table t{table_name, {{"id", Type::int32(), false}, {"bin", Type::binary()}}};
    for (const auto& n : hostile_names) t.columns.push_back({n, Type::text()});
    Column commented{"c_default", Type::text(), true, ColumnDefault{Value{"d'\\ef"}}};
    commented.comment = "note: it's a \\ back\\slash";
    t.columns.push_back(commented);

    InsertRows insert{table_name, {"id", "bin"}, {}};
    insert.columns.insert(insert.columns.end(), hostile_names.begin(), hostile_names.end());
    for (std::size_t i = 0; i < hostile_values.size(); ++i) {
      std::vector<Value> row{static_cast<int>(i), Bytes{0x00, 0x5c, 0x27, 0xff}};
      for (std::size_t c = 0; c < hostile_names.size(); ++c) row.emplace_back(hostile_values[i]);
      insert.rows.push_back(std::move(row));
    }
    db.apply({CreateTable{t}, insert});

    auto rows =
        db.rows(fmt::format("SELECT encode(bin, 'hex'), c_default, {} FROM {} ORDER BY id",
                            quoted_columns(d, hostile_names), d.quote_identifier(table_name)));
    REQUIRE(rows.size() == hostile_values.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      CAPTURE(hostile_values[i]);
      CHECK(rows[i][0] == "005c27ff");
      CHECK(rows[i][1] == "d'\\ef");
      for (std::size_t c = 0; c < hostile_names.size(); ++c) {
        CHECK(rows[i][c + 2] == hostile_values[i]);
      }
    }
    CHECK(db.column(table_name, "c_default").comment == "note: it's a \\ back\\slash");
    for (const auto& n : hostile_names) CHECK(db.column(table_name, n).type == "text");

    // Filters with hostile values find exactly their row; updates and deletes hit only it.
    const std::string& target = hostile_values[5];
    db.apply({UpdateRows{table_name, {{"c'quote", "updated \\ '"}}, {{"c\"double", target}}}});
    // A hand-written '...' with a backslash means different things under the two settings:
    // proof that the setting is in force, so that the literals above were read under it.
    CHECK(db.count(fmt::format("FROM {} WHERE {} = 'updated \\ '''", d.quote_identifier(table_name),
                               d.quote_identifier("c'quote"))) == (std::string(setting) == "on"));
    CHECK(db.value(fmt::format("SELECT {} FROM {} WHERE id = 5", d.quote_identifier("c'quote"),
                               d.quote_identifier(table_name))) == "updated \\ '");
    db.apply({DeleteRows{table_name, {{"c\\slash", hostile_values[6]}, {"bin", Value{}}}}});
    CHECK(db.count("FROM " + d.quote_identifier(table_name)) == long(hostile_values.size()));
    db.apply({DeleteRows{table_name, {{"c\\slash", hostile_values[6]}}}});
    CHECK(db.count("FROM " + d.quote_identifier(table_name)) == long(hostile_values.size() - 1));
  }
}

TEST_CASE("data operations with bound values") {
  PgSchema db;
  db.apply({CreateTable{Table{"t",
                              {{"id", Type::int64(), false},
                               {"name", Type::text()},
                               {"ratio", Type::float64()},
                               {"flag", Type::boolean()}}}}});
  RenderOptions bind;
  bind.bind_values = true;
  auto run = [&](const OperationList& ops) {
    run_commands(db.connection(), db.dialect().generate(ops, {}, bind));
  };
  run({InsertRows{"t",
                  {"id", "name", "ratio", "flag"},
                  {{1, "it's :p1 \\ $$", 0.25, true}, {2, Value{}, -1.5, false}}}});
  CHECK(db.value("SELECT name FROM t WHERE id = 1") == "it's :p1 \\ $$");
  CHECK(db.value("SELECT ratio::text || flag::text FROM t WHERE id = 2") == "-1.5false");
  run({UpdateRows{"t", {{"name", "x'y"}}, {{"name", Value{}}}}});
  CHECK(db.value("SELECT name FROM t WHERE id = 2") == "x'y");
  run({DeleteRows{"t", {{"name", "it's :p1 \\ $$"}}}});
  CHECK(db.value("SELECT string_agg(id::text, ',') FROM t") == "2");
}

TEST_CASE("floats, integers and their limits keep their exact values") {
  PgSchema db;
  db.apply({CreateTable{
      Table{"n", {{"id", Type::int32(), false}, {"f", Type::float64()}, {"i", Type::int64()}}}}});
  const std::vector<double> doubles = {
      1.5,
      0.1,
      -2.0,
      1e300,
      5e-324,
      std::numeric_limits<double>::max(),
      std::numeric_limits<double>::min(),
      -0.0,
      std::numeric_limits<double>::infinity(),
      -std::numeric_limits<double>::infinity(),
      std::numeric_limits<double>::quiet_NaN(),
  };
  const std::vector<std::int64_t> integers = {0, -1, std::numeric_limits<std::int64_t>::max(),
                                              std::numeric_limits<std::int64_t>::min()};
  InsertRows insert{"n", {"id", "f", "i"}, {}};
  for (std::size_t k = 0; k < doubles.size(); ++k) {
    insert.rows.push_back({static_cast<int>(k), doubles[k], integers[k % integers.size()]});
  }
  db.apply({insert});
  // Shortest exact output whatever the session's extra_float_digits.
  db.execute("SET extra_float_digits = 1");
  auto rows = db.rows("SELECT f::text, i::text FROM n ORDER BY id");
  REQUIRE(rows.size() == doubles.size());
  for (std::size_t k = 0; k < doubles.size(); ++k) {
    CAPTURE(doubles[k]);
    REQUIRE(rows[k][0]);
    CHECK(same_double(std::strtod(rows[k][0]->c_str(), nullptr), doubles[k]));
    CHECK(rows[k][1] == fmt::format("{}", integers[k % integers.size()]));
  }
}
