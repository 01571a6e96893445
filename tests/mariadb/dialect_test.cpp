// The MySQL dialect without a server: quoting and literals under hostile input, the type mapping,
// and what it refuses to render because MySQL or MariaDB would reject it.

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/error.hpp"
#include "migcmd/providers/mysql.hpp"

using namespace migcmd;

namespace {

const Dialect& dialect() {
  static const auto d = mysql::make_dialect();
  return *d;
}

// Reads a '...' literal as MySQL does with NO_BACKSLASH_ESCAPES off; std::nullopt when the
// literal ends before the last character (something after it would run as SQL).
std::optional<std::string> read_mysql_string(const std::string& literal) {
  if (literal.size() < 2 || literal.front() != '\'') return std::nullopt;
  std::string out;
  for (std::size_t i = 1; i < literal.size(); ++i) {
    const char c = literal[i];
    if (c == '\\') {
      if (++i == literal.size()) return std::nullopt;
      switch (literal[i]) {
        case '0':
          out += '\0';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 'Z':
          out += '\x1a';
          break;
        case 't':
          out += '\t';
          break;
        case 'b':
          out += '\b';
          break;
        default:
          out += literal[i];
      }
    } else if (c == '\'') {
      if (i + 1 < literal.size() && literal[i + 1] == '\'') {
        out += '\'';
        ++i;
      } else {
        return i + 1 == literal.size() ? std::optional<std::string>(out) : std::nullopt;
      }
    } else {
      out += c;
    }
  }
  return std::nullopt;  // unterminated
}

// Reads a `...` identifier back.
std::optional<std::string> read_mysql_identifier(const std::string& quoted) {
  if (quoted.size() < 2 || quoted.front() != '`') return std::nullopt;
  std::string out;
  for (std::size_t i = 1; i < quoted.size(); ++i) {
    if (quoted[i] == '`') {
      if (i + 1 < quoted.size() && quoted[i + 1] == '`') {
        out += '`';
        ++i;
      } else {
        return i + 1 == quoted.size() ? std::optional<std::string>(out) : std::nullopt;
      }
    } else {
      out += quoted[i];
    }
  }
  return std::nullopt;
}

const std::vector<std::string>& hostile_strings() {
  static const std::vector<std::string> values = {
      "plain",
      "it's",
      "'",
      "''",
      "\\",
      "\\'",
      "'\\",
      "ends with backslash\\",
      "\\\\'; DROP TABLE users; --",
      "'); DROP TABLE users; --",
      "\"double\" `back` ;semi -- dash /* comment */ # hash",
      std::string("nul\0inside", 10),
      std::string("\0", 1),
      "line\nbreak\r\n\ttab",
      "ctrl-z \x1a here",
      ":name :p0 ?",
      "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
  };
  return values;
}

SqlCommands render(const OperationList& ops, const Schema& schema = {}) {
  return dialect().generate(ops, schema);
}

// users(id BIGINT identity PK, email VARCHAR(255) unique, bio TEXT, score INT check score >= 0,
// created_at timestamp_tz default CURRENT_TIMESTAMP, with a comment and a collation on email);
// posts(id PK, user_id NOT NULL -> users.id, editor_id -> users.id).
Schema schema() {
  Table users;
  users.name = "users";
  users.columns = {
      {"id", Type::int64(), false, {}, true},
      {"email", Type::string(255), false, {}, false, "utf8mb4_bin", "login name"},
      {"bio", Type::text()},
      {"score", Type::int32(), false, ColumnDefault{Value{0}}},
      {"created_at", Type::timestamp_tz(), false,
       ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}}},
  };
  users.primary_key = PrimaryKey{"pk_users", {"id"}};
  users.uniques = {{"uq_users_email", {"email"}}};
  users.checks = {{"ck_users_score", "score >= 0"}};
  Table posts;
  posts.name = "posts";
  posts.columns = {
      {"id", Type::int64(), false},
      {"user_id", Type::int64(), false},
      {"editor_id", Type::int64()},
  };
  posts.primary_key = PrimaryKey{"", {"id"}};
  posts.foreign_keys = {{"fk_posts_user", {"user_id"}, {"users"}, {"id"}},
                        {"fk_posts_editor", {"editor_id"}, {"users"}, {"id"}}};
  Schema s;
  s.tables = {users, posts};
  return s;
}

}  // namespace

