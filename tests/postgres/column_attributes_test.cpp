// A column's identity, collation and comment, and a table's comment, changed on the server: each
// change checked in pg_catalog, the rows kept, and the schema the provider reads back equal to the
// model (an empty diff).

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "migcmd/apply_operation.hpp"
#include "migcmd/diff.hpp"
#include "migcmd/providers/postgres.hpp"
#include "pg_fixture.hpp"

using namespace migcmd;
using migcmd::test::PgSchema;
using migcmd::test::sqlstate_of;

namespace {

// The test schema's tables and the model they were made from, kept in step.
struct Tracked {
  PgSchema db;
  Schema model;

  void apply(const OperationList& ops) {
    db.apply(ops, model);
    for (const auto& op : ops) apply_operation(model, op);
  }

  // The live schema as the provider reads it must be the model: no drift either way.
  void check_no_drift() {
    const Schema live = postgres::make_provider()->read_schema(db.connection(), {});
    const Schema& expected = model;
    for (const auto& [from, to] : {std::pair{&expected, &live}, std::pair{&live, &expected}}) {
      const SchemaDiff d = diff(*from, *to, {.dialect = &db.dialect()});
      std::string ops;
      for (const auto& op : d.operations) ops += describe(op) + "\n";
      CHECK_MESSAGE(d.empty(), "drift between the model and the database:\n", ops);
    }
  }

  // pg_collation's name of the column's collation ("default" for the type's own).
  std::string collation(const std::string& table, const std::string& column) {
    return db
        .value(fmt::format("SELECT co.collname::text FROM pg_catalog.pg_attribute a JOIN "
                           "pg_catalog.pg_collation co ON co.oid = a.attcollation WHERE "
                           "a.attrelid = {} AND a.attname = {}",
                           db.regclass(table), db.lit(column)))
        .value_or("NULL");
  }

