// Column operations on a real MariaDB server. MODIFY COLUMN restates the whole column, so each
// alteration is checked to keep what it does not change: default, comment, nullability,
// collation, AUTO_INCREMENT, and the data.

#include <doctest/doctest.h>

#include "mariadb_fixture.hpp"

using namespace mariadb_test;

namespace {

Table users() {
  Table t;
  t.name = "users";
  t.columns = {
      {"id", Type::int32(), false, {}, true, "", "row number"},
      {"email", Type::string(100), false, {}, false, "utf8mb4_bin", "login"},
      {"name", Type::string(50), true, ColumnDefault{Value{"anon"}}, false, "", "display name"},
      {"score", Type::int32(), false, ColumnDefault{Value{0}}},
      {"bio", Type::text()},
  };
  t.primary_key = PrimaryKey{"", {"id"}};
  return t;
}

void seed(TestDatabase& db) {
  db.apply({CreateTable{users()}});
  db.execute("INSERT INTO users (email, name, score, bio) VALUES ('A@x', 'Ann', 3, 'hello')");
  db.execute("INSERT INTO users (email) VALUES ('b@x')");
}

}  // namespace

TEST_CASE("add_column: NOT NULL with a default fills existing rows; nullable columns are NULL") {
  TestDatabase db;
  seed(db);
  db.apply({AddColumn{"users",
                      {"nickname", Type::string(50), false, ColumnDefault{Value{"n/a"}}, false, "",
                       "it's shown"}},
            AddColumn{"users", {"notes", Type::text(), true, ColumnDefault{Value{"none"}}}},
            AddColumn{"users", {"seen_at", Type::timestamp_tz()}}});
  const auto nickname = db.column("users", "nickname");
  REQUIRE(nickname);
  CHECK(nickname->column_type == "varchar(50)");
  CHECK_FALSE(nickname->nullable);
  CHECK(nickname->default_value == "'n/a'");
  CHECK(nickname->comment == "it's shown");
  CHECK(db.count("users WHERE nickname = 'n/a'") == 2);
  CHECK(db.count("users WHERE notes = 'none'") == 2);
  const auto seen = db.column("users", "seen_at");
  CHECK(seen->nullable);
  CHECK(seen->default_value == "NULL");
  CHECK(db.count("users WHERE seen_at IS NULL") == 2);
  CHECK(db.rejects("UPDATE users SET nickname = NULL"));
}

TEST_CASE("drop_column and rename_column keep the other columns and the data") {
  TestDatabase db;
  seed(db);
  db.apply({RenameColumn{"users", "name", "full_name"}, DropColumn{"users", "bio", {}}});
  CHECK_FALSE(db.column("users", "name"));
  CHECK_FALSE(db.column("users", "bio"));
  const auto renamed = db.column("users", "full_name");
  REQUIRE(renamed);
  CHECK(renamed->default_value == "'anon'");
  CHECK(renamed->comment == "display name");
  CHECK(db.value("SELECT full_name FROM users WHERE email = 'A@x'") == "Ann");
  CHECK(db.value("SELECT full_name FROM users WHERE email = 'b@x'") == "anon");
}

TEST_CASE("alter_column type: MODIFY keeps default, comment, nullability, collation and data") {
  TestDatabase db;
  seed(db);
  db.apply({AlterColumn{"users", "name", ColumnChange{Type::string(200), {}, {}}, {}},
            AlterColumn{"users", "email", ColumnChange{Type::string(320), {}, {}}, {}},
            AlterColumn{"users", "score", ColumnChange{Type::int64(), {}, {}}, {}}});
  const auto name = db.column("users", "name");
  CHECK(name->column_type == "varchar(200)");
  CHECK(name->nullable);
  CHECK(name->default_value == "'anon'");
  CHECK(name->comment == "display name");
  const auto email = db.column("users", "email");
  CHECK(email->column_type == "varchar(320)");
  CHECK_FALSE(email->nullable);
  CHECK(email->collation == "utf8mb4_bin");
  CHECK(email->comment == "login");
  const auto score = db.column("users", "score");
  CHECK(score->column_type == "bigint(20)");
  CHECK_FALSE(score->nullable);
  CHECK(score->default_value == "0");
  CHECK(db.value("SELECT CONCAT(email, '|', name, '|', score) FROM users WHERE id = 1") ==
        "A@x|Ann|3");
  // utf8mb4_bin is still case-sensitive.
  CHECK(db.count("users WHERE email = 'a@x'") == 0);
}