TEST_CASE("capabilities describe MySQL 8 and MariaDB 10.5+") {
  CHECK(dialect().name() == "mysql");
  const Capabilities c = dialect().capabilities();
  CHECK_FALSE(c.transactional_ddl);
  CHECK(c.alter_column);
  CHECK(c.alter_constraints);
  CHECK(c.rename_index);
  CHECK_FALSE(c.partial_indexes);
  CHECK_FALSE(c.expression_indexes);
  CHECK(c.descending_indexes);
  CHECK(c.check_constraints);
  CHECK(c.comments);
  CHECK(c.max_identifier_length == 64);
}

TEST_CASE("identifiers are backtick-quoted and read back as written") {
  CHECK(dialect().quote_identifier("users") == "`users`");
  CHECK(dialect().quote_identifier("a`b") == "`a``b`");
  CHECK(dialect().quote_identifier("`") == "````");
  CHECK(dialect().quote_name({"audit", "events"}) == "`audit`.`events`");
  for (const std::string id : {"x`; DROP TABLE t; --", "we\"ird'ta]ble", "back\\slash", "/* c */",
                               "``", "caf\xC3\xA9", "a.b", ":name"}) {
    INFO("identifier ", id);
    CHECK(read_mysql_identifier(dialect().quote_identifier(id)) == id);
  }
}

TEST_CASE("identifiers MySQL cannot hold are refused") {
  auto refuses = [](std::string_view id, const char* why) {
    INFO("identifier ", std::string(id));
    CHECK_THROWS_WITH_AS((void)dialect().quote_identifier(id), doctest::Contains(why), Error);
  };
  refuses(std::string("a\0b", 3), "NUL");
  refuses("", "empty");
  refuses("trailing ", "ends with a space");
  refuses("\xF0\x9F\x98\x80", "Basic Multilingual Plane");
  refuses("bad\xC3", "UTF-8");
  refuses(std::string(65, 'x'), "65 characters");
  CHECK(dialect().quote_identifier(std::string(64, 'x')).size() == 66);
  // 64 two-byte characters are 64 characters, not 128.
  std::string accented;
  for (int i = 0; i < 64; ++i) accented += "\xC3\xA9";
  CHECK_NOTHROW((void)dialect().quote_identifier(accented));
  try {
    (void)dialect().quote_identifier(std::string(65, 'y'));
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::unsupported_operation);
  }
}

TEST_CASE("literals: NULL, booleans, numbers, bytes") {
  CHECK(dialect().literal(Value{}) == "NULL");
  CHECK(dialect().literal(Value{true}) == "TRUE");
  CHECK(dialect().literal(Value{false}) == "FALSE");
  CHECK(dialect().literal(Value{42}) == "42");
  CHECK(dialect().literal(Value{std::numeric_limits<std::int64_t>::min()}) ==
        "-9223372036854775808");
  CHECK(dialect().literal(Value{1.5}) == "1.5");
  CHECK(dialect().literal(Value{0.1}) == "0.1");
  CHECK(dialect().literal(Value{-2.5e-300}) == "-2.5e-300");
  CHECK(dialect().literal(Value{Bytes{0x00, 0xFF, 0x27, 0x5C}}) == "X'00FF275C'");
  CHECK(dialect().literal(Value{Bytes{}}) == "X''");
  CHECK_THROWS_WITH_AS((void)dialect().literal(Value{std::nan("")}), doctest::Contains("NaN"),
                       Error);
  CHECK_THROWS_AS((void)dialect().literal(Value{std::numeric_limits<double>::infinity()}), Error);
  CHECK_THROWS_AS((void)dialect().literal(Value{-std::numeric_limits<double>::infinity()}), Error);
}

