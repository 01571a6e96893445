// Data operations and raw SQL on a real MariaDB server, with hostile identifiers and values that
// must arrive as data: each is inserted, read back (as HEX, so nothing on the way can reinterpret
// it) and compared.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "mariadb_fixture.hpp"

using namespace mariadb_test;

namespace {

const std::vector<std::string>& hostile_values() {
  static const std::vector<std::string> values = {
      "O'Brien",
      "'); DROP TABLE users; --",
      "back\\slash\\",
      "\\'",
      "\"double\" `back`tick` ;semi -- dash /* open comment # hash",
      std::string("nul\0inside", 10),
      std::string("\0", 1),
      "line\nbreak\r\n\ttab \x1a ctrl-z",
      ":name :p0 ? %s {}",
      "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
      "",
  };
  return values;
}

// Identifiers with every character that could end a quoted name or start a comment.
const std::string hostile_table = "we\"ird`ta'ble\\;-- /*x";
const std::string hostile_column = "co'l\"um`n\\ ;--/*:p0";

}  // namespace

TEST_CASE("insert_rows, update_rows, delete_rows with literals and with bound values") {
  for (const bool bind : {false, true}) {
    CAPTURE(bind);
    TestDatabase db;
    RenderOptions options;
    options.bind_values = bind;
    Table t{"users",
            {{"id", Type::int64(), false, {}, true},
             {"email", Type::string(100), false},
             {"name", Type::string(100)},
             {"score", Type::int32(), false, ColumnDefault{Value{0}}},
             {"ratio", Type::float64()},
             {"active", Type::boolean()}}};
    t.primary_key = PrimaryKey{"", {"id"}};
    db.apply({CreateTable{t}});
    db.apply({InsertRows{"users",
                         {"email", "name", "score", "ratio", "active"},
                         {{"a@x", "O'Brien", 1, 0.1, true},
                          {"b@x", Value{}, 2, -2.5e-10, false},
                          {"c\\d@x", "x;--", -3, Value{}, Value{}}}},
              UpdateRows{
                  "users", {{"name", "it's"}, {"score", 5}}, {{"email", "b@x"}, {"name", Value{}}}},
              DeleteRows{"users", {{"email", "c\\d@x"}}}},
             options);
    const auto rows = db.rows("SELECT email, name, score, ratio, active FROM users ORDER BY id");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == Row{"a@x", "O'Brien", "1", "0.1", "1"});
    // The server writes doubles its own way ("-0.00000000025"); the value must be exact.
    CHECK(Row{rows[1][0], rows[1][1], rows[1][2], rows[1][4]} == Row{"b@x", "it's", "5", "0"});
    CHECK(std::stod(rows[1][3].value()) == -2.5e-10);
    db.apply({DeleteRows{"users", {}}}, options);
    CHECK(db.count("users") == 0);
  }
}

TEST_CASE("hostile identifiers and values round-trip as data") {
  struct Names {
    std::string table;
    std::string column;
    std::string index;
  };
  // Plain names exercise bound values through SOCI; hostile names the quoting (and, with
  // bind_values, the fallback to literals).
  for (const Names& names :
       {Names{"plain", "c", "ix_plain"}, Names{hostile_table, hostile_column, "ix`'\"\\;--"}}) {
    for (const bool bind : {false, true}) {
      CAPTURE(names.table);
      CAPTURE(bind);
      TestDatabase db;
      RenderOptions options;
      options.bind_values = bind;
      Table t{names.table,
              {{"id", Type::int32(), false},
               {names.column, Type::text()},
               {"v", Type::string(200), true, ColumnDefault{Value{"'; DROP TABLE x; -- \\"}}}}};
      t.primary_key = PrimaryKey{"", {"id"}};
      t.indexes = {{names.index, {{"v", "", false}}}};
      db.apply({CreateTable{t}});
      REQUIRE(db.table_exists(names.table));
      REQUIRE(db.column(names.table, names.column));
      CHECK(db.index(names.table, names.index));
      CHECK(db.column(names.table, "v")->default_value == "'''; DROP TABLE x; -- \\\\'");

      std::vector<std::vector<Value>> rows;
      const auto& values = hostile_values();
      for (std::size_t i = 0; i < values.size(); ++i) {
        rows.push_back({static_cast<int>(i), values[i], values[i]});
      }
      db.apply({InsertRows{names.table, {"id", names.column, "v"}, rows}}, options);

      const auto& q = db.dialect();
      const std::string table = q.quote_identifier(names.table);
      const std::string column = q.quote_identifier(names.column);
      const auto read =
          db.rows(fmt::format("SELECT id, HEX({}), HEX(v) FROM {} ORDER BY id", column, table));
      REQUIRE(read.size() == rows.size());
      for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO("value ", values[i]);
        CHECK(read[i][1] == hex(values[i]));
        CHECK(read[i][2] == hex(values[i]));
      }

      // Updates and deletes filter on the same values.
      db.apply({UpdateRows{names.table, {{names.column, "changed"}}, {{"v", values[1]}}},
                DeleteRows{names.table, {{"v", values[5]}}}},
               options);
      CHECK(db.value(fmt::format("SELECT {} FROM {} WHERE id = 1", column, table)) == "changed");
      CHECK(db.count(fmt::format("{} WHERE id = 5", table)) == 0);
      CHECK(db.count(table) == static_cast<long>(values.size()) - 1);
      // Nothing else was created or dropped: the database holds this one table.
      CHECK(db.count(fmt::format("information_schema.TABLES WHERE TABLE_SCHEMA = {}",
                                 db.lit(db.name()))) == 1);
    }
  }
}

TEST_CASE("a NUL in an identifier is refused before anything runs") {
  TestDatabase db;
  Table t{std::string("nul\0table", 9), {{"id", Type::int32()}}};
  CHECK_THROWS_WITH_AS(db.apply({CreateTable{t}}), doctest::Contains("NUL"), Error);
  CHECK(db.count(fmt::format("information_schema.TABLES WHERE TABLE_SCHEMA = {}",
                             db.lit(db.name()))) == 0);
}

TEST_CASE("raw SQL runs as written: \":name\" inside a literal is not a placeholder") {
  TestDatabase db;
  db.apply({CreateTable{Table{
      "notes", {{"id", Type::int32(), false}, {"body", Type::text()}}, PrimaryKey{"", {"id"}}}}});
  const std::string text = "at 10:30 :name and :p0, @x:=1 '' \\";
  db.apply({RawSql{"INSERT INTO notes VALUES (1, 'wrong variant')",
                   {{"mysql",
                     "INSERT INTO notes VALUES (1, 'at 10:30 :name and :p0, @x:=1 '''' "
                     "\\\\')"},
                    {"postgres", "SELECT 1"}},
                   false},
            RawSql{"INSERT INTO notes VALUES (2, CONCAT(':a', \":b\"))", {}, true}});
  CHECK(db.value("SELECT HEX(body) FROM notes WHERE id = 1") == hex(text));
  CHECK(db.value("SELECT HEX(body) FROM notes WHERE id = 2") == hex(":a:b"));
}