TEST_CASE("alter_column keeps AUTO_INCREMENT and the key when the type widens") {
  TestDatabase db;
  seed(db);
  db.apply({AlterColumn{"users", "id", ColumnChange{Type::int64(), {}, {}}, {}}});
  const auto id = db.column("users", "id");
  CHECK(id->column_type == "bigint(20)");
  CHECK(id->extra == "auto_increment");
  CHECK(id->comment == "row number");
  CHECK(db.index("users", "PRIMARY")->columns == std::vector<std::string>{"id"});
  db.execute("INSERT INTO users (email) VALUES ('c@x')");
  CHECK(db.value("SELECT id FROM users WHERE email = 'c@x'") == "3");
}

TEST_CASE("alter_column nullability, in both directions") {
  TestDatabase db;
  seed(db);
  db.apply({AlterColumn{"users", "score", ColumnChange{{}, true, {}}, {}}});
  auto score = db.column("users", "score");
  CHECK(score->nullable);
  CHECK(score->default_value == "0");
  db.execute("UPDATE users SET score = NULL WHERE email = 'b@x'");
  db.execute("UPDATE users SET score = 1 WHERE email = 'b@x'");

  db.apply({AlterColumn{"users", "name", ColumnChange{{}, false, {}}, {}}});
  const auto name = db.column("users", "name");
  CHECK_FALSE(name->nullable);
  CHECK(name->default_value == "'anon'");
  CHECK(name->comment == "display name");
  CHECK(db.rejects("UPDATE users SET name = NULL"));

  // NOT NULL over existing NULLs fails on the server (strict mode), and changes nothing.
  db.execute("UPDATE users SET bio = NULL");
  CHECK_THROWS_AS(db.apply({AlterColumn{"users", "bio", ColumnChange{{}, false, {}}, {}}}),
                  DatabaseError);
  CHECK(db.column("users", "bio")->nullable);
}

TEST_CASE("alter_column defaults: SET DEFAULT, DROP DEFAULT, expression and TEXT defaults") {
  TestDatabase db;
  seed(db);
  db.apply({AlterColumn{
      "users", "score", ColumnChange{{}, {}, std::optional<ColumnDefault>(Value{10})}, {}}});
  CHECK(db.column("users", "score")->default_value == "10");
  db.execute("INSERT INTO users (email) VALUES ('c@x')");
  CHECK(db.value("SELECT score FROM users WHERE email = 'c@x'") == "10");

  db.apply(
      {AlterColumn{"users", "score", ColumnChange{{}, {}, std::optional<ColumnDefault>{}}, {}}});
  CHECK(db.column("users", "score")->default_value == std::nullopt);
  CHECK_FALSE(db.column("users", "score")->nullable);
  CHECK(db.rejects("INSERT INTO users (email) VALUES ('d@x')"));  // strict: no default

  // A TEXT default is an expression: restated with MODIFY, keeping nullability.
  db.apply({AlterColumn{
      "users", "bio", ColumnChange{{}, {}, std::optional<ColumnDefault>(Value{"it's new"})}, {}}});
  // MariaDB keeps an expression default as the expression's text.
  CHECK(db.column("users", "bio")->default_value == "'it\\'s new'");
  db.apply({AlterColumn{
      "users",
      "name",
      ColumnChange{{}, {}, std::optional<ColumnDefault>(SqlExpression{"concat('a', 'b')"})},
      {}}});
  const auto name = db.column("users", "name");
  CHECK(name->default_value == "concat('a','b')");
  CHECK(name->comment == "display name");
  db.execute("INSERT INTO users (email, score) VALUES ('e@x', 1)");
  CHECK(db.value("SELECT CONCAT(name, '|', bio) FROM users WHERE email = 'e@x'") == "ab|it's new");
}
