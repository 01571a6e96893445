// A column's identity (AUTO_INCREMENT), collation and comment, and a table's comment, changed on a
// real MariaDB server: each change checked in information_schema, the rest of the column and the
// rows kept, and the schema the provider reads back equal to the model (an empty diff).

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "mariadb_fixture.hpp"
#include "migcmd/diff.hpp"
#include "migcmd/providers/mysql.hpp"

using namespace mariadb_test;

namespace {

Table tickets() {
  Table t;
  t.name = "tickets";
  t.columns = {{"id", Type::int64(), false},
               {"title", Type::string(100), false, ColumnDefault{Value{"untitled"}}},
               {"note", Type::text()},
               {"seq", Type::int32()}};
  t.primary_key = PrimaryKey{"", {"id"}};
  return t;
}

ColumnChange identity(bool on) {
  ColumnChange c;
  c.identity = on;
  return c;
}

ColumnChange collation(std::string name) {
  ColumnChange c;
  c.collation = std::move(name);
  return c;
}

ColumnChange comment(std::string text) {
  ColumnChange c;
  c.comment = std::move(text);
  return c;
}

// The live schema as the provider reads it must be the model: no drift either way.
void check_no_drift(TestDatabase& db) {
  const Schema live = mysql::make_provider()->read_schema(db.connection(), {});
  const Schema& model = db.schema();
  for (const auto& [from, to] : {std::pair{&model, &live}, std::pair{&live, &model}}) {
    const SchemaDiff d = diff(*from, *to, {.dialect = &db.dialect()});
    std::string ops;
    for (const auto& op : d.operations) ops += describe(op) + "\n";
    CHECK_MESSAGE(d.empty(), "drift between the model and the database:\n", ops);
  }
}

std::string table_comment(TestDatabase& db, const std::string& table) {
  return db
      .value(fmt::format("SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE "
                         "TABLE_SCHEMA = {} AND TABLE_NAME = {}",
                         db.lit(db.name()), db.lit(table)))
      .value_or("NULL");
}

std::string table_collation(TestDatabase& db, const std::string& table) {
  return db
      .value(fmt::format("SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE "
                         "TABLE_SCHEMA = {} AND TABLE_NAME = {}",
                         db.lit(db.name()), db.lit(table)))
      .value_or("NULL");
}

}  // namespace

TEST_CASE("alter_column identity: AUTO_INCREMENT added to a key column with rows, then removed") {
  TestDatabase db;
  db.apply({CreateTable{tickets()}, AlterColumn{"tickets", "title", comment("what it is"), {}}});
  db.execute("INSERT INTO tickets (id, title) VALUES (3, 'c'), (41, 'x'), (7, 'g')");
  CHECK(db.column("tickets", "id")->extra.empty());

  db.apply({AlterColumn{"tickets", "id", identity(true), {}}});
  const auto id = db.column("tickets", "id");
  CHECK(id->extra == "auto_increment");
  CHECK(id->column_type == "bigint(20)");
  CHECK_FALSE(id->nullable);
  // The server starts the counter after the rows.
  db.execute("INSERT INTO tickets (title) VALUES ('new')");
  CHECK(db.value("SELECT id FROM tickets WHERE title = 'new'") == "42");
  CHECK(db.column("tickets", "title")->comment == "what it is");  // the other column untouched
  check_no_drift(db);

  db.apply({AlterColumn{"tickets", "id", identity(false), {}}});
  CHECK(db.column("tickets", "id")->extra.empty());
  CHECK(db.rejects("INSERT INTO tickets (title) VALUES ('no id')"));  // strict: no value for id
  CHECK(db.count("tickets") == 4);
  CHECK(db.index("tickets", "PRIMARY")->columns == std::vector<std::string>{"id"});
  check_no_drift(db);

  // InnoDB numbers only a column that leads a key: refused before any SQL runs.
  CHECK_THROWS_WITH_AS(db.apply({AlterColumn{"tickets", "seq", identity(true), {}}}),
                       doctest::Contains("not the first column of a key"), Error);
  CHECK(db.column("tickets", "seq")->extra.empty());
}

