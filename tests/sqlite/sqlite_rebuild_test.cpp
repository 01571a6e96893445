// Table rebuilds on real SQLite files: rows, child rows, triggers, views and AUTOINCREMENT state
// survive; a rebuild that would break a foreign key fails and leaves the database as it was.

#include <doctest/doctest.h>

#include "sqlite_fixture.hpp"

using namespace migcmd;
using migcmd::test::sqlite::TestDatabase;
using migcmd::test::sqlite::whole_state;

namespace {

const QualifiedName users = "users";
const QualifiedName orders = "orders";

// The sample schema with an audit table filled by a trigger on users, and a view over users.
void create_audited_sample(TestDatabase& t) {
  t.apply({CreateTable{Table{"audit", {{"user_id", Type::int64()}, {"score", Type::int32()}}}}});
  t.create_sample_schema();
  Table with_trigger = *t.schema().find_table(users);
  with_trigger.triggers.push_back(
      {"trg_users_score",
       "CREATE TRIGGER \"trg_users_score\" AFTER UPDATE OF \"score\" ON \"users\" BEGIN "
       "INSERT INTO \"audit\" (\"user_id\", \"score\") VALUES (new.\"id\", new.\"score\"); END"});
  // The model learns of the trigger the way a schema reader would report it.
  t.apply({DropTable{users, {}}, CreateTable{with_trigger},
           RawSql{"CREATE VIEW \"user_emails\" AS SELECT \"id\", \"email\" FROM \"users\""}});
  t.exec(
      "INSERT INTO users (email, name, score) VALUES ('a@x', 'Ann', 1), ('b@x', 'Bob', 2), "
      "('c@x', 'Cy', 3)");
  t.exec("DELETE FROM users WHERE id = 3");  // AUTOINCREMENT must not hand out 3 again
  t.exec("INSERT INTO orders (id, user_id, total) VALUES (10, 1, 5), (11, 1, 6), (12, 2, 7)");
}

}  // namespace

TEST_CASE("rebuilds keep rows, child rows, triggers, views and the AUTOINCREMENT high-water mark") {
  TestDatabase t;
  create_audited_sample(t);
  const auto users_before = t.rows("SELECT * FROM users ORDER BY id");
  const auto orders_before = t.rows("SELECT * FROM orders ORDER BY id");
  REQUIRE(users_before.size() == 2);

  // Three rebuilds of users in one migration: a type and nullability change, a new check and a
  // dropped unique constraint.
  t.apply({AlterColumn{users, "name", ColumnChange{Type::string(500), false, {}}, {}},
           AddCheck{users, {"ck_users_email", "email LIKE '%@%'"}},
           DropUnique{users, "uq_users_email", {}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK(test::sqlite::stored_sql(t, "__migcmd_new_users").empty());

  // Rows of the rebuilt table and of the child table (ON DELETE CASCADE did not fire).
  CHECK(t.rows("SELECT * FROM users ORDER BY id") == users_before);
  CHECK(t.rows("SELECT * FROM orders ORDER BY id") == orders_before);
  // The trigger was recreated and fires.
  t.exec("UPDATE users SET score = 99 WHERE id = 2");
  CHECK(t.rows("SELECT user_id, score FROM audit") == std::vector<Row>{{"2", "99"}});
  // The view still reads the table.
  CHECK(t.rows("SELECT id, email FROM user_emails ORDER BY id") ==
        std::vector<Row>{{"1", "a@x"}, {"2", "b@x"}});
  // AUTOINCREMENT continues after the deleted id 3.
  t.exec("INSERT INTO users (email, name) VALUES ('d@x', 'Di')");
  CHECK(t.scalar("SELECT max(id) FROM users") == "4");

  // The new definition is enforced...
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO users (email, name) VALUES ('no-at-sign', 'E')"),
                       doctest::Contains("CHECK constraint failed: ck_users_email"), DatabaseError);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO users (email) VALUES ('e@x')"),
                       doctest::Contains("NOT NULL constraint failed: users.name"), DatabaseError);
  CHECK_NOTHROW(t.exec("INSERT INTO users (email, name) VALUES ('a@x', 'Ann again')"));
  // ...and foreign keys are on again: a dangling reference fails, a delete cascades.
  CHECK(t.scalar("PRAGMA foreign_keys") == "1");
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, user_id) VALUES (13, 42)"),
                       doctest::Contains("FOREIGN KEY constraint failed"), DatabaseError);
  t.exec("DELETE FROM users WHERE id = 1");
  CHECK(t.rows("SELECT id FROM orders ORDER BY id") == std::vector<Row>{{"12"}});
}

