// diff, drift, dump and add against real SQLite files, run as separate migcmd processes; every
// result is checked in the database's catalog or by applying what was written.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli/cli_fixture.hpp"
#include "migcmd/providers/sqlite.hpp"

using migcmd_test::CliFixture;
using migcmd_test::CliResult;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Runs SQL on a SQLite file of the fixture (outside migcmd: "changed by hand").
void sql(const CliFixture& cli, const std::string& file, const std::string& statements) {
  auto c = migcmd::sqlite::connect("sqlite:" + (cli.root() / file).string());
  c->execute(statements);
}

std::vector<std::string> columns(const CliFixture& cli, const std::string& file,
                                 const std::string& table) {
  auto c = migcmd::sqlite::connect("sqlite:" + (cli.root() / file).string());
  std::vector<std::string> out;
  for (const auto& row : c->query("SELECT name FROM pragma_table_info('" + table + "')").rows) {
    out.push_back(*row[0]);
  }
  return out;
}

std::string scalar(const CliFixture& cli, const std::string& file, const std::string& query) {
  auto c = migcmd::sqlite::connect("sqlite:" + (cli.root() / file).string());
  const auto rows = c->query(query).rows;
  REQUIRE(rows.size() == 1);
  return rows[0][0].value_or("NULL");
}

std::vector<fs::path> files_named(const fs::path& dir, const std::string& part) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (contains(e.path().filename().string(), part)) out.push_back(e.path());
  }
  return out;
}

void write_init(const CliFixture& cli) {
  cli.write_migration(
      "20250101000000_init.sql",
      "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT);\n"
      "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL "
      "REFERENCES users (id) ON DELETE CASCADE, title TEXT);\n"
      "CREATE INDEX posts_user ON posts (user_id);",
      "DROP TABLE posts;\nDROP TABLE users;");
}

}  // namespace

TEST_CASE("dump is deterministic, leaves the history out, and recreates the same schema") {
  CliFixture cli;
  write_init(cli);
  REQUIRE(cli.run({"up"}).status == 0);
  const CliResult first = cli.run({"dump"});
  REQUIRE_MESSAGE(first.status == 0, first.err);
  CHECK(contains(first.out, "CREATE TABLE \"posts\""));
  CHECK(contains(first.out, "CREATE INDEX \"posts_user\""));
  CHECK(contains(first.out, "ON DELETE CASCADE"));
  CHECK_FALSE(contains(first.out, "migcmd_history"));
  // The rowid alias stays a rowid alias.
  CHECK(contains(first.out, "\"id\" INTEGER,"));
  CHECK(first.out.find("\"posts\"") < first.out.find("\"users\""));  // sorted by name
  CHECK(cli.run({"dump"}).out == first.out);

  // --output rewrites the file only when the schema changed.
  CliResult r = cli.run({"dump", "--output", "schema.sql"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "wrote schema.sql (2 tables)"));
  CHECK(cli.read(cli.root() / "schema.sql") == first.out);
  r = cli.run({"dump", "--output", "schema.sql"});
  CHECK(contains(r.out, "unchanged schema.sql"));

  // The dump, run on an empty database, gives a database whose dump is the same bytes.
  sql(cli, "copy.db", "PRAGMA user_version = 0");
  {
    auto c = migcmd::sqlite::connect("sqlite:" + (cli.root() / "copy.db").string());
    std::string text = first.out;
    std::size_t start = 0;
    while (true) {
      const auto end = text.find(";\n\n", start);
      if (end == std::string::npos) break;
      std::string statement = text.substr(start, end - start);
      if (statement.rfind("--", 0) == 0) statement = statement.substr(statement.find('\n') + 1);
      c->execute(statement);
      start = end + 3;
    }
  }
  const std::string copy_url = "sqlite:" + (cli.root() / "copy.db").string();
  CHECK(cli.run({"--url", copy_url, "dump"}).out == first.out);
  sql(cli, "copy.db", "INSERT INTO users (email) VALUES ('x')");
  CHECK(scalar(cli, "copy.db", "SELECT id FROM users") == "1");  // rowid alias assigns ids
}