TEST_CASE("alter_column collation: set, kept by a type change, reset to the table's") {
  TestDatabase db;
  db.apply({CreateTable{tickets()}});
  db.execute("INSERT INTO tickets (id, title) VALUES (1, 'b'), (2, 'B'), (3, 'a')");
  const std::string table_default = table_collation(db, "tickets");
  CHECK(db.column("tickets", "title")->collation == table_default);
  CHECK(db.count("tickets WHERE title = 'b'") == 2);  // case-insensitive by default

  db.apply({AlterColumn{"tickets", "title", collation("utf8mb4_bin"), {}}});
  auto title = db.column("tickets", "title");
  CHECK(title->collation == "utf8mb4_bin");
  CHECK(title->default_value == "'untitled'");  // MODIFY restated the rest of the column
  CHECK_FALSE(title->nullable);
  CHECK(db.count("tickets WHERE title = 'b'") == 1);
  check_no_drift(db);

  ColumnChange wider;
  wider.type = Type::string(200);
  db.apply({AlterColumn{"tickets", "title", wider, {}}});
  CHECK(db.column("tickets", "title")->column_type == "varchar(200)");
  CHECK(db.column("tickets", "title")->collation == "utf8mb4_bin");
  check_no_drift(db);

  db.apply({AlterColumn{"tickets", "title", collation(""), {}}});
  CHECK(db.column("tickets", "title")->collation == table_default);
  CHECK(db.count("tickets WHERE title = 'b'") == 2);
  CHECK(db.value("SELECT GROUP_CONCAT(title ORDER BY id) FROM tickets") == "b,B,a");
  check_no_drift(db);
}

TEST_CASE("comments: a column's set, changed and removed; the table's likewise") {
  TestDatabase db;
  db.apply({CreateTable{tickets()}});
  db.execute("INSERT INTO tickets (id, title, note) VALUES (1, 'a', 'x')");
  db.apply({AlterColumn{"tickets", "note", comment("free text"), {}},
            SetTableComment{"tickets", "work to do", {}}});
  CHECK(db.column("tickets", "note")->comment == "free text");
  CHECK(table_comment(db, "tickets") == "work to do");
  check_no_drift(db);

  db.apply({AlterColumn{"tickets", "note", comment("it's \\ free"), {}},
            SetTableComment{"tickets", "work's \\ to do", {}}});
  CHECK(db.column("tickets", "note")->comment == "it's \\ free");
  CHECK(table_comment(db, "tickets") == "work's \\ to do");
  check_no_drift(db);

  db.apply({AlterColumn{"tickets", "note", comment(""), {}}, SetTableComment{"tickets", "", {}}});
  CHECK(db.column("tickets", "note")->comment.empty());
  CHECK(table_comment(db, "tickets").empty());
  CHECK(db.value("SELECT note FROM tickets WHERE id = 1") == "x");
  check_no_drift(db);

  // Over MySQL's limits: refused before any SQL runs.
  CHECK_THROWS_WITH_AS(db.apply({SetTableComment{"tickets", std::string(2049, 'c'), {}}}),
                       doctest::Contains("2048"), Error);
}

TEST_CASE("the differ's operations take the database to the model; their reverse takes it back") {
  TestDatabase db;
  Table before = tickets();
  before.columns[2].comment = "free text";
  db.apply({CreateTable{before}});
  db.execute("INSERT INTO tickets (id, title, note) VALUES (5, 'e', 'x'), (9, 'i', NULL)");
  const Schema start = db.schema();

  Schema target = start;
  Table& after = target.tables[0];
  after.columns[0].identity = true;
  after.columns[1].collation = "utf8mb4_bin";
  after.columns[1].comment = "shown in lists";
  after.columns[2].comment.clear();
  after.comment = "work to do";
  const SchemaDiff forward = diff(start, target, {.dialect = &db.dialect()});
  CHECK(forward.operations.size() == 4);  // three alter_column, one set_table_comment
  db.apply(forward.operations);
  REQUIRE(db.schema() == target);
  CHECK(db.column("tickets", "id")->extra == "auto_increment");
  CHECK(db.column("tickets", "title")->collation == "utf8mb4_bin");
  CHECK(db.column("tickets", "title")->comment == "shown in lists");
  CHECK(db.column("tickets", "title")->default_value == "'untitled'");
  CHECK(db.column("tickets", "note")->comment.empty());
  CHECK(table_comment(db, "tickets") == "work to do");
  db.execute("INSERT INTO tickets (title) VALUES ('j')");
  CHECK(db.value("SELECT id FROM tickets WHERE title = 'j'") == "10");
  check_no_drift(db);

  db.apply(reverse(forward.operations));
  CHECK(db.schema() == start);
  CHECK(db.column("tickets", "id")->extra.empty());
  CHECK(db.column("tickets", "title")->collation == table_collation(db, "tickets"));
  CHECK(db.column("tickets", "note")->comment == "free text");
  CHECK(table_comment(db, "tickets").empty());
  CHECK(db.count("tickets") == 3);
  check_no_drift(db);
}