TEST_CASE("string literals escape quotes, backslashes and NUL so that hostile values round-trip") {
  CHECK(dialect().literal(Value{"it's"}) == "'it''s'");
  CHECK(dialect().literal(Value{"a\\b"}) == "'a\\\\b'");
  CHECK(dialect().literal(Value{std::string("a\0b", 3)}) == "'a\\0b'");
  CHECK(dialect().literal(Value{"\\'"}) == "'\\\\'''");
  CHECK(dialect().literal(Value{"x\ny"}) == "'x\\ny'");
  for (const auto& value : hostile_strings()) {
    INFO("value ", value);
    const std::string literal = dialect().literal(Value{value});
    CHECK(read_mysql_string(literal) == value);
    // No raw NUL reaches the statement text.
    CHECK(literal.find('\0') == std::string::npos);
  }
}

TEST_CASE("strings that are not UTF-8 are refused: utf8mb4 would reject or mangle them") {
  CHECK_THROWS_WITH_AS((void)dialect().literal(Value{"\xFF\xFE"}), doctest::Contains("UTF-8"),
                       Error);
  CHECK_THROWS_AS((void)dialect().literal(Value{"\xC0\xAF"}), Error);      // overlong '/'
  CHECK_THROWS_AS((void)dialect().literal(Value{"\xED\xA0\x80"}), Error);  // surrogate
}

TEST_CASE("portable types map to MySQL store types") {
  CHECK(dialect().type_sql(Type::boolean()) == "TINYINT(1)");
  CHECK(dialect().type_sql(Type::int16()) == "SMALLINT");
  CHECK(dialect().type_sql(Type::int32()) == "INT");
  CHECK(dialect().type_sql(Type::int64()) == "BIGINT");
  CHECK(dialect().type_sql(Type::decimal(10, 2)) == "DECIMAL(10,2)");
  CHECK(dialect().type_sql(Type::float32()) == "FLOAT");
  CHECK(dialect().type_sql(Type::float64()) == "DOUBLE");
  CHECK(dialect().type_sql(Type::string(255)) == "VARCHAR(255)");
  CHECK(dialect().type_sql(Type::text()) == "LONGTEXT");
  CHECK(dialect().type_sql(Type::binary()) == "LONGBLOB");
  CHECK(dialect().type_sql(Type::binary(16)) == "VARBINARY(16)");
  CHECK(dialect().type_sql(Type::date()) == "DATE");
  CHECK(dialect().type_sql(Type::time()) == "TIME(6)");
  CHECK(dialect().type_sql(Type::datetime()) == "DATETIME(6)");
  CHECK(dialect().type_sql(Type::timestamp_tz()) == "TIMESTAMP(6)");
  CHECK(dialect().type_sql(Type::uuid()) == "CHAR(36)");
  CHECK(dialect().type_sql(Type::json()) == "JSON");
  CHECK(dialect().type_sql(Type::raw("MEDIUMINT UNSIGNED")) == "MEDIUMINT UNSIGNED");
  CHECK(dialect().type_sql(Type::int64().with_store_type("BIGINT UNSIGNED")) == "BIGINT UNSIGNED");
  CHECK_THROWS_WITH_AS((void)dialect().type_sql(Type::string(16384)), doctest::Contains("16383"),
                       Error);
  CHECK_THROWS_AS((void)dialect().type_sql(Type{TypeKind::string}), Error);
  CHECK_THROWS_AS((void)dialect().type_sql(Type::decimal(66, 2)), Error);
  CHECK_THROWS_AS((void)dialect().type_sql(Type::decimal(5, 6)), Error);
  CHECK_THROWS_AS((void)dialect().type_sql(Type{TypeKind::custom}), Error);
}

