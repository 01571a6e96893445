// Keys, constraints, indexes, defaults and added columns on real SQLite files: each is proven by
// what the database then accepts and refuses, not only by the catalog.

#include <doctest/doctest.h>

#include "sqlite_fixture.hpp"

using namespace migcmd;
using migcmd::test::sqlite::TestDatabase;
using migcmd::test::sqlite::whole_state;

namespace {

const QualifiedName users = "users";
const QualifiedName orders = "orders";

void seed(TestDatabase& t) {
  t.exec(
      "INSERT INTO users (id, email, name, score) VALUES (1, 'a@x', 'Ann', 1), (2, 'b@x', 'Bob', "
      "2)");
  t.exec("INSERT INTO orders (id, user_id, total) VALUES (10, 1, 5), (11, 2, 6)");
}

}  // namespace

TEST_CASE("unique constraints and unique indexes refuse duplicates") {
  TestDatabase t;
  t.create_sample_schema();
  seed(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO users (email) VALUES ('a@x')"),
                       doctest::Contains("UNIQUE constraint failed: users.email"), DatabaseError);

  t.apply({AddUnique{users, {"uq_users_name", {"name"}}}, DropUnique{users, "uq_users_email", {}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO users (email, name) VALUES ('c@x', 'Ann')"),
                       doctest::Contains("UNIQUE constraint failed: users.name"), DatabaseError);
  CHECK_NOTHROW(t.exec("INSERT INTO users (email, name) VALUES ('a@x', 'Cy')"));

  t.apply({CreateIndex{
      orders,
      Index{"ix_orders_user_total", {{"user_id", "", false}, {"total", "", true}}, true, ""}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, user_id, total) VALUES (12, 1, 5)"),
                       doctest::Contains("UNIQUE constraint failed"), DatabaseError);
  CHECK_NOTHROW(t.exec("INSERT INTO orders (id, user_id, total) VALUES (12, 1, 7)"));
}

TEST_CASE("partial and expression indexes are what the catalog says and what SQLite enforces") {
  TestDatabase t;
  t.create_sample_schema();
  seed(t);
  t.apply({CreateIndex{users, Index{"ux_users_lower_name", {{"", "lower(name)", false}}, true, ""}},
           CreateIndex{orders,
                       Index{"ux_orders_open", {{"user_id", "", false}}, true, "status = 'new'"}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO users (email, name) VALUES ('c@x', 'ANN')"),
                       doctest::Contains("UNIQUE constraint failed: index 'ux_users_lower_name'"),
                       DatabaseError);
  // Only one open order per user; closed ones do not count.
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, user_id) VALUES (12, 1)"),
                       doctest::Contains("UNIQUE constraint failed"), DatabaseError);
  CHECK_NOTHROW(t.exec("INSERT INTO orders (id, user_id, status) VALUES (12, 1, 'paid')"));

  // Renaming recreates the index from the model: same definition, new name, still enforced.
  t.apply({RenameIndex{orders, "ux_orders_open", "ux_orders_one_open"}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK(test::sqlite::stored_sql(t, "ux_orders_open").empty());
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, user_id) VALUES (13, 2)"),
                       doctest::Contains("UNIQUE constraint failed"), DatabaseError);
  t.apply({DropIndex{orders, "ux_orders_one_open", {}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_NOTHROW(t.exec("INSERT INTO orders (id, user_id) VALUES (13, 2)"));
}

TEST_CASE("primary keys: dropped and added by rebuilds, enforced") {
  TestDatabase t;
  t.create_sample_schema();
  seed(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, user_id) VALUES (10, 2)"),
                       doctest::Contains("UNIQUE constraint failed: orders.id"), DatabaseError);
  t.apply({DropPrimaryKey{orders, "pk_orders", {}},
           AddPrimaryKey{orders, {"pk_orders_v2", {"id", "user_id"}}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_NOTHROW(t.exec("INSERT INTO orders (id, user_id) VALUES (10, 2)"));
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, user_id) VALUES (10, 2)"),
                       doctest::Contains("UNIQUE constraint failed: orders.id, orders.user_id"),
                       DatabaseError);
  CHECK(t.rows("SELECT id, user_id FROM orders ORDER BY id, user_id") ==
        std::vector<Row>{{"10", "1"}, {"10", "2"}, {"11", "2"}});
}

TEST_CASE("check constraints are enforced once added and not once dropped") {
  TestDatabase t;
  t.create_sample_schema();
  seed(t);
  CHECK_THROWS_WITH_AS(t.exec("UPDATE users SET score = -1 WHERE id = 1"),
                       doctest::Contains("CHECK constraint failed: ck_users_score"), DatabaseError);
  t.apply({AddCheck{orders, {"ck_orders_total", "total >= 0"}},
           DropCheck{users, "ck_users_score", {}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, user_id, total) VALUES (12, 1, -1)"),
                       doctest::Contains("CHECK constraint failed: ck_orders_total"),
                       DatabaseError);
  CHECK_NOTHROW(t.exec("UPDATE users SET score = -1 WHERE id = 1"));

  // A check the existing rows break fails the migration, which changes nothing.
  const auto state = whole_state(t);
  CHECK_THROWS_WITH_AS(t.apply({AddCheck{users, {"ck_users_score_again", "score >= 0"}}}),
                       doctest::Contains("CHECK constraint failed: ck_users_score_again"),
                       DatabaseError);
  CHECK(whole_state(t) == state);
}

TEST_CASE("foreign keys are enforced with their actions, added and dropped by rebuilds") {
  TestDatabase t;
  t.create_sample_schema();
  seed(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, user_id) VALUES (12, 42)"),
                       doctest::Contains("FOREIGN KEY constraint failed"), DatabaseError);

  t.apply({AddColumn{orders, {"referrer_id", Type::int64()}},
           AddForeignKey{orders,
                         {"fk_orders_referrer",
                          {"referrer_id"},
                          {"users"},
                          {"id"},
                          ReferentialAction::set_null,
                          ReferentialAction::cascade}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_THROWS_WITH_AS(t.exec("UPDATE orders SET referrer_id = 42 WHERE id = 10"),
                       doctest::Contains("FOREIGN KEY constraint failed"), DatabaseError);
  t.exec("INSERT INTO users (id, email) VALUES (3, 'c@x')");
  t.exec("UPDATE orders SET referrer_id = 3 WHERE id = 10");
  // ON UPDATE CASCADE follows the referrer's new id, ON DELETE SET NULL clears it, and
  // fk_orders_user (ON DELETE CASCADE) deletes the orders of a deleted user.
  t.exec("UPDATE users SET id = 30 WHERE id = 3");
  CHECK(t.rows("SELECT id, user_id, referrer_id FROM orders ORDER BY id") ==
        std::vector<Row>{{"10", "1", "30"}, {"11", "2", std::nullopt}});
  t.exec("DELETE FROM users WHERE id = 30");
  t.exec("DELETE FROM users WHERE id = 2");
  CHECK(t.rows("SELECT id, user_id, referrer_id FROM orders ORDER BY id") ==
        std::vector<Row>{{"10", "1", std::nullopt}});
  // fk_orders_user has no ON UPDATE action: a referenced id cannot change.
  CHECK_THROWS_WITH_AS(t.exec("UPDATE users SET id = 100 WHERE id = 1"),
                       doctest::Contains("FOREIGN KEY constraint failed"), DatabaseError);

  t.apply({DropForeignKey{orders, "fk_orders_user", {}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_NOTHROW(t.exec("INSERT INTO orders (id, user_id) VALUES (12, 42)"));
}

TEST_CASE("renaming tables and columns carries references along") {
  TestDatabase t;
  t.create_sample_schema();
  seed(t);
  t.apply({RenameTable{users, "accounts"}, RenameColumn{"accounts", "email", "mail"},
           RenameColumn{orders, "user_id", "account_id"}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK(t.rows("SELECT mail FROM accounts ORDER BY id") == std::vector<Row>{{"a@x"}, {"b@x"}});
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, account_id) VALUES (12, 42)"),
                       doctest::Contains("FOREIGN KEY constraint failed"), DatabaseError);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO accounts (mail) VALUES ('a@x')"),
                       doctest::Contains("UNIQUE constraint failed: accounts.mail"), DatabaseError);
  // A rebuild of the renamed table uses the renamed definition.
  t.apply({AlterColumn{"accounts", "mail", ColumnChange{Type::string(320), {}, {}}, {}}});
  test::sqlite::check_catalog_matches_model(t);
  t.exec("DELETE FROM accounts WHERE id = 1");
  CHECK(t.rows("SELECT id FROM orders") == std::vector<Row>{{"11"}});
}

TEST_CASE("column changes: type, nullability and default") {
  TestDatabase t;
  t.create_sample_schema();
  seed(t);
  t.apply({AlterColumn{
      users, "score", ColumnChange{{}, {}, std::optional<ColumnDefault>(Value{10})}, {}}});
  test::sqlite::check_catalog_matches_model(t);
  t.exec("INSERT INTO users (email) VALUES ('c@x')");
  CHECK(t.scalar("SELECT score FROM users WHERE email = 'c@x'") == "10");

  t.apply({AlterColumn{users, "score", ColumnChange{{}, {}, std::optional<ColumnDefault>{}}, {}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO users (email) VALUES ('d@x')"),
                       doctest::Contains("NOT NULL constraint failed: users.score"), DatabaseError);

  t.apply({AlterColumn{users, "score", ColumnChange{{}, true, {}}, {}}});
  CHECK_NOTHROW(t.exec("INSERT INTO users (email) VALUES ('d@x')"));
  CHECK(t.scalar("SELECT quote(score) FROM users WHERE email = 'd@x'") == "NULL");

  // text -> integer: the new affinity converts what reads as a number and keeps the rest as text.
  t.exec("UPDATE users SET name = '42' WHERE id = 1");
  t.apply({AlterColumn{users, "name", ColumnChange{Type::int64(), {}, {}}, {}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK(t.rows("SELECT typeof(name), name FROM users WHERE id IN (1, 2) ORDER BY id") ==
        std::vector<Row>{{"integer", "42"}, {"text", "Bob"}});
}

TEST_CASE("adding columns: in place where SQLite can, by a rebuild where it cannot") {
  TestDatabase t;
  t.create_sample_schema();
  seed(t);

  // NOT NULL with a constant default: ALTER TABLE ADD COLUMN, existing rows take the default.
  const OperationList nickname{
      AddColumn{users, {"nickname", Type::string(50), false, ColumnDefault{Value{"n/a"}}}}};
  CHECK(t.dialect().generate(nickname, t.schema()).size() == 1);
  t.apply(nickname);
  CHECK(t.rows("SELECT nickname FROM users ORDER BY id") == std::vector<Row>{{"n/a"}, {"n/a"}});

  // CURRENT_TIMESTAMP is not constant: a rebuild, and the existing rows get the time.
  t.apply({AddColumn{
      orders,
      {"placed_at", Type::datetime(), false, ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}}}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK(t.scalar("SELECT count(*) FROM orders WHERE placed_at LIKE '____-__-__ __:__:__'") == "2");

  // A function call default is parenthesised, as SQLite requires.
  t.apply({AddColumn{orders,
                     {"day", Type::date(), true, ColumnDefault{SqlExpression{"date('now')"}}}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK(t.scalar("SELECT count(*) FROM orders WHERE day LIKE '____-__-__'") == "2");

  // NOT NULL without a default: refused while the table has rows, fine on an empty one.
  const auto state = whole_state(t);
  CHECK_THROWS_WITH_AS(t.apply({AddColumn{orders, {"required", Type::int32(), false}}}),
                       doctest::Contains("NOT NULL constraint failed"), DatabaseError);
  CHECK(whole_state(t) == state);
  t.exec("DELETE FROM orders");
  t.apply({AddColumn{orders, {"required", Type::int32(), false}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK_THROWS_WITH_AS(t.exec("INSERT INTO orders (id, user_id) VALUES (1, 1)"),
                       doctest::Contains("NOT NULL constraint failed: orders.required"),
                       DatabaseError);
}

TEST_CASE("dropping a table, raw SQL outside a transaction, data operations with parameters") {
  TestDatabase t;
  t.create_sample_schema();
  seed(t);
  RenderOptions bind;
  bind.bind_values = true;
  t.apply({InsertRows{users, {"email", "name", "score"}, {{"c@x", "Cy", 3}, {"d@x", Value{}, 4}}},
           UpdateRows{users, {{"score", 30}}, {{"email", "c@x"}}},
           DeleteRows{users, {{"name", Value{}}}}},
          bind);
  CHECK(t.rows("SELECT email, name, score FROM users WHERE id > 2") ==
        std::vector<Row>{{"c@x", "Cy", "30"}});
  t.apply({DropTable{orders, {}}});
  test::sqlite::check_catalog_matches_model(t);
  CHECK(test::sqlite::stored_sql(t, "orders").empty());
  t.apply({RawSql{"CREATE INDEX ix_users_score ON users (score)", {}, true}});
  CHECK(test::sqlite::stored_sql(t, "ix_users_score") ==
        "CREATE INDEX ix_users_score ON users (score)");
}
