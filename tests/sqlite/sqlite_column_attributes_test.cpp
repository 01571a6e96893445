// A column's identity and collation changed on real SQLite files, through the table rebuild: the
// rebuilt table's SQL, its rows and what it then enforces, and the schema the provider reads back
// equal to the model. SQLite keeps no comments: comment changes render nothing, and a model with
// comments shows no drift against the database.

#include <doctest/doctest.h>

#include <algorithm>

#include "migcmd/diff.hpp"
#include "migcmd/providers/sqlite.hpp"
#include "sqlite_fixture.hpp"

using namespace migcmd;
using migcmd::test::sqlite::TestDatabase;
using migcmd::test::sqlite::whole_state;

namespace {

Table tickets() {
  Table t;
  t.name = "tickets";
  t.columns = {{"id", Type::int64(), false},
               {"title", Type::string(100), false},
               {"note", Type::text(), true, ColumnDefault{Value{"-"}}}};
  t.primary_key = PrimaryKey{"pk_tickets", {"id"}};
  t.indexes = {{"ix_tickets_title", {{"title", "", false}}, false, ""}};
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

Schema read(TestDatabase& t) {
  return sqlite::make_provider()->read_schema(t.db(), {});
}

// The live schema as the provider reads it must be the model: no drift either way.
void check_no_drift(TestDatabase& t) {
  const Schema live = read(t);
  const Schema& model = t.schema();
  for (const auto& [from, to] : {std::pair{&model, &live}, std::pair{&live, &model}}) {
    const SchemaDiff d = diff(*from, *to, {.dialect = &t.dialect()});
    std::string ops;
    for (const auto& op : d.operations) ops += describe(op) + "\n";
    CHECK_MESSAGE(d.empty(), "drift between the model and the database:\n", ops);
  }
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void seed(TestDatabase& t) {
  t.apply({CreateTable{tickets()}});
  t.exec(
      "INSERT INTO tickets (id, title, note) VALUES (3, 'b', 'x'), (41, 'B', NULL), (7, 'a', 'z')");
}

const std::vector<Row> seeded_rows{{"3", "b", "x"}, {"7", "a", "z"}, {"41", "B", "NULL"}};

std::vector<Row> all_rows(TestDatabase& t) {
  auto rows = t.rows("SELECT id, title, coalesce(note, 'NULL') FROM tickets ORDER BY id");
  return rows;
}

}  // namespace

TEST_CASE("identity on: the table is rebuilt with id as INTEGER PRIMARY KEY AUTOINCREMENT") {
  TestDatabase t;
  seed(t);
  t.apply({AlterColumn{"tickets", "id", identity(true), {}}});
  const std::string sql = test::sqlite::stored_sql(t, "tickets");
  CAPTURE(sql);
  CHECK(
      contains(sql, "\"id\" INTEGER NOT NULL CONSTRAINT \"pk_tickets\" PRIMARY KEY AUTOINCREMENT"));
  CHECK(all_rows(t) == seeded_rows);
  CHECK(test::sqlite::stored_sql(t, "ix_tickets_title") ==
        "CREATE INDEX \"ix_tickets_title\" ON \"tickets\" (\"title\")");
  test::sqlite::check_catalog_matches_model(t);
  // The next id follows the rows.
  t.exec("INSERT INTO tickets (title) VALUES ('new')");
  CHECK(t.scalar("SELECT id FROM tickets WHERE title = 'new'") == "42");
  CHECK(t.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'tickets'") == "42");
  CHECK(read(t).find_table("tickets")->columns[0].identity);
  check_no_drift(t);

  // Identity off: an ordinary key again, AUTOINCREMENT's sequence row gone with the old table.
  t.exec("DELETE FROM tickets WHERE title = 'new'");
  t.apply({AlterColumn{"tickets", "id", identity(false), {}}});
  const std::string plain = test::sqlite::stored_sql(t, "tickets");
  CAPTURE(plain);
  CHECK(contains(plain, "\"id\" BIGINT NOT NULL"));
  CHECK(contains(plain, "CONSTRAINT \"pk_tickets\" PRIMARY KEY (\"id\")"));
  CHECK_FALSE(contains(plain, "AUTOINCREMENT"));
  CHECK(t.scalar("SELECT count(*) FROM sqlite_sequence WHERE name = 'tickets'") == "0");
  CHECK(all_rows(t) == seeded_rows);
  test::sqlite::check_catalog_matches_model(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO tickets (title) VALUES ('no id')"),
                       doctest::Contains("NOT NULL constraint failed: tickets.id"), DatabaseError);
  check_no_drift(t);
  CHECK(t.scalar("PRAGMA foreign_keys") == "1");
  CHECK(t.scalar("PRAGMA integrity_check") == "ok");
}

TEST_CASE("identity on a column that is not the table's whole integer key is refused, unchanged") {
  TestDatabase t;
  seed(t);
  const auto state = whole_state(t);
  CHECK_THROWS_WITH_AS(t.apply({AlterColumn{"tickets", "title", identity(true), {}}}),
                       doctest::Contains("auto-increments only an integer column"), Error);
  CHECK(whole_state(t) == state);
}

TEST_CASE("collation set, changed and reset by rebuilds; comparisons follow, rows are kept") {
  TestDatabase t;
  seed(t);
  CHECK(t.scalar("SELECT count(*) FROM tickets WHERE title = 'b'") == "1");

  t.apply({AlterColumn{"tickets", "title", collation("NOCASE"), {}}});
  CHECK(contains(test::sqlite::stored_sql(t, "tickets"),
                 "\"title\" VARCHAR(100) COLLATE \"NOCASE\" NOT NULL"));
  CHECK(t.scalar("SELECT count(*) FROM tickets WHERE title = 'b'") == "2");
  CHECK(all_rows(t) == seeded_rows);
  CHECK(read(t).find_table("tickets")->columns[1].collation == "NOCASE");
  check_no_drift(t);

  t.apply({AlterColumn{"tickets", "title", collation("RTRIM"), {}}});
  CHECK(t.scalar("SELECT count(*) FROM tickets WHERE title = 'b  '") == "1");
  check_no_drift(t);

  t.apply({AlterColumn{"tickets", "title", collation(""), {}}});
  CHECK_FALSE(contains(test::sqlite::stored_sql(t, "tickets"), "COLLATE"));
  CHECK(t.scalar("SELECT count(*) FROM tickets WHERE title = 'b'") == "1");
  CHECK(all_rows(t) == seeded_rows);
  check_no_drift(t);

  // A collation SQLite does not have: the rebuild fails and nothing changes.
  const auto state = whole_state(t);
  CHECK_THROWS_WITH_AS(t.apply({AlterColumn{"tickets", "title", collation("C"), {}}}),
                       doctest::Contains("no such collation sequence: C"), DatabaseError);
  CHECK(whole_state(t) == state);
}

TEST_CASE("comments render nothing, and a model with comments shows no drift") {
  TestDatabase t;
  seed(t);
  CHECK(t.dialect()
            .generate({AlterColumn{"tickets", "title", comment("shown in lists"), {}},
                       SetTableComment{"tickets", "work to do", {}}},
                      t.schema())
            .empty());
  // Applied all the same, the model has the comments; the database is untouched.
  const auto state = whole_state(t);
  t.apply({AlterColumn{"tickets", "title", comment("shown in lists"), {}},
           SetTableComment{"tickets", "work to do", {}}});
  CHECK(whole_state(t) == state);
  CHECK(t.schema().tables[0].comment == "work to do");
  check_no_drift(t);
  // Without the dialect the comments are a difference: the check above is not vacuous.
  CHECK(diff(t.schema(), read(t)).operations.size() == 2);

  // A comment beside a real change costs one rebuild, no more.
  ColumnChange both = comment("optional");
  both.nullable = false;
  t.exec("UPDATE tickets SET note = '-' WHERE note IS NULL");
  const auto commands =
      t.dialect().generate({AlterColumn{"tickets", "note", both, {}}}, t.schema());
  CHECK(std::count_if(commands.begin(), commands.end(), [](const SqlCommand& c) {
          return c.sql.rfind("CREATE TABLE", 0) == 0;
        }) == 1);
  t.apply({AlterColumn{"tickets", "note", both, {}}});
  CHECK(test::sqlite::catalog_columns(t, "tickets")[2].not_null);
  check_no_drift(t);
}

TEST_CASE("the differ's operations take the database to the model; their reverse takes it back") {
  TestDatabase t;
  Table with_comments = tickets();
  with_comments.comment = "work to do";
  with_comments.columns[2].comment = "free text";
  t.apply({CreateTable{with_comments}});
  t.exec("INSERT INTO tickets (id, title, note) VALUES (5, 'e', 'x'), (9, 'i', NULL)");
  const Schema start = t.schema();

  Schema target = start;
  Table& after = target.tables[0];
  after.columns[0].identity = true;
  after.columns[1].collation = "NOCASE";
  after.columns[1].comment = "shown in lists";
  after.columns[2].comment.clear();
  after.comment.clear();
  const SchemaDiff forward = diff(start, target, {.dialect = &t.dialect()});
  // The comments are no change on SQLite: two alter_column, identity and collation.
  REQUIRE(forward.operations.size() == 2);
  CHECK(std::get<AlterColumn>(forward.operations[0]).change.identity == true);
  CHECK(std::get<AlterColumn>(forward.operations[1]).change.collation == "NOCASE");
  CHECK_FALSE(std::get<AlterColumn>(forward.operations[1]).change.comment.has_value());
  t.apply(forward.operations);
  CHECK(t.scalar("SELECT count(*) FROM tickets WHERE title = 'E'") == "1");
  t.exec("INSERT INTO tickets (title) VALUES ('j')");
  CHECK(t.scalar("SELECT id FROM tickets WHERE title = 'j'") == "10");
  check_no_drift(t);

  t.apply(reverse(forward.operations));
  CHECK_FALSE(contains(test::sqlite::stored_sql(t, "tickets"), "AUTOINCREMENT"));
  CHECK_FALSE(contains(test::sqlite::stored_sql(t, "tickets"), "COLLATE"));
  CHECK(t.scalar("SELECT count(*) FROM tickets") == "3");
  check_no_drift(t);
  CHECK(t.rows("PRAGMA foreign_key_check").empty());
}