TEST_CASE("defaults: timestamps get the column's precision, large objects an expression") {
  Table t;
  t.name = "t";
  t.columns = {
      {"id", Type::int32(), false},
      {"at", Type::datetime(), false, ColumnDefault{SqlExpression{"now()"}}},
      {"body", Type::text(), true, ColumnDefault{Value{"it's"}}},
      {"doc", Type::json(), true, ColumnDefault{SqlExpression{"'{}'"}}},
      {"code", Type::string(8), true, ColumnDefault{SqlExpression{"uuid()"}}},
      {"n", Type::int32(), true, ColumnDefault{SqlExpression{"-1"}}},
      {"raw_ts", Type::raw("DATETIME"), true, ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}}},
  };
  t.primary_key = PrimaryKey{"", {"id"}};
  const auto sql = render({CreateTable{t}}).at(0).sql;
  CHECK(sql.find("`at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)") != std::string::npos);
  CHECK(sql.find("`body` LONGTEXT DEFAULT ('it''s')") != std::string::npos);
  CHECK(sql.find("`doc` JSON DEFAULT ('{}')") != std::string::npos);
  CHECK(sql.find("`code` VARCHAR(8) DEFAULT (uuid())") != std::string::npos);
  CHECK(sql.find("`n` INT DEFAULT -1") != std::string::npos);
  CHECK(sql.find("`raw_ts` DATETIME DEFAULT CURRENT_TIMESTAMP,") != std::string::npos);
}

TEST_CASE("MODIFY COLUMN restates everything the change does not touch") {
  const Schema s = schema();
  auto modify = [&](const std::string& column, ColumnChange change) {
    auto cmds = render({AlterColumn{"users", column, change, {}}}, s);
    REQUIRE(cmds.size() == 1);
    return cmds[0].sql;
  };
  CHECK(modify("email", ColumnChange{Type::string(320), {}, {}}) ==
        "ALTER TABLE `users` MODIFY COLUMN `email` VARCHAR(320) COLLATE utf8mb4_bin NOT NULL "
        "COMMENT 'login name'");
  CHECK(modify("score", ColumnChange{Type::int64(), {}, {}}) ==
        "ALTER TABLE `users` MODIFY COLUMN `score` BIGINT NOT NULL DEFAULT 0");
  CHECK(modify("score", ColumnChange{{}, true, {}}) ==
        "ALTER TABLE `users` MODIFY COLUMN `score` INT DEFAULT 0");
  Schema counters;
  counters.tables = {Table{"counters",
                           {{"id", Type::int32(), false, {}, true, "", "row number"}},
                           PrimaryKey{"", {"id"}}}};
  CHECK(render({AlterColumn{"counters", "id", ColumnChange{Type::int64(), {}, {}}, {}}}, counters)
            .at(0)
            .sql ==
        "ALTER TABLE `counters` MODIFY COLUMN `id` BIGINT NOT NULL AUTO_INCREMENT "
        "COMMENT 'row number'");
  CHECK(modify("created_at", ColumnChange{{}, true, {}}) ==
        "ALTER TABLE `users` MODIFY COLUMN `created_at` TIMESTAMP(6) NULL DEFAULT "
        "CURRENT_TIMESTAMP(6)");
  // A default alone: SET DEFAULT for a plain literal, MODIFY where MySQL needs an expression.
  CHECK(modify("score", ColumnChange{{}, {}, std::optional<ColumnDefault>(Value{"7"})}) ==
        "ALTER TABLE `users` ALTER COLUMN `score` SET DEFAULT '7'");
  CHECK(modify("bio", ColumnChange{{}, {}, std::optional<ColumnDefault>(Value{"none"})}) ==
        "ALTER TABLE `users` MODIFY COLUMN `bio` LONGTEXT DEFAULT ('none')");
  CHECK(modify("email",
               ColumnChange{{}, {}, std::optional<ColumnDefault>(SqlExpression{"uuid()"})}) ==
        "ALTER TABLE `users` MODIFY COLUMN `email` VARCHAR(255) COLLATE utf8mb4_bin NOT NULL "
        "DEFAULT (uuid()) COMMENT 'login name'");
  // Without the table in the schema, the column given with the operation is used.
  Column from{"c", Type::int32(), false, ColumnDefault{Value{3}}, false, "", "kept"};
  CHECK(render({AlterColumn{"other", "c", ColumnChange{Type::int64(), {}, {}}, from}})[0].sql ==
        "ALTER TABLE `other` MODIFY COLUMN `c` BIGINT NOT NULL DEFAULT 3 COMMENT 'kept'");
  // Neither: the error names the operation and the missing table.
  CHECK_THROWS_WITH_AS(render({AlterColumn{"other", "c", ColumnChange{Type::int64(), {}, {}}, {}}}),
                       doctest::Contains("table other"), Error);
  CHECK_THROWS_WITH_AS(render({AlterColumn{"users", "nope", ColumnChange{{}, false, {}}, {}}}, s),
                       doctest::Contains("no column nope"), Error);
}