TEST_CASE("a rebuild that leaves a dangling reference fails and changes nothing") {
  TestDatabase t;
  t.create_sample_schema();
  t.exec("INSERT INTO users (id, email) VALUES (1, 'a@x')");
  t.exec("INSERT INTO orders (id, user_id) VALUES (10, 1), (11, 1)");
  t.apply({AddColumn{orders, {"referrer_id", Type::int64()}}});
  t.exec("UPDATE orders SET referrer_id = 99 WHERE id = 11");  // no user 99: allowed, no FK yet
  const Schema model = t.schema();
  const auto state = whole_state(t);

  CHECK_THROWS_WITH_AS(
      t.apply({AddForeignKey{orders, {"fk_orders_referrer", {"referrer_id"}, {"users"}, {"id"}}}}),
      doctest::Contains("rebuilding table orders (add_foreign_key fk_orders_referrer on orders) "
                        "left rows in it that violate its foreign keys"),
      DatabaseError);
  CHECK(whole_state(t) == state);  // schema, rows, foreign_keys = 1, legacy_alter_table = 0
  CHECK(t.schema() == model);

  // Once the row is fixed the same migration goes through and the key is enforced.
  t.exec("UPDATE orders SET referrer_id = 1 WHERE id = 11");
  t.apply({AddForeignKey{orders, {"fk_orders_referrer", {"referrer_id"}, {"users"}, {"id"}}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_THROWS_WITH_AS(t.exec("UPDATE orders SET referrer_id = 99 WHERE id = 11"),
                       doctest::Contains("FOREIGN KEY constraint failed"), DatabaseError);
}

TEST_CASE("rebuilding a parent so that its children's references break fails and changes nothing") {
  TestDatabase t;
  Table teams{"teams", {{"code", Type::string(10), false}, {"title", Type::text()}}};
  teams.primary_key = PrimaryKey{"pk_teams", {"code"}};
  Table members{"members", {{"id", Type::int64(), false}, {"team_code", Type::string(10)}}};
  members.primary_key = PrimaryKey{"pk_members", {"id"}};
  members.foreign_keys = {{"fk_members_team", {"team_code"}, {"teams"}, {"code"}}};
  t.apply({CreateTable{teams}, CreateTable{members}});
  t.exec("INSERT INTO teams VALUES ('red', 'Red'), ('blue', 'Blue')");
  t.exec("INSERT INTO members VALUES (1, 'red'), (2, 'blue')");
  const Schema model = t.schema();
  const auto state = whole_state(t);

  SUBCASE("dropping the referenced key") {
    CHECK_THROWS_WITH_AS(t.apply({DropPrimaryKey{"teams", "pk_teams", {}}}),
                         doctest::Contains("foreign key mismatch"), DatabaseError);
  }
  SUBCASE("dropping the referenced column") {
    CHECK_THROWS_WITH_AS(t.apply({DropColumn{"teams", "code", {}}}),
                         doctest::Contains("foreign key mismatch"), DatabaseError);
  }
  SUBCASE("a data fix in the same migration that leaves children dangling") {
    CHECK_THROWS_WITH_AS(
        t.apply({UpdateRows{"teams", {{"code", "green"}}, {{"code", "red"}}},
                 AlterColumn{"teams", "title", ColumnChange{{}, false, {}}, {}}}),
        doctest::Contains("left rows in table members that violate its foreign key to teams"),
        DatabaseError);
  }
  CHECK(whole_state(t) == state);
  CHECK(t.schema() == model);
}

TEST_CASE("a rebuild whose rows do not fit the new definition fails and changes nothing") {
  TestDatabase t;
  t.create_sample_schema();
  t.exec("INSERT INTO users (email, name) VALUES ('a@x', 'Ann'), ('b@x', NULL)");
  const auto state = whole_state(t);
  CHECK_THROWS_WITH_AS(t.apply({AlterColumn{users, "name", ColumnChange{{}, false, {}}, {}}}),
                       doctest::Contains("NOT NULL constraint failed"), DatabaseError);
  CHECK(whole_state(t) == state);
  CHECK_THROWS_WITH_AS(t.apply({AddUnique{users, {"uq_users_score", {"score"}}}}),
                       doctest::Contains("UNIQUE constraint failed"), DatabaseError);
  CHECK(whole_state(t) == state);
}

TEST_CASE("dropping a column: in place when nothing depends on it, by a rebuild otherwise") {
  TestDatabase t;
  t.create_sample_schema();
  t.exec("INSERT INTO users (id, email, name, score) VALUES (1, 'a@x', 'Ann', 3)");
  t.exec("INSERT INTO orders (id, user_id, total, status) VALUES (10, 1, 2.5, 'paid')");

  const OperationList drop_status{DropColumn{orders, "status", {}}};
  const SqlCommands in_place = t.dialect().generate(drop_status, t.schema());
  REQUIRE(in_place.size() == 1);
  CHECK(in_place[0].sql == "ALTER TABLE \"orders\" DROP COLUMN \"status\"");
  t.apply(drop_status);
  CHECK(t.rows("SELECT id, user_id, total FROM orders") == std::vector<Row>{{"10", "1", "2.5"}});

  // users.name has an index: SQLite refuses DROP COLUMN, the rebuild drops both.
  const OperationList drop_name{DropColumn{users, "name", {}}};
  CHECK(t.dialect().generate(drop_name, t.schema()).size() > 1);
  t.apply(drop_name);
  test::sqlite::check_catalog_matches_model(t);
  CHECK(test::sqlite::stored_sql(t, "ix_users_name").empty());
  CHECK(t.rows("SELECT id, email, score FROM users") == std::vector<Row>{{"1", "a@x", "3"}});
  CHECK(t.rows("SELECT id, user_id FROM orders") == std::vector<Row>{{"10", "1"}});
}

TEST_CASE("a table that references itself keeps its rows and its reference through a rebuild") {
  TestDatabase t;
  Table nodes{"nodes",
              {{"id", Type::int64(), false, {}, true},
               {"parent_id", Type::int64()},
               {"label", Type::string(20)}}};
  nodes.primary_key = PrimaryKey{"pk_nodes", {"id"}};
  nodes.foreign_keys = {
      {"fk_nodes_parent", {"parent_id"}, {"nodes"}, {"id"}, ReferentialAction::cascade}};
  t.apply({CreateTable{nodes}});
  t.exec(
      "INSERT INTO nodes (id, parent_id, label) VALUES (1, NULL, 'root'), (2, 1, 'a'), "
      "(3, 2, 'b'), (4, NULL, 'other')");
  t.apply({AlterColumn{"nodes", "label", ColumnChange{Type::text(), false, {}}, {}}});
  test::sqlite::check_catalog_matches_model(t);
  // The stored definition names the table itself, not the temporary name.
  CHECK(test::sqlite::stored_sql(t, "nodes").find("__migcmd") == std::string::npos);
  CHECK(t.rows("SELECT id, parent_id, label FROM nodes ORDER BY id") ==
        std::vector<Row>{{"1", std::nullopt, "root"},
                         {"2", "1", "a"},
                         {"3", "2", "b"},
                         {"4", std::nullopt, "other"}});
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO nodes (parent_id, label) VALUES (99, 'x')"),
                       doctest::Contains("FOREIGN KEY constraint failed"), DatabaseError);
  t.exec("DELETE FROM nodes WHERE id = 1");
  CHECK(t.rows("SELECT id FROM nodes") == std::vector<Row>{{"4"}});
}
