// Tables, databases and indexes on a real MariaDB server, checked in information_schema and by
// what the server then accepts or refuses.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "mariadb_fixture.hpp"

using namespace mariadb_test;

namespace {

Table all_types() {
  Table t;
  t.name = "all_types";
  t.columns = {
      {"id", Type::int64(), false, {}, true, "", "row number"},
      {"c_bool", Type::boolean(), false, ColumnDefault{Value{true}}},
      {"c_int16", Type::int16()},
      {"c_int32", Type::int32(), false, ColumnDefault{Value{-7}}},
      {"c_decimal", Type::decimal(18, 4), true, ColumnDefault{Value{1.25}}},
      {"c_float32", Type::float32()},
      {"c_float64", Type::float64(), true, ColumnDefault{Value{0.1}}},
      {"c_string", Type::string(100), false, ColumnDefault{Value{"it's \\ \"x\""}}, false,
       "utf8mb4_bin"},
      {"c_text", Type::text(), true, ColumnDefault{Value{"long default"}}},
      {"c_binary", Type::binary()},
      {"c_binary16", Type::binary(16), true, ColumnDefault{Value{Bytes{0x00, 0x27, 0xFF}}}},
      {"c_date", Type::date(), true, ColumnDefault{Value{"2024-02-29"}}},
      {"c_time", Type::time()},
      {"c_datetime", Type::datetime(), false, ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}}},
      {"c_timestamptz", Type::timestamp_tz()},
      {"c_uuid", Type::uuid(), true, ColumnDefault{SqlExpression{"uuid()"}}},
      {"c_json", Type::json(), true, ColumnDefault{SqlExpression{"'{}'"}}},
      {"c_raw", Type::raw("MEDIUMINT UNSIGNED")},
  };
  t.primary_key = PrimaryKey{"pk_all_types", {"id"}};
  t.comment = "one column of each portable type";
  return t;
}

}  // namespace

TEST_CASE("create_table: every portable type, nullability, defaults, AUTO_INCREMENT, comments") {
  TestDatabase db;
  db.apply({CreateTable{all_types()}});

  struct Expected {
    const char* column;
    const char* type;
    bool nullable;
    std::optional<std::string> default_value;
  };
  const std::vector<Expected> expected = {
      {"id", "bigint(20)", false, std::nullopt},
      {"c_bool", "tinyint(1)", false, "1"},
      {"c_int16", "smallint(6)", true, "NULL"},
      {"c_int32", "int(11)", false, "-7"},
      {"c_decimal", "decimal(18,4)", true, "1.2500"},
      {"c_float32", "float", true, "NULL"},
      {"c_float64", "double", true, "0.1"},
      {"c_string", "varchar(100)", false, R"('it''s \\ "x"')"},
      {"c_text", "longtext", true, "'long default'"},
      {"c_binary", "longblob", true, "NULL"},
      {"c_binary16", "varbinary(16)", true, "(raw bytes: checked by the insert below)"},
      {"c_date", "date", true, "'2024-02-29'"},
      {"c_time", "time(6)", true, "NULL"},
      {"c_datetime", "datetime(6)", false, "current_timestamp(6)"},
      {"c_timestamptz", "timestamp(6)", true, "NULL"},
      {"c_uuid", "char(36)", true, "uuid()"},
      {"c_json", "longtext", true, "'{}'"},  // MariaDB's JSON is LONGTEXT with a check
      {"c_raw", "mediumint(8) unsigned", true, "NULL"},
  };
  for (const auto& e : expected) {
    INFO("column ", std::string(e.column));
    const auto info = db.column("all_types", e.column);
    REQUIRE(info);
    CHECK(info->column_type == e.type);
    CHECK(info->nullable == e.nullable);
    if (std::string(e.column) != "c_binary16") CHECK(info->default_value == e.default_value);
  }
  const auto id = db.column("all_types", "id");
  CHECK(id->extra == "auto_increment");
  CHECK(id->comment == "row number");
  CHECK(db.column("all_types", "c_string")->collation == "utf8mb4_bin");
  CHECK(db.value("SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = " +
                 db.lit(db.name()) + " AND TABLE_NAME = 'all_types'") ==
        "one column of each portable type");
  CHECK(db.value("SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = " +
                 db.lit(db.name()) + " AND TABLE_NAME = 'all_types'") == "InnoDB");
  CHECK(db.value("SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = " +
                 db.lit(db.name()) + " AND TABLE_NAME = 'all_types'")
            ->starts_with("utf8mb4_"));

  // Defaults and AUTO_INCREMENT act on insert.
  db.execute("INSERT INTO all_types (c_time) VALUES ('12:34:56.789012')");
  db.execute("INSERT INTO all_types (c_time) VALUES (NULL)");
  CHECK(db.value("SELECT MAX(id) FROM all_types") == "2");
  const auto row = db.rows(
      "SELECT c_bool, c_int32, c_string, c_text, HEX(c_binary16), CAST(c_date AS CHAR), "
      "CAST(c_time AS CHAR), LENGTH(c_uuid), c_json, c_datetime IS NOT NULL FROM all_types "
      "WHERE id = 1");
  REQUIRE(row.size() == 1);
  CHECK(row[0][0] == "1");
  CHECK(row[0][1] == "-7");
  CHECK(row[0][2] == "it's \\ \"x\"");
  CHECK(row[0][3] == "long default");
  CHECK(row[0][4] == "0027FF");
  CHECK(row[0][5] == "2024-02-29");
  CHECK(row[0][6] == "12:34:56.789012");
  CHECK(row[0][7] == "36");
  CHECK(row[0][8] == "{}");
  CHECK(row[0][9] == "1");
  // NOT NULL is enforced; MariaDB's JSON check is too.
  CHECK(db.rejects("INSERT INTO all_types (c_int32) VALUES (NULL)"));
  CHECK(db.rejects("INSERT INTO all_types (c_json) VALUES ('not json')"));
  // timestamp_tz is read back in UTC whatever the server's zone: sessions run at +00:00.
  db.execute("INSERT INTO all_types (c_timestamptz) VALUES ('2024-01-02 03:04:05.123456')");
  CHECK(db.value("SELECT CAST(c_timestamptz AS CHAR) FROM all_types WHERE id = 3") ==
        "2024-01-02 03:04:05.123456");
  CHECK(db.value("SELECT UNIX_TIMESTAMP(c_timestamptz) FROM all_types WHERE id = 3") ==
        "1704164645.123456");
}

