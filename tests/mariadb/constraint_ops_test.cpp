// Keys and constraints on a real MariaDB server: each one read back from information_schema and
// proven enforced by a statement that must fail (and, after a drop, succeed).

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "mariadb_fixture.hpp"

using namespace mariadb_test;

namespace {

std::string constraint_type(TestDatabase& db, const std::string& table, const std::string& name) {
  auto rows = db.rows(fmt::format(
      "SELECT CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = "
      "{} AND TABLE_NAME = {} AND CONSTRAINT_NAME = {}",
      db.lit(db.name()), db.lit(table), db.lit(name)));
  return rows.empty() ? "none" : rows.front().front().value_or("NULL");
}

void create_shop(TestDatabase& db) {
  Table users{"users", {{"id", Type::int64(), false}, {"email", Type::string(255), false}}};
  users.primary_key = PrimaryKey{"", {"id"}};
  Table orders{"orders",
               {{"id", Type::int64(), false},
                {"user_id", Type::int64(), false},
                {"referrer_id", Type::int64()},
                {"total", Type::decimal(10, 2), false, ColumnDefault{Value{0}}}}};
  orders.primary_key = PrimaryKey{"pk_orders", {"id"}};
  db.apply({CreateTable{users}, CreateTable{orders}});
  db.execute("INSERT INTO users VALUES (1, 'a@x'), (2, 'b@x')");
}

}  // namespace

TEST_CASE("drop_primary_key and add_primary_key") {
  TestDatabase db;
  create_shop(db);
  db.execute("INSERT INTO orders (id, user_id) VALUES (1, 1)");
  db.apply({DropPrimaryKey{"orders", "pk_orders", {}}});
  CHECK_FALSE(db.index("orders", "PRIMARY"));
  db.execute("INSERT INTO orders (id, user_id) VALUES (1, 2)");  // no key: a duplicate id is fine

  db.apply({AddPrimaryKey{"orders", {"pk_orders_v2", {"id", "user_id"}}}});
  CHECK(db.index("orders", "PRIMARY")->columns == std::vector<std::string>{"id", "user_id"});
  CHECK(constraint_type(db, "orders", "PRIMARY") == "PRIMARY KEY");
  CHECK(db.rejects("INSERT INTO orders (id, user_id) VALUES (1, 2)"));
  db.execute("INSERT INTO orders (id, user_id) VALUES (2, 2)");
}

TEST_CASE("add_unique and drop_unique") {
  TestDatabase db;
  create_shop(db);
  db.apply({AddUnique{"users", {"uq_users_email", {"email"}}}});
  CHECK(constraint_type(db, "users", "uq_users_email") == "UNIQUE");
  CHECK(db.index("users", "uq_users_email")->columns == std::vector<std::string>{"email"});
  CHECK(db.rejects("INSERT INTO users VALUES (3, 'a@x')"));

  db.apply({DropUnique{"users", "uq_users_email", {}}});
  CHECK(constraint_type(db, "users", "uq_users_email") == "none");
  db.execute("INSERT INTO users VALUES (3, 'a@x')");
  CHECK(db.count("users WHERE email = 'a@x'") == 2);
}

TEST_CASE("add_check and drop_check") {
  TestDatabase db;
  create_shop(db);
  db.apply({AddCheck{"orders", {"ck_orders_total", "total >= 0"}}});
  CHECK(constraint_type(db, "orders", "ck_orders_total") == "CHECK");
  CHECK(db.value("SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE "
                 "CONSTRAINT_SCHEMA = " +
                 db.lit(db.name()) + " AND CONSTRAINT_NAME = 'ck_orders_total'") == "`total` >= 0");
  CHECK(db.rejects("INSERT INTO orders (id, user_id, total) VALUES (1, 1, -1)"));

  db.apply({DropCheck{"orders", "ck_orders_total", {}}});
  CHECK(constraint_type(db, "orders", "ck_orders_total") == "none");
  db.execute("INSERT INTO orders (id, user_id, total) VALUES (1, 1, -1)");
}

