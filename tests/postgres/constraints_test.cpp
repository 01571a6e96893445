// Keys, checks, foreign keys and indexes on the server: defined as rendered and enforced.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "pg_fixture.hpp"

using namespace migcmd;
using migcmd::test::PgSchema;
using migcmd::test::sqlstate_of;

namespace {

Table users_table() {
  Table t{"users",
          {{"id", Type::int64(), false, {}, true},
           {"email", Type::string(255), false},
           {"score", Type::int32(), false, ColumnDefault{Value{0}}}}};
  t.primary_key = PrimaryKey{"pk_users", {"id"}};
  t.uniques = {{"uq_users_email", {"email"}}};
  t.checks = {{"ck_users_score", "score >= 0"}};
  return t;
}

Table documents_table() {
  Table t{"documents",
          {{"id", Type::int64(), false, {}, true},
           {"owner_id", Type::int64()},
           {"parent_id", Type::int64()},
           {"title", Type::string(200), false}}};
  t.primary_key = PrimaryKey{"pk_documents", {"id"}};
  t.checks = {{"ck_documents_title", "title <> ''"}};
  t.foreign_keys = {
      {"fk_documents_owner", {"owner_id"}, {"users"}, {"id"}, ReferentialAction::set_null},
      {"fk_documents_parent", {"parent_id"}, {"documents"}, {"id"}, ReferentialAction::cascade},
  };
  return t;
}

// contype and pg_get_constraintdef of a named constraint, "" when there is none.
std::string constraint(PgSchema& db, const std::string& table, const std::string& name) {
  auto rows = db.rows(fmt::format(
      "SELECT contype::text || ' ' || pg_get_constraintdef(oid) FROM pg_catalog.pg_constraint "
      "WHERE conrelid = {} AND conname = {}",
      db.regclass(table), db.lit(name)));
  return rows.empty() ? "" : rows[0][0].value_or("");
}

std::string indexdef(PgSchema& db, const std::string& index) {
  auto rows = db.rows(fmt::format(
      "SELECT pg_get_indexdef(c.oid) FROM pg_catalog.pg_class c WHERE c.oid = to_regclass({})",
      db.lit(db.dialect().quote_identifier(index))));
  return rows.empty() ? "" : rows[0][0].value_or("");
}

}  // namespace

TEST_CASE("create_table: keys, checks and foreign keys are enforced, actions act") {
  PgSchema db;
  db.apply({CreateTable{users_table()}, CreateTable{documents_table()}});
  CHECK(constraint(db, "users", "pk_users") == "p PRIMARY KEY (id)");
  CHECK(constraint(db, "users", "uq_users_email") == "u UNIQUE (email)");
  CHECK(constraint(db, "users", "ck_users_score") == "c CHECK ((score >= 0))");
  CHECK(constraint(db, "documents", "fk_documents_owner") ==
        "f FOREIGN KEY (owner_id) REFERENCES users(id) ON DELETE SET NULL");
  CHECK(constraint(db, "documents", "fk_documents_parent") ==
        "f FOREIGN KEY (parent_id) REFERENCES documents(id) ON DELETE CASCADE");

  db.execute("INSERT INTO users (email) VALUES ('a@x'), ('b@x')");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO users (email) VALUES ('a@x')"); }) == "23505");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO users (id, email) VALUES (1, 'c@x')"); }) ==
        "23505");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO users (email, score) VALUES ('d@x', -1)"); }) ==
        "23514");
  CHECK(sqlstate_of([&] {
          db.execute("INSERT INTO documents (owner_id, title) VALUES (999, 'orphan')");
        }) == "23503");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO documents (title) VALUES ('')"); }) == "23514");

  db.execute("INSERT INTO documents (id, owner_id, title) VALUES (10, 1, 'root')");
  db.execute("INSERT INTO documents (id, owner_id, parent_id, title) VALUES (11, 2, 10, 'child')");
  db.execute("INSERT INTO documents (id, owner_id, title) VALUES (12, 2, 'other')");
  // ON DELETE SET NULL
  db.execute("DELETE FROM users WHERE id = 2");
  CHECK(db.count("FROM documents WHERE owner_id IS NULL") == 2);
  // ON DELETE CASCADE
  db.execute("DELETE FROM documents WHERE id = 10");
  CHECK(db.value("SELECT string_agg(id::text, ',') FROM documents") == "12");
}