TEST_CASE("a foreign key keeps InnoDB's own index, named after it, whatever index is dropped") {
  const Schema s = schema();
  // InnoDB drops the index it made for fk_posts_user once ix_posts_user covers the key: dropping
  // ix_posts_user makes that index again, in the same statement.
  const auto sql = render({CreateIndex{"posts", Index{"ix_posts_user", {{"user_id", "", false}}}},
                           DropIndex{"posts", "ix_posts_user", {}}},
                          s);
  REQUIRE(sql.size() == 2);
  CHECK(sql[1].sql ==
        "ALTER TABLE `posts` ADD INDEX `fk_posts_user` (`user_id`), DROP INDEX `ix_posts_user`");
  // Without a covering index the key has InnoDB's index, which goes with it.
  CHECK(render({DropForeignKey{"posts", "fk_posts_user", {}}}, s)[0].sql ==
        "ALTER TABLE `posts` DROP FOREIGN KEY `fk_posts_user`, DROP INDEX `fk_posts_user`");
  // With one, there is none to drop.
  CHECK(render({CreateIndex{"posts", Index{"ix_posts_user", {{"user_id", "", false}}}},
                DropForeignKey{"posts", "fk_posts_user", {}}},
               s)[1]
            .sql == "ALTER TABLE `posts` DROP FOREIGN KEY `fk_posts_user`");
}