TEST_CASE("add_foreign_key: enforced, with ON DELETE CASCADE, SET NULL and ON UPDATE CASCADE") {
  TestDatabase db;
  create_shop(db);
  db.apply({AddForeignKey{"orders",
                          {"fk_orders_user",
                           {"user_id"},
                           {"users"},
                           {"id"},
                           ReferentialAction::cascade,
                           ReferentialAction::cascade}},
            AddForeignKey{"orders",
                          {"fk_orders_referrer",
                           {"referrer_id"},
                           {"users"},
                           {"id"},
                           ReferentialAction::set_null,
                           ReferentialAction::restrict}}});
  CHECK(constraint_type(db, "orders", "fk_orders_user") == "FOREIGN KEY");
  const auto rules = db.rows(
      "SELECT CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE, REFERENCED_TABLE_NAME FROM "
      "information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = " +
      db.lit(db.name()) + " ORDER BY CONSTRAINT_NAME");
  REQUIRE(rules.size() == 2);
  CHECK(rules[0] == Row{"fk_orders_referrer", "SET NULL", "RESTRICT", "users"});
  CHECK(rules[1] == Row{"fk_orders_user", "CASCADE", "CASCADE", "users"});
  CHECK(db.value("SELECT CONCAT(COLUMN_NAME, '->', REFERENCED_TABLE_NAME, '.', "
                 "REFERENCED_COLUMN_NAME) FROM information_schema.KEY_COLUMN_USAGE WHERE "
                 "CONSTRAINT_SCHEMA = " +
                 db.lit(db.name()) + " AND CONSTRAINT_NAME = 'fk_orders_user'") ==
        "user_id->users.id");

  CHECK(db.rejects("INSERT INTO orders (id, user_id) VALUES (9, 99)"));
  CHECK(db.rejects("INSERT INTO orders (id, user_id, referrer_id) VALUES (9, 1, 99)"));
  db.execute("INSERT INTO users VALUES (3, 'c@x')");
  db.execute("INSERT INTO orders (id, user_id, referrer_id) VALUES (1, 1, NULL), (2, 3, 2)");
  db.execute("UPDATE users SET id = 10 WHERE id = 1");  // fk_orders_user: ON UPDATE CASCADE
  CHECK(db.value("SELECT user_id FROM orders WHERE id = 1") == "10");
  CHECK(db.rejects("UPDATE users SET id = 20 WHERE id = 2"));  // referrer: ON UPDATE RESTRICT
  db.execute("DELETE FROM users WHERE id = 10");               // ON DELETE CASCADE: order 1 goes
  CHECK(db.count("orders WHERE id = 1") == 0);
  db.execute("DELETE FROM users WHERE id = 2");  // ON DELETE SET NULL: order 2 stays
  CHECK(db.value("SELECT referrer_id FROM orders WHERE id = 2") == std::nullopt);
  CHECK(db.value("SELECT user_id FROM orders WHERE id = 2") == "3");

  // InnoDB made an index for the key (no index of the model serves it): it goes with the key.
  CHECK(db.index("orders", "fk_orders_user"));
  db.apply({DropForeignKey{"orders", "fk_orders_user", {}}});
  CHECK(constraint_type(db, "orders", "fk_orders_user") == "none");
  CHECK_FALSE(db.index("orders", "fk_orders_user"));
  db.execute("INSERT INTO orders (id, user_id) VALUES (9, 99)");
}

TEST_CASE("dropping a key a foreign key needs is refused before the server is asked") {
  TestDatabase db;
  create_shop(db);
  db.apply({AddForeignKey{"orders", {"fk_orders_user", {"user_id"}, {"users"}, {"id"}}}});
  CHECK(db.rejects("ALTER TABLE users DROP PRIMARY KEY"));
  CHECK_THROWS_WITH_AS(db.apply({DropPrimaryKey{"users", "", {}}}),
                       doctest::Contains("fk_orders_user"), Error);
  CHECK(db.rejects("ALTER TABLE orders DROP COLUMN user_id"));
  CHECK_THROWS_AS(db.apply({DropColumn{"orders", "user_id", {}}}), Error);
  CHECK(db.index("users", "PRIMARY"));
  CHECK(db.column("orders", "user_id"));
}