  std::optional<std::string> table_comment(const std::string& table) {
    return db.value(fmt::format("SELECT obj_description({}, 'pg_class')", db.regclass(table)));
  }
};

Table tickets() {
  Table t;
  t.name = "tickets";
  t.columns = {
      {"id", Type::int64(), false}, {"title", Type::string(100), false}, {"note", Type::text()}};
  t.primary_key = PrimaryKey{"pk_tickets", {"id"}};
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

}  // namespace

TEST_CASE("alter_column identity: added to a column with rows, the next id follows them; dropped") {
  Tracked t;
  t.apply({CreateTable{tickets()}});
  t.db.execute("INSERT INTO tickets (id, title) VALUES (3, 'c'), (41, 'x'), (7, 'g')");
  CHECK(t.db.column("tickets", "id").identity.empty());

  t.apply({AlterColumn{"tickets", "id", identity(true), {}}});
  CHECK(t.db.column("tickets", "id").identity == "d");  // BY DEFAULT, as create_table makes it
  // The sequence was moved past the rows: the next id does not collide with 41.
  CHECK(t.db.value("INSERT INTO tickets (title) VALUES ('new') RETURNING id::text") == "42");
  CHECK(t.db.value("INSERT INTO tickets (title) VALUES ('newer') RETURNING id::text") == "43");
  CHECK(t.db.count("FROM tickets") == 5);
  t.check_no_drift();

  t.apply({AlterColumn{"tickets", "id", identity(false), {}}});
  CHECK(t.db.column("tickets", "id").identity.empty());
  CHECK(t.db.count(fmt::format("FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class s ON "
                               "s.oid = d.objid WHERE d.refobjid = {} AND s.relkind = 'S'",
                               t.db.regclass("tickets"))) == 0);  // its sequence went with it
  // Nothing numbers the rows any more: an id must be given.
  CHECK(sqlstate_of([&] { t.db.execute("INSERT INTO tickets (title) VALUES ('no id')"); }) ==
        "23502");
  CHECK(t.db.count("FROM tickets") == 5);
  t.check_no_drift();
}

TEST_CASE("alter_column identity on an empty table starts at 1; with a default dropped at once") {
  Tracked t;
  Table counters;
  counters.name = "counters";
  counters.columns = {{"n", Type::int32(), false, ColumnDefault{Value{0}}},
                      {"label", Type::text()}};
  counters.primary_key = PrimaryKey{"pk_counters", {"n"}};
  t.apply({CreateTable{counters}});
  ColumnChange change = identity(true);
  change.default_value = std::optional<ColumnDefault>{};
  t.apply({AlterColumn{"counters", "n", change, {}}});
  CHECK(t.db.column("counters", "n").identity == "d");
  CHECK(t.db.column("counters", "n").default_sql.empty());
  CHECK(t.db.value("INSERT INTO counters (label) VALUES ('a') RETURNING n::text") == "1");
  t.check_no_drift();

  // Without dropping the default the server would refuse; the dialect says so first.
  Tracked u;
  u.apply({CreateTable{counters}});
  CHECK_THROWS_WITH_AS(u.apply({AlterColumn{"counters", "n", identity(true), {}}}),
                       doctest::Contains("drop the default in the same change"), Error);
  CHECK(u.db.column("counters", "n").identity.empty());
}

TEST_CASE("alter_column collation: set, changed with the type, reset; rows and order follow") {
  Tracked t;
  t.apply({CreateTable{tickets()}});
  t.db.execute("INSERT INTO tickets (id, title) VALUES (1, 'b'), (2, 'B'), (3, 'a')");
  CHECK(t.collation("tickets", "title") == "default");

  t.apply({AlterColumn{"tickets", "title", collation("C"), {}}});
  CHECK(t.collation("tickets", "title") == "C");
  CHECK(t.db.column("tickets", "title").type == "character varying(100)");
  // Byte order: upper case first.
  CHECK(t.db.value("SELECT string_agg(title, '' ORDER BY title) FROM tickets") == "Bab");
  t.check_no_drift();

  ColumnChange wider = collation("POSIX");
  wider.type = Type::string(200);
  t.apply({AlterColumn{"tickets", "title", wider, {}}});
  CHECK(t.collation("tickets", "title") == "POSIX");
  CHECK(t.db.column("tickets", "title").type == "character varying(200)");
  t.check_no_drift();

  // A type change alone keeps the collation.
  ColumnChange text_type;
  text_type.type = Type::text();
  t.apply({AlterColumn{"tickets", "title", text_type, {}}});
  CHECK(t.collation("tickets", "title") == "POSIX");
  t.check_no_drift();

  t.apply({AlterColumn{"tickets", "title", collation(""), {}}});
  CHECK(t.collation("tickets", "title") == "default");
  CHECK(t.db.value("SELECT string_agg(title, ',' ORDER BY id) FROM tickets") == "b,B,a");
  t.check_no_drift();

  // A collation on a number is refused before any SQL runs.
  CHECK_THROWS_WITH_AS(t.apply({AlterColumn{"tickets", "id", collation("C"), {}}}),
                       doctest::Contains("collation"), Error);
}

TEST_CASE("comments: a column's set, changed and removed; the table's likewise") {
  Tracked t;
  t.apply({CreateTable{tickets()}});
  t.apply({AlterColumn{"tickets", "title", comment("what it is about"), {}},
           SetTableComment{"tickets", "work to do", {}}});
  CHECK(t.db.column("tickets", "title").comment == "what it is about");
  CHECK(t.table_comment("tickets") == "work to do");
  t.check_no_drift();

  t.apply({AlterColumn{"tickets", "title", comment("it's \\ about"), {}},
           SetTableComment{"tickets", "work's \\ to do", {}}});
  CHECK(t.db.column("tickets", "title").comment == "it's \\ about");
  CHECK(t.table_comment("tickets") == "work's \\ to do");
  t.check_no_drift();

  t.apply({AlterColumn{"tickets", "title", comment(""), {}}, SetTableComment{"tickets", "", {}}});
  CHECK(t.db.value(fmt::format("SELECT col_description({}, 2)", t.db.regclass("tickets"))) ==
        std::nullopt);
  CHECK(t.table_comment("tickets") == std::nullopt);
  t.check_no_drift();
}

TEST_CASE("the differ's operations take the database to the model; their reverse takes it back") {
  Tracked t;
  Table before = tickets();
  before.columns[2].comment = "free text";
  t.apply({CreateTable{before}});
  t.db.execute("INSERT INTO tickets (id, title, note) VALUES (5, 'e', 'x'), (9, 'i', NULL)");
  const Schema start = t.model;

  Schema target = start;
  Table& after = target.tables[0];
  after.columns[0].identity = true;
  after.columns[1].collation = "C";
  after.columns[1].comment = "shown in lists";
  after.columns[2].comment.clear();
  after.comment = "work to do";
  const SchemaDiff forward = diff(start, target, {.dialect = &t.db.dialect()});
  CHECK(forward.operations.size() == 4);  // three alter_column, one set_table_comment
  t.apply(forward.operations);
  REQUIRE(t.model == target);
  CHECK(t.db.column("tickets", "id").identity == "d");
  CHECK(t.collation("tickets", "title") == "C");
  CHECK(t.db.column("tickets", "title").comment == "shown in lists");
  CHECK(t.db.column("tickets", "note").comment.empty());
  CHECK(t.table_comment("tickets") == "work to do");
  CHECK(t.db.value("INSERT INTO tickets (title) VALUES ('j') RETURNING id::text") == "10");
  t.check_no_drift();

  t.apply(reverse(forward.operations));
  CHECK(t.model == start);
  CHECK(t.db.column("tickets", "id").identity.empty());
  CHECK(t.collation("tickets", "title") == "default");
  CHECK(t.db.column("tickets", "note").comment == "free text");
  CHECK(t.table_comment("tickets") == std::nullopt);
  CHECK(t.db.count("FROM tickets") == 3);
  t.check_no_drift();
}