TEST_CASE("what MySQL or MariaDB would reject fails at render time, naming the operation") {
  const Schema s = schema();
  auto refuses = [&](const OperationList& ops, const char* message) {
    INFO("expecting: ", message);
    try {
      (void)render(ops, s);
      FAIL("rendered without error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::unsupported_operation);
      CHECK_MESSAGE(std::string(e.what()).find(message) != std::string::npos, e.what());
      CHECK_MESSAGE(std::string(e.what()).find("mysql cannot") != std::string::npos, e.what());
    }
  };
  refuses({CreateIndex{"users", Index{"ix_bio", {{"bio", "", false}}, false, ""}}},
          "only by a prefix");
  refuses({AddPrimaryKey{"posts", {"", {"id"}}}}, "second primary key");
  refuses({CreateIndex{"users", Index{"ix_e", {{"", "lower(email)", false}}, false, ""}}},
          "generated column");
  refuses({CreateIndex{"users", Index{"ix_p", {{"email", "", false}}, false, "score > 0"}}},
          "partial index");
  refuses({AddForeignKey{"posts",
                         {"fk_x", {"user_id"}, {"users"}, {"id"}, ReferentialAction::set_default}}},
          "SET DEFAULT");
  refuses({AddForeignKey{"posts",
                         {"fk_x", {"user_id"}, {"users"}, {"id"}, ReferentialAction::set_null}}},
          "is NOT NULL");
  refuses({AddForeignKey{"posts", {"fk_x", {"editor_id"}, {"users"}, {"score"}}}},
          "not a primary key or unique key");
  refuses({AddForeignKey{"posts", {"fk_x", {"editor_id"}, {"users"}, {"email"}}}},
          "is int64 and the referenced column");
  refuses({AddColumn{"posts", {"seq", Type::int64(), false, {}, true}}}, "AUTO_INCREMENT");
  refuses({DropPrimaryKey{"users", "pk_users", {}}}, "foreign key fk_posts_user");
  refuses({DropColumn{"posts", "user_id", {}}}, "foreign key fk_posts_user");
  refuses({DropColumn{"users", "score", {}}}, "check constraint ck_users_score");
  refuses({RenameColumn{"users", "score", "points"}}, "check constraint ck_users_score");
  refuses({AlterColumn{"posts", "user_id", ColumnChange{Type::int32(), {}, {}}, {}}},
          "foreign key fk_posts_user");
  refuses({AlterColumn{"users", "email", ColumnChange{Type::text(), {}, {}}, {}}},
          "only by a prefix");
  refuses({AlterColumn{"users", "id", ColumnChange{{}, true, {}}, {}}}, "primary key column");
  refuses({AlterColumn{
              "users", "score", ColumnChange{{}, {}, std::optional<ColumnDefault>(Value{})}, {}}},
          "default NULL");
  refuses({DropTable{"users", {}}}, "fk_posts_user");
  refuses(
      {AddForeignKey{
           "posts",
           {"fk_posts_reviewer", {"editor_id"}, {"users"}, {"id"}, ReferentialAction::set_null}},
       AlterColumn{"posts", "editor_id", ColumnChange{{}, false, {}}, {}}},
      "foreign key fk_posts_reviewer sets it to NULL");
  refuses({CreateIndex{"users", Index{"ix_wide",
                                      {{"email", "", false},
                                       {"email", "", true},
                                       {"email", "", false},
                                       {"email", "", false}},
                                      false,
                                      ""}}},
          "3072");

  Table no_key{"t", {{"id", Type::int64(), false, {}, true}, {"v", Type::int32()}}};
  refuses({CreateTable{no_key}}, "not the first column of a key");
  Table text_identity{"t", {{"id", Type::string(10), false, {}, true}}, PrimaryKey{"", {"id"}}};
  refuses({CreateTable{text_identity}}, "identity columns must be integers");
  Table bad_default{"t", {{"id", Type::int32(), false, ColumnDefault{Value{}}}}};
  refuses({CreateTable{bad_default}}, "default NULL");
  Table bad_collation{"t", {{"c", Type::string(5), true, {}, false, "x; DROP TABLE y"}}};
  refuses({CreateTable{bad_collation}}, "collation");
  Table long_comment{"t", {{"c", Type::int32(), true, {}, false, "", std::string(1025, 'c')}}};
  refuses({CreateTable{long_comment}}, "1025 characters");
}

TEST_CASE("what the checks allow renders: leading keys, self references, unknown tables") {
  const Schema s = schema();
  // The PK can go when another key still leads with the referenced column.
  const auto cmds =
      render({CreateIndex{"users", Index{"ix_users_id", {{"id", "", false}}, true, ""}},
              DropPrimaryKey{"users", "pk_users", {}}},
             s);
  CHECK(cmds.back().sql == "ALTER TABLE `users` DROP PRIMARY KEY");
  // Tables the schema does not describe are rendered as asked: the server has the last word.
  CHECK(render({DropColumn{"elsewhere", "c", {}}})[0].sql ==
        "ALTER TABLE `elsewhere` DROP COLUMN `c`");
  CHECK(render({AddForeignKey{"a", {"fk", {"b_id"}, {"db2", "b"}, {"id"}}}})[0].sql ==
        "ALTER TABLE `a` ADD CONSTRAINT `fk` FOREIGN KEY (`b_id`) REFERENCES `db2`.`b` (`id`)");
  CHECK(render({RenameTable{{"db2", "a"}, "b"}})[0].sql == "RENAME TABLE `db2`.`a` TO `db2`.`b`");
  CHECK(render({CreateIndex{"t", Index{"ix", {{"a", "", true}}, false, ""}}})[0].sql ==
        "CREATE INDEX `ix` ON `t` (`a` DESC)");
}

TEST_CASE("bound values use SOCI placeholders") {
  RenderOptions options;
  options.bind_values = true;
  const auto cmds = dialect().generate({InsertRows{"t", {"a", "b"}, {{1, "x:y"}}}}, {}, options);
  REQUIRE(cmds.size() == 1);
  CHECK(cmds[0].sql == "INSERT INTO `t` (`a`, `b`) VALUES (:p0, :p1)");
  CHECK(cmds[0].parameters == std::vector<Value>{1, "x:y"});
}

TEST_CASE("names SOCI's placeholder scanner would misread get literals instead of placeholders") {
  RenderOptions options;
  options.bind_values = true;
  for (const QualifiedName& table :
       {QualifiedName{"it's"}, QualifiedName{"a:p0"}, QualifiedName{"d'b", "t"}}) {
    const auto cmds = dialect().generate(
        {InsertRows{table, {"a"}, {{"x:y"}}}, UpdateRows{table, {{"a", 1}}, {{"b", 2}}},
         DeleteRows{table, {{"b", 2}}}},
        {}, options);
    REQUIRE(cmds.size() == 3);
    for (const auto& c : cmds) {
      INFO(c.sql);
      CHECK(c.parameters.empty());
      CHECK(c.sql.find(" :p") == std::string::npos);
      CHECK(c.sql.find("(:p") == std::string::npos);
    }
    CHECK(cmds[0].sql.ends_with("VALUES ('x:y')"));
  }
  const auto cmds = dialect().generate({UpdateRows{"t", {{"it's", 1}}, {}}}, {}, options);
  CHECK(cmds.at(0).sql == "UPDATE `t` SET `it's` = 1");
}

TEST_CASE("identity, collation and comment changes restate the whole column") {
  // A default with a comment is not a default alone: MODIFY, keeping collation and the rest.
  ColumnChange change;
  change.default_value = std::optional<ColumnDefault>(Value{"x"});
  change.comment = "it's the login";
  auto cmds = render({AlterColumn{"users", "email", change, {}}}, schema());
  REQUIRE(cmds.size() == 1);
  CHECK(cmds[0].sql ==
        "ALTER TABLE `users` MODIFY COLUMN `email` VARCHAR(255) COLLATE utf8mb4_bin NOT NULL "
        "DEFAULT 'x' COMMENT 'it''s the login'");
  // Back to the table's collation and no comment: neither is stated.
  ColumnChange plain;
  plain.collation = "";
  plain.comment = "";
  cmds = render({AlterColumn{"users", "email", plain, {}}}, schema());
  REQUIRE(cmds.size() == 1);
  CHECK(cmds[0].sql == "ALTER TABLE `users` MODIFY COLUMN `email` VARCHAR(255) NOT NULL");
  // AUTO_INCREMENT goes away with the identity; the key column stays NOT NULL.
  ColumnChange off;
  off.identity = false;
  cmds = render({AlterColumn{"users", "id", off, {}}}, schema());
  REQUIRE(cmds.size() == 1);
  CHECK(cmds[0].sql == "ALTER TABLE `users` MODIFY COLUMN `id` BIGINT NOT NULL");
  // A second AUTO_INCREMENT column, or one outside a key, is refused.
  ColumnChange on;
  on.identity = true;
  CHECK_THROWS_WITH_AS(render({AlterColumn{"users", "score", on, {}}}, schema()),
                       doctest::Contains("two AUTO_INCREMENT columns"), Error);
  CHECK_THROWS_WITH_AS(render({AlterColumn{"posts", "editor_id", on, {}}}, schema()),
                       doctest::Contains("not the first column of a key"), Error);
  ColumnChange bad;
  bad.collation = "utf8mb4_bin; DROP TABLE users";
  CHECK_THROWS_WITH_AS(render({AlterColumn{"users", "email", bad, {}}}, schema()),
                       doctest::Contains("collation"), Error);
}

TEST_CASE("set_table_comment is ALTER TABLE .. COMMENT, '' removing it") {
  auto cmds = render({SetTableComment{{"app", "t"}, "it's \\ here", {}}});
  REQUIRE(cmds.size() == 1);
  CHECK(cmds[0].sql == "ALTER TABLE `app`.`t` COMMENT = 'it''s \\\\ here'");
  cmds = render({SetTableComment{"t", "", {}}});
  REQUIRE(cmds.size() == 1);
  CHECK(cmds[0].sql == "ALTER TABLE `t` COMMENT = ''");
  CHECK_THROWS_WITH_AS(render({SetTableComment{"t", std::string(2049, 'c'), {}}}),
                       doctest::Contains("2048"), Error);
}