TEST_CASE("create_table with keys, checks, indexes and foreign keys declared inline") {
  TestDatabase db;
  Table users{"users",
              {{"id", Type::int64(), false, {}, true}, {"email", Type::string(255), false}}};
  users.primary_key = PrimaryKey{"pk_users", {"id"}};
  users.uniques = {{"uq_users_email", {"email"}}};
  Table docs;
  docs.name = "documents";
  docs.columns = {
      {"id", Type::int64(), false, {}, true},
      {"owner_id", Type::int64()},
      {"parent_id", Type::int64()},
      {"title", Type::string(200), false, {}, false, "", "shown in lists"},
  };
  docs.primary_key = PrimaryKey{"pk_documents", {"id"}};
  docs.checks = {{"ck_documents_title", "title <> ''"}};
  docs.foreign_keys = {
      {"fk_documents_owner", {"owner_id"}, {"users"}, {"id"}, ReferentialAction::set_null},
      {"fk_documents_parent", {"parent_id"}, {"documents"}, {"id"}, ReferentialAction::cascade},
  };
  docs.indexes = {{"ix_documents_owner_title", {{"owner_id", "", false}, {"title", "", true}}}};
  db.apply({CreateTable{users}, CreateTable{docs}});

  CHECK(db.index("users", "PRIMARY")->columns == std::vector<std::string>{"id"});
  CHECK(db.index("users", "uq_users_email")->unique);
  const auto ix = db.index("documents", "ix_documents_owner_title");
  REQUIRE(ix);
  CHECK_FALSE(ix->unique);
  CHECK(ix->columns == std::vector<std::string>{"owner_id", "title DESC"});
  CHECK(db.value("SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE "
                 "CONSTRAINT_SCHEMA = " +
                 db.lit(db.name()) + " AND CONSTRAINT_NAME = 'ck_documents_title'") ==
        "`title` <> ''");
  CHECK(db.value("SELECT CONCAT(DELETE_RULE, '/', UPDATE_RULE, '/', REFERENCED_TABLE_NAME) FROM "
                 "information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = " +
                 db.lit(db.name()) + " AND CONSTRAINT_NAME = 'fk_documents_owner'") ==
        "SET NULL/RESTRICT/users");

  db.execute("INSERT INTO users (email) VALUES ('a@x')");
  CHECK(db.rejects("INSERT INTO users (email) VALUES ('a@x')"));  // unique
  db.execute("INSERT INTO documents (owner_id, title) VALUES (1, 'root')");
  db.execute("INSERT INTO documents (owner_id, parent_id, title) VALUES (1, 1, 'child')");
  CHECK(db.rejects("INSERT INTO documents (owner_id, title) VALUES (99, 'orphan')"));  // FK
  CHECK(db.rejects("INSERT INTO documents (title) VALUES ('')"));                      // check
  // ON DELETE SET NULL, then ON DELETE CASCADE through the self reference.
  db.execute("DELETE FROM users WHERE id = 1");
  CHECK(db.count("documents WHERE owner_id IS NULL") == 2);
  db.execute("DELETE FROM documents WHERE id = 1");
  CHECK(db.count("documents") == 0);

  // The index InnoDB uses for fk_documents_owner is the declared one: the server refuses to drop
  // it alone, so the dialect gives the key the index InnoDB would have made for it.
  CHECK(db.rejects("DROP INDEX ix_documents_owner_title ON documents"));
  db.apply({DropIndex{"documents", "ix_documents_owner_title", {}}});
  CHECK_FALSE(db.index("documents", "ix_documents_owner_title"));
  REQUIRE(db.index("documents", "fk_documents_owner"));
  CHECK(db.index("documents", "fk_documents_owner")->columns ==
        std::vector<std::string>{"owner_id"});
  CHECK(db.rejects("INSERT INTO documents (owner_id, title) VALUES (99, 'orphan')"));  // FK
  // Dropping the key takes that index with it.
  db.apply({DropForeignKey{"documents", "fk_documents_owner", {}}});
  CHECK_FALSE(db.index("documents", "fk_documents_owner"));
}