TEST_CASE("constraints added to and dropped from an existing table") {
  PgSchema db;
  Table t{"t", {{"id", Type::int32(), false}, {"code", Type::text()}, {"parent", Type::int32()}}};
  db.apply({CreateTable{t}});
  db.execute("INSERT INTO t VALUES (1, 'a', NULL), (2, 'b', 1)");

  db.apply({AddPrimaryKey{"t", {"pk_t", {"id"}}}, AddUnique{"t", {"uq_t_code", {"code"}}},
            AddCheck{"t", {"ck_t_code", "code <> 'bad'"}},
            AddForeignKey{"t",
                          {"fk_t_parent",
                           {"parent"},
                           {"t"},
                           {"id"},
                           ReferentialAction::cascade,
                           ReferentialAction::cascade}}});
  CHECK(constraint(db, "t", "pk_t") == "p PRIMARY KEY (id)");
  CHECK(constraint(db, "t", "fk_t_parent") ==
        "f FOREIGN KEY (parent) REFERENCES t(id) ON UPDATE CASCADE ON DELETE CASCADE");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO t VALUES (1, 'z', NULL)"); }) == "23505");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO t VALUES (3, 'a', NULL)"); }) == "23505");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO t VALUES (3, 'bad', NULL)"); }) == "23514");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO t VALUES (3, 'c', 99)"); }) == "23503");
  db.execute("UPDATE t SET id = 10 WHERE id = 1");  // ON UPDATE CASCADE
  CHECK(db.value("SELECT parent::text FROM t WHERE id = 2") == "10");

  db.apply({DropForeignKey{"t", "fk_t_parent", {}}, DropCheck{"t", "ck_t_code", {}},
            DropUnique{"t", "uq_t_code", {}}, DropPrimaryKey{"t", "pk_t", {}}});
  for (const char* name : {"pk_t", "uq_t_code", "ck_t_code", "fk_t_parent"}) {
    INFO(name);
    CHECK(constraint(db, "t", name).empty());
  }
  db.execute("INSERT INTO t VALUES (10, 'bad', 99), (10, 'bad', 99)");  // nothing stops it now
  db.execute("DELETE FROM t WHERE code = 'bad'");

  // A primary key the server named is found in the catalog and dropped.
  db.apply({AddPrimaryKey{"t", {"", {"id"}}}});
  CHECK(constraint(db, "t", "t_pkey") == "p PRIMARY KEY (id)");
  db.apply({DropPrimaryKey{"t", "", {}}});
  CHECK(db.count("FROM pg_catalog.pg_constraint WHERE conrelid = 't'::regclass") == 0);
  try {
    db.apply({DropPrimaryKey{"t", "", {}}});
    FAIL("expected an error: the table has no primary key");
  } catch (const DatabaseError& e) {
    CHECK(e.sqlstate() == "42704");
    CHECK(std::string(e.what()).find("has no primary key") != std::string::npos);
  }
}

TEST_CASE("indexes: unique, descending, partial and expression indexes as defined") {
  PgSchema db;
  db.apply({CreateTable{Table{
      "u", {{"id", Type::int32(), false}, {"email", Type::text()}, {"score", Type::int32()}}}}});
  db.apply(
      {CreateIndex{"u", Index{"ix_u_score", {{"score", "", true}, {"email", "", false}}, true, ""}},
       CreateIndex{"u", Index{"ix_u_active", {{"email", "", false}}, false, "score > 0"}},
       CreateIndex{"u", Index{"ix_u_lower_email", {{"", "lower(email)", false}}, true, ""}}});
  const std::string schema = db.dialect().quote_identifier(db.name());
  CHECK(indexdef(db, "ix_u_score") ==
        fmt::format("CREATE UNIQUE INDEX ix_u_score ON {}.u USING btree (score DESC, email)",
                    db.name()));
  CHECK(indexdef(db, "ix_u_active") ==
        fmt::format("CREATE INDEX ix_u_active ON {}.u USING btree (email) WHERE (score > 0)",
                    db.name()));
  CHECK(indexdef(db, "ix_u_lower_email") ==
        fmt::format("CREATE UNIQUE INDEX ix_u_lower_email ON {}.u USING btree (lower(email))",
                    db.name()));
  db.execute("INSERT INTO u VALUES (1, 'A@x', 1)");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO u VALUES (2, 'a@X', 2)"); }) == "23505");
  CHECK(sqlstate_of([&] { db.execute("INSERT INTO u VALUES (3, 'A@x', 1)"); }) == "23505");

  db.apply({RenameIndex{"u", "ix_u_active", "ix_u_positive"}});
  CHECK(indexdef(db, "ix_u_active").empty());
  CHECK(indexdef(db, "ix_u_positive").find("WHERE (score > 0)") != std::string::npos);

  // Dropped by its schema-qualified name, whatever the search_path.
  db.execute("SET search_path TO public");
  db.apply({DropIndex{{db.name(), "u"}, "ix_u_positive", {}}});
  db.execute("SET search_path TO " + schema);
  CHECK(indexdef(db, "ix_u_positive").empty());
  CHECK_FALSE(indexdef(db, "ix_u_score").empty());
}

TEST_CASE("raw SQL that must not run in a transaction: CREATE INDEX CONCURRENTLY") {
  PgSchema db;
  db.apply({CreateTable{Table{"o", {{"id", Type::int32(), false}, {"status", Type::text()}}}}});
  db.execute("INSERT INTO o VALUES (1, 'new')");
  db.apply({RawSql{"CREATE INDEX ix_o_status ON o (status)",
                   {{"postgres", "CREATE INDEX CONCURRENTLY ix_o_status ON o (status)"}},
                   true}});
  CHECK(db.value("SELECT indisvalid::text FROM pg_catalog.pg_index WHERE indexrelid = "
                 "'ix_o_status'::regclass") == "true");
}
