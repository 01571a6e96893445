// SQL migrations scaffolded in each format, written next to existing files and read back by the
// loader: same version order, same statements once split, a missing down when irreversible.

#include <doctest/doctest.h>

#include <algorithm>

#include "migcmd/error.hpp"
#include "migcmd/scaffold.hpp"
#include "migcmd/sql_migrations.hpp"
#include "migcmd/sql_splitter.hpp"
#include "scaffold/temp_dir.hpp"

using migcmd::SqlFileFormat;
using migcmd_test::ScaffoldDir;

namespace {

const std::vector<std::string> up_sql = {
    "ALTER TABLE users ADD COLUMN email varchar(255)",
    "CREATE INDEX ix_users_email ON users (email);",  // its own ';' is not doubled
    "CREATE FUNCTION answer() RETURNS int AS $$ SELECT 42; $$ LANGUAGE sql",
    "UPDATE users SET email = 'a;b' -- a comment on the last line",
};
const std::vector<std::string> down_sql = {"DROP FUNCTION answer()", "DROP INDEX ix_users_email",
                                           "ALTER TABLE users DROP COLUMN email"};

std::vector<std::string> statements(const std::string& script, std::string_view dialect) {
  std::vector<std::string> out;
  for (const auto& s : migcmd::split_sql(script, dialect)) out.push_back(s.text);
  return out;
}

std::vector<std::string> expected(const std::vector<std::string>& sql) {
  std::vector<std::string> out;
  for (auto s : sql) {
    while (!s.empty() && s.back() == ';') s.pop_back();
    out.push_back(s);
  }
  return out;
}

void write_all(const ScaffoldDir& dir, const std::vector<migcmd::ScaffoldedFile>& files) {
  for (const auto& f : files) {
    CHECK(f.path.parent_path() == dir.path());
    dir.write(f.path.filename(), f.content);
  }
}

// Scaffolds into a directory that already has `existing` files and loads it back.
void round_trip(SqlFileFormat format, const std::vector<std::string>& existing,
                const std::vector<std::string>& expected_names) {
  ScaffoldDir dir;
  for (const auto& name : existing) {
    const bool dbmate = format == SqlFileFormat::dbmate;
    const bool own = format == SqlFileFormat::migcmd;
    dir.write(name, dbmate ? "-- migrate:up\nSELECT 1;\n"
                    : own  ? "-- === UP Migration ===\nSELECT 1;\n"
                           : "SELECT 1;\n");
  }
  const std::string version = migcmd::next_migration_version(dir.path(), format);
  const auto files = migcmd::scaffold_sql_migration(dir.path(), format, version, "add_email",
                                                    up_sql, down_sql, "postgres");
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.path.filename().string());
  if (format == SqlFileFormat::dbmate) {
    CHECK(names == std::vector<std::string>{version + "_add_email.sql"});
  } else if (format != SqlFileFormat::migcmd) {
    CHECK(names == expected_names);
  } else {
    REQUIRE(names.size() == 1);
    CHECK(names[0].rfind(expected_names[0], 0) == 0);
    CHECK(names[0].size() == expected_names[0].size() + 8 + 1 + 13);  // YYYYMMDD_add_email.sql
  }
  write_all(dir, files);

  // Each file on its own parses as the format its name says.
  for (const auto& f : files) {
    const auto script =
        migcmd::parse_sql_migration(f.path.filename().string(), f.content, f.path.string());
    REQUIRE(script);
    CHECK(script->name == "add_email");
    CHECK(migcmd::compare_versions(script->version, version) == 0);
  }

  const auto loaded = migcmd::load_sql_migrations(dir.path());
  REQUIRE(loaded.size() == existing.size() - (format == SqlFileFormat::golang_migrate ? 1 : 0) + 1);
  const migcmd::MigrationScript& last = loaded.back();  // sorts after every existing migration
  CHECK(last.name == "add_email");
  CHECK(statements(last.up_sql, "postgres") == expected(up_sql));
  REQUIRE(last.has_down);
  CHECK(statements(last.down_sql, "postgres") == expected(down_sql));
  if (format == SqlFileFormat::migcmd) CHECK(last.metadata.database == "postgres");
}

}  // namespace