TEST_CASE("rename_table and drop_table") {
  TestDatabase db;
  Table t{"orders", {{"id", Type::int64(), false}}, PrimaryKey{"", {"id"}}};
  db.apply({CreateTable{t}});
  db.execute("INSERT INTO orders VALUES (1)");
  db.apply({RenameTable{"orders", "purchases"}});
  CHECK_FALSE(db.table_exists("orders"));
  CHECK(db.table_exists("purchases"));
  CHECK(db.count("purchases") == 1);
  db.apply({DropTable{"purchases", {}}});
  CHECK_FALSE(db.table_exists("purchases"));
}

TEST_CASE("ensure_schema creates a utf8mb4 database, and qualified names reach it") {
  TestDatabase db;
  const std::string other = db.extra_database("audit");
  db.apply({EnsureSchema{other}, EnsureSchema{other},  // IF NOT EXISTS: twice is fine
            CreateTable{Table{{other, "events"},
                              {{"id", Type::int64(), false, {}, true}, {"what", Type::text()}},
                              PrimaryKey{"", {"id"}}}},
            InsertRows{{other, "events"}, {"what"}, {{"created"}}},
            RenameTable{{other, "events"}, "events_v2"}});
  CHECK(db.value("SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE "
                 "SCHEMA_NAME = " +
                 db.lit(other)) == "utf8mb4");
  CHECK(db.table_exists("events_v2", other));
  CHECK_FALSE(db.table_exists("events_v2"));
  CHECK(db.column("events_v2", "id", other)->extra == "auto_increment");
  CHECK(db.value(fmt::format("SELECT what FROM {}.events_v2",
                             db.dialect().quote_identifier(other))) == "created");
}