TEST_CASE("diff from a migrations directory to a database: sql applies, cpp and json describe") {
  CliFixture cli;
  write_init(cli);
  sql(cli, "dev.db",
      "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, age INT,"
      " CONSTRAINT email_set CHECK (length(email) > 0));"
      "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) "
      "ON DELETE CASCADE, title TEXT NOT NULL DEFAULT '');"
      "CREATE INDEX posts_user ON posts (user_id); CREATE UNIQUE INDEX users_email ON users "
      "(email);");
  const std::string dev = "sqlite:" + (cli.root() / "dev.db").string();

  CliResult r = cli.run({"diff", "--from", "migrations", "--to", dev});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(
      contains(r.out, "-- add_column age to users\nALTER TABLE \"users\" ADD COLUMN \"age\" INT;"));
  CHECK(contains(r.out, "CREATE UNIQUE INDEX \"users_email\" ON \"users\" (\"email\");"));
  CHECK(contains(r.out, "PRAGMA foreign_keys = OFF"));  // posts.title NOT NULL: a rebuild

  // Written to a migration, applied by `up` on a database with rows: the result is the target
  // schema and the rows are still there.
  REQUIRE(cli.run({"up"}).status == 0);
  sql(cli, "app.db",
      "INSERT INTO users (id, email) VALUES (1, 'ada@example.com');"
      "INSERT INTO posts (id, user_id, title) VALUES (7, 1, 'hello');");
  {
    std::ofstream f(cli.migrations() / "20250102000000_change.sql");
    f << "-- migrate:up\n" << r.out << "-- migrate:down\n";
  }
  REQUIRE(cli.run({"hash"}).status == 0);
  r = cli.run({"up"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(columns(cli, "app.db", "users") == std::vector<std::string>{"id", "email", "name", "age"});
  // users was rebuilt (a new check) with foreign keys off: its child's row did not cascade away.
  CHECK(scalar(cli, "app.db", "SELECT title FROM posts WHERE id = 7") == "hello");
  CHECK(contains(scalar(cli, "app.db", "SELECT sql FROM sqlite_schema WHERE name = 'users'"),
                 "CHECK (length(email) > 0)"));
  CHECK(scalar(cli, "app.db",
               "SELECT \"notnull\" FROM pragma_table_info('posts') WHERE name = "
               "'title'") == "1");
  CHECK(scalar(cli, "app.db", "PRAGMA foreign_keys") == "1");  // restored after the rebuild
  r = cli.run({"diff", "--from", cli.url(), "--to", dev, "--exit-code"});
  CHECK_MESSAGE(r.status == 0, r.out);
  CHECK(r.out == "-- the schemas are the same\n");

  r = cli.run({"diff", "--from", "migrations", "--to", dev, "--format", "cpp"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out == "// the schemas are the same\n");  // the directory now has the change

  sql(cli, "dev.db", "ALTER TABLE users ADD COLUMN bio TEXT");
  r = cli.run({"diff", "--from", "migrations", "--to", dev, "--format", "cpp", "--exit-code"});
  CHECK(r.status == 7);
  CHECK(contains(r.out, "b.add_column(\"users\", \"bio\", migcmd::Type::text());"));
  r = cli.run({"diff", "--from", "migrations", "--to", dev, "--format", "json"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto ops = nlohmann::json::parse(r.out);
  REQUIRE(ops.size() == 1);
  CHECK(ops[0]["op"] == "add_column");
  CHECK(ops[0]["args"]["column"]["name"] == "bio");
}

TEST_CASE("diff reports a likely rename and applies it only with --rename") {
  CliFixture cli;
  sql(cli, "a.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, mail TEXT)");
  sql(cli, "b.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT)");
  const std::string a = "sqlite:" + (cli.root() / "a.db").string();
  const std::string b = "sqlite:" + (cli.root() / "b.db").string();
  CliResult r = cli.run({"diff", "--from", a, "--to", b});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out,
                 "Likely rename, written as a drop and an add: column t.mail -> t.email "
                 "(--rename t.mail=email)"));
  CHECK(contains(r.out, "DROP COLUMN \"mail\""));
  r = cli.run({"diff", "--from", a, "--to", b, "--rename", "t.mail=email"});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "ALTER TABLE \"t\" RENAME COLUMN \"mail\" TO \"email\";"));
  CHECK_FALSE(contains(r.out, "DROP COLUMN"));
}

TEST_CASE("diff refuses a source that is nothing, naming it") {
  CliFixture cli;
  const CliResult r = cli.run({"diff", "--from", "nowhere", "--to", cli.url()});
  CHECK(r.status == 2);
  CHECK(contains(r.err,
                 "\"nowhere\" is neither a database URL, nor a snapshot file, nor a "
                 "directory of migrations"));
}

TEST_CASE("drift: clean, then hand changes reported in plain words, --fix records them") {
  CliFixture cli;
  write_init(cli);
  REQUIRE(cli.run({"up"}).status == 0);
  CliResult r = cli.run({"drift"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out == "no drift: the database matches its 1 applied migration(s)\n");

  sql(cli, "app.db",
      "INSERT INTO users (email) VALUES ('a@b.c'); ALTER TABLE users ADD COLUMN nickname TEXT;"
      "CREATE INDEX users_email ON users (email); DROP INDEX posts_user;");
  r = cli.run({"drift"});
  CHECK(r.status == 7);
  CHECK(contains(r.out, "drift: 3 difference(s) from the 1 applied migration(s):"));
  CHECK(contains(r.out,
                 "  - column users.nickname (text NULL) is in the database, but no "
                 "applied migration creates it"));
  CHECK(contains(r.out,
                 "  - index users_email on users is in the database, but no applied "
                 "migration creates it"));
  CHECK(contains(r.out,
                 "  - index posts_user on posts is missing from the database, though a "
                 "migration creates it"));

  r = cli.run({"--json", "drift"});
  CHECK(r.status == 7);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["drift"] == true);
  CHECK(doc["differences"].size() == 3);

  // --revert-script: what would put the database back; nothing is run.
  r = cli.run({"drift", "--revert-script", "revert.sql"});
  CHECK(r.status == 7);
  const std::string revert = cli.read(cli.root() / "revert.sql");
  CHECK(contains(revert, "CREATE INDEX \"posts_user\""));
  CHECK(contains(revert, "DROP INDEX \"users_email\""));
  CHECK(columns(cli, "app.db", "users").size() == 4);

  r = cli.run({"drift", "--fix", "record_hotfix"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "(marked applied on this database)"));
  const auto fix = files_named(cli.migrations(), "record_hotfix");
  REQUIRE(fix.size() == 1);
  const std::string text = cli.read(fix[0]);
  CHECK(contains(text, "ALTER TABLE \"users\" ADD COLUMN \"nickname\" TEXT;"));
  CHECK(contains(text, "-- migrate:down"));
  CHECK(cli.history_versions().size() == 2);
  CHECK(scalar(cli, "app.db", "SELECT count(*) FROM users") == "1");  // nothing was run
  r = cli.run({"drift"});
  CHECK_MESSAGE(r.status == 0, r.out);
  CHECK(cli.run({"validate"}).status == 0);  // migcmd.sum was rewritten

  // Another database gets the same schema with `up`, and `down` undoes the fix there.
  const std::string other = "sqlite:" + (cli.root() / "other.db").string();
  REQUIRE(cli.run({"--url", other, "up"}).status == 0);
  CHECK(columns(cli, "other.db", "users") ==
        std::vector<std::string>{"id", "email", "name", "nickname"});
  CHECK(cli.run({"--url", other, "drift"}).status == 0);
  REQUIRE(cli.run({"--url", other, "down"}).status == 0);
  CHECK(columns(cli, "other.db", "users") == std::vector<std::string>{"id", "email", "name"});
}

TEST_CASE("drift --fix refuses while migrations are pending") {
  CliFixture cli;
  write_init(cli);
  REQUIRE(cli.run({"up"}).status == 0);
  cli.write_migration("20250102000000_more.sql", "CREATE TABLE more (id INT);", "DROP TABLE more;");
  REQUIRE(cli.run({"hash"}).status == 0);
  sql(cli, "app.db", "ALTER TABLE users ADD COLUMN nickname TEXT");
  const CliResult r = cli.run({"drift", "--fix"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "1 migration(s) are pending here (first: 20250102000000)"));
  CHECK(files_named(cli.migrations(), "record_drift").empty());
}

TEST_CASE("add writes the next migration from the snapshot, with --rename, and updates it") {
  CliFixture cli;
  write_init(cli);
  REQUIRE(cli.run({"hash"}).status == 0);
  sql(cli, "dev.db",
      "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, age INT);"
      "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id) "
      "ON DELETE CASCADE, body TEXT); CREATE INDEX posts_user ON posts (user_id);");
  const std::string dev = "sqlite:" + (cli.root() / "dev.db").string();

  // No snapshot yet: the directory is replayed (in memory) to know where the project is.
  CliResult r = cli.run({"add", "add_age", "--to", dev, "--rename", "posts.title=body"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto added = files_named(cli.migrations(), "add_age");
  REQUIRE(added.size() == 1);
  const std::string text = cli.read(added[0]);
  CHECK(contains(text, "ALTER TABLE \"posts\" RENAME COLUMN \"title\" TO \"body\";"));
  CHECK(contains(text, "ALTER TABLE \"users\" ADD COLUMN \"age\" INT;"));
  CHECK(contains(text, "ALTER TABLE \"posts\" RENAME COLUMN \"body\" TO \"title\";"));  // down
  const auto snapshot = nlohmann::json::parse(cli.read(cli.migrations() / "migcmd.snapshot.json"));
  CHECK(snapshot["last_version"] == added[0].filename().string().substr(0, 14));
  CHECK(snapshot["dialect"] == "sqlite");

  r = cli.run({"add", "again", "--to", dev});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "no changes"));
  CHECK(files_named(cli.migrations(), "again").empty());

  // The migration runs, keeps the data, and rolls back.
  REQUIRE(cli.run({"up", "--target", "20250101000000"}).status == 0);
  sql(cli, "app.db",
      "INSERT INTO users (id, email) VALUES (1, 'a'); INSERT INTO posts VALUES (1, 1, 'x')");
  r = cli.run({"up"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(scalar(cli, "app.db", "SELECT body FROM posts") == "x");
  CHECK(cli.run({"diff", "--from", cli.url(), "--to", dev, "--exit-code"}).status == 0);
  REQUIRE(cli.run({"down"}).status == 0);
  CHECK(scalar(cli, "app.db", "SELECT title FROM posts") == "x");
  CHECK(columns(cli, "app.db", "users") == std::vector<std::string>{"id", "email", "name"});

  // Without a rename the likely one is reported.
  sql(cli, "dev.db", "ALTER TABLE users RENAME COLUMN name TO full_name");
  r = cli.run({"add", "rename_name", "--to", dev});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out,
                 "likely rename, written as a drop and an add: column users.name -> "
                 "users.full_name (to rename instead, run again with --rename "
                 "users.name=full_name)"));
}