TEST_CASE("each format's files are read back with the same statements, sorted last") {
  SUBCASE("dbmate") {
    round_trip(SqlFileFormat::dbmate, {"20250101000000_a.sql"}, {});
  }
  SUBCASE("flyway") {
    round_trip(SqlFileFormat::flyway, {"V1__a.sql", "V2__b.sql"},
               {"V3__add_email.sql", "U3__add_email.sql"});
  }
  SUBCASE("golang-migrate") {
    round_trip(SqlFileFormat::golang_migrate, {"000007_a.up.sql", "000007_a.down.sql"},
               {"000008_add_email.up.sql", "000008_add_email.down.sql"});
  }
  SUBCASE("migcmd") {
    round_trip(SqlFileFormat::migcmd, {"V001_20250101_a.sql"}, {"V002_"});
  }
}

TEST_CASE("a dbmate file has both sections; the name carries the version") {
  ScaffoldDir dir;
  const auto files = migcmd::scaffold_sql_migration(
      dir.path(), SqlFileFormat::dbmate, "20250102030405", "add_email", up_sql, down_sql);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == dir.path() / "20250102030405_add_email.sql");
  CHECK(files[0].content.rfind("-- migrate:up\nALTER TABLE users ADD COLUMN email varchar(255);\n",
                               0) == 0);
  CHECK(files[0].content.find("\n\n-- migrate:down\nDROP FUNCTION answer();\n") !=
        std::string::npos);
  // The comment on the last line would swallow a ';' written after it.
  CHECK(files[0].content.find("-- a comment on the last line\n;\n") != std::string::npos);
}

TEST_CASE("without a down script nothing pretends to roll back, and the file says why") {
  for (auto format : {SqlFileFormat::dbmate, SqlFileFormat::flyway, SqlFileFormat::golang_migrate,
                      SqlFileFormat::migcmd}) {
    INFO(migcmd::to_string(format));
    ScaffoldDir dir;
    const auto files = migcmd::scaffold_sql_migration(dir.path(), format, "5", "drop_legacy",
                                                      {"DROP TABLE legacy"}, {});
    REQUIRE(files.size() == 1);  // no U / .down.sql file
    CHECK(files[0].content.find("no down script") != std::string::npos);
    write_all(dir, files);
    const auto loaded = migcmd::load_sql_migrations(dir.path());
    REQUIRE(loaded.size() == 1);
    CHECK_FALSE(loaded[0].has_down);
    CHECK(statements(loaded[0].up_sql, "sqlite") == std::vector<std::string>{"DROP TABLE legacy"});
  }
}

TEST_CASE("SQL Server statements are separated by GO batches") {
  ScaffoldDir dir;
  const std::vector<std::string> up = {"CREATE TABLE t (id int)",
                                       "CREATE PROCEDURE p AS BEGIN SELECT 1; SELECT 2; END"};
  const auto files =
      migcmd::scaffold_sql_migration(dir.path(), SqlFileFormat::golang_migrate, "000001", "procs",
                                     up, {"DROP PROCEDURE p"}, "sqlserver");
  REQUIRE(files.size() == 2);
  CHECK(files[0].content ==
        "CREATE TABLE t (id int)\nGO\nCREATE PROCEDURE p AS BEGIN SELECT 1; "
        "SELECT 2; END\nGO\n");
  write_all(dir, files);
  const auto loaded = migcmd::load_sql_migrations(dir.path());
  REQUIRE(loaded.size() == 1);
  CHECK(statements(loaded[0].up_sql, "sqlserver") == up);
  CHECK(statements(loaded[0].down_sql, "sqlserver") ==
        std::vector<std::string>{"DROP PROCEDURE p"});
}

TEST_CASE("a bad name or version is refused before anything is written") {
  ScaffoldDir dir;
  CHECK_THROWS_WITH_AS((void)migcmd::scaffold_sql_migration(dir.path(), SqlFileFormat::dbmate, "1",
                                                            "Add-Email", {}, {}),
                       doctest::Contains("not a valid migration name"), migcmd::Error);
  CHECK_THROWS_WITH_AS((void)migcmd::scaffold_sql_migration(dir.path(), SqlFileFormat::dbmate, "v1",
                                                            "add_email", {}, {}),
                       doctest::Contains("not a migration version"), migcmd::Error);
  CHECK(dir.files().empty());
}