TEST_CASE("indexes: unique enforced, descending parts, rename, drop") {
  TestDatabase db;
  Table t{"users",
          {{"id", Type::int64(), false, {}, true},
           {"email", Type::string(255), false},
           {"score", Type::int32(), false}}};
  t.primary_key = PrimaryKey{"", {"id"}};
  db.apply({CreateTable{t}});
  db.execute("INSERT INTO users (email, score) VALUES ('a', 1), ('b', 1)");

  db.apply(
      {CreateIndex{"users", Index{"ix_users_score", {{"score", "", true}, {"email", "", false}}}},
       CreateIndex{"users", Index{"ux_users_email", {{"email", "", false}}, true}}});
  const auto score = db.index("users", "ix_users_score");
  REQUIRE(score);
  CHECK_FALSE(score->unique);
  CHECK(score->columns == std::vector<std::string>{"score DESC", "email"});
  CHECK(db.index("users", "ux_users_email")->unique);
  CHECK(db.rejects("INSERT INTO users (email, score) VALUES ('a', 2)"));
  CHECK(db.count("users") == 2);

  db.apply({RenameIndex{"users", "ix_users_score", "ix_users_points"}});
  CHECK_FALSE(db.index("users", "ix_users_score"));
  CHECK(db.index("users", "ix_users_points")->columns ==
        std::vector<std::string>{"score DESC", "email"});

  db.apply({DropIndex{"users", "ux_users_email", {}}, DropIndex{"users", "ix_users_points", {}}});
  CHECK_FALSE(db.index("users", "ux_users_email"));
  CHECK_FALSE(db.index("users", "ix_users_points"));
  db.execute("INSERT INTO users (email, score) VALUES ('a', 2)");
  CHECK(db.count("users WHERE email = 'a'") == 2);
}

TEST_CASE("what the dialect refuses, the server refuses or silently changes") {
  TestDatabase db;
  Table t{"notes", {{"id", Type::int64(), false}, {"body", Type::text()}}, PrimaryKey{"", {"id"}}};
  db.apply({CreateTable{t}});
  // A TEXT column cannot be indexed whole: MySQL refuses, MariaDB quietly indexes a prefix of
  // 768 characters, which is not the index asked for.
  CHECK_THROWS_WITH_AS(db.apply({CreateIndex{"notes", Index{"ix_body", {{"body", "", false}}}}}),
                       doctest::Contains("only by a prefix"), Error);
  CHECK_FALSE(db.index("notes", "ix_body"));
  db.execute("CREATE INDEX ix_raw ON notes (body)");
  CHECK(db.value("SELECT SUB_PART FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = " +
                 db.lit(db.name()) + " AND INDEX_NAME = 'ix_raw'") == "768");
  // AUTO_INCREMENT needs a key in the same statement.
  CHECK(db.rejects("ALTER TABLE notes ADD COLUMN seq BIGINT NOT NULL AUTO_INCREMENT"));
  CHECK_THROWS_AS(db.apply({AddColumn{"notes", {"seq", Type::int64(), false, {}, true}}}), Error);
  CHECK_FALSE(db.column("notes", "seq"));
  // No DROP CHECK in MariaDB: the dialect uses DROP CONSTRAINT.
  db.apply({AddCheck{"notes", {"ck_notes_id", "id > 0"}}});
  CHECK(db.rejects("ALTER TABLE notes DROP CHECK ck_notes_id"));
  db.apply({DropCheck{"notes", "ck_notes_id", {}}});
  CHECK(db.count(fmt::format("information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = {}",
                             db.lit(db.name()))) == 0);
  // A check over several columns blocks dropping one of them, on the server and in the dialect.
  db.apply({AddColumn{"notes", {"low", Type::int32()}}, AddColumn{"notes", {"high", Type::int32()}},
            AddCheck{"notes", {"ck_notes_range", "low <= high"}}});
  CHECK(db.rejects("ALTER TABLE notes DROP COLUMN low"));
  CHECK_THROWS_WITH_AS(db.apply({DropColumn{"notes", "low", {}}}),
                       doctest::Contains("ck_notes_range"), Error);
  // A table a foreign key references cannot be dropped.
  db.apply({CreateTable{Table{"refs",
                              {{"id", Type::int64(), false}, {"note_id", Type::int64()}},
                              PrimaryKey{"", {"id"}},
                              {},
                              {},
                              {{"fk_refs_note", {"note_id"}, {"notes"}, {"id"}}}}}});
  CHECK(db.rejects("DROP TABLE notes"));
  CHECK_THROWS_WITH_AS(db.apply({DropTable{"notes", {}}}), doctest::Contains("fk_refs_note"),
                       Error);
  CHECK(db.table_exists("notes"));
}
