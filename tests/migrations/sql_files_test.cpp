#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "migcmd/checksum.hpp"
#include "migcmd/error.hpp"
#include "migcmd/sql_migrations.hpp"
#include "migcmd/sql_splitter.hpp"
#include "migrations/temp_dir.hpp"

using namespace migcmd;
using migcmd_test::TempDir;

namespace {

std::string format_name(SourceFormat f) {
  switch (f) {
    case SourceFormat::code:
      return "code";
    case SourceFormat::dbmate:
      return "dbmate";
    case SourceFormat::flyway:
      return "flyway";
    case SourceFormat::golang_migrate:
      return "golang-migrate";
    case SourceFormat::migcmd_sql:
      return "migcmd";
  }
  return "?";
}

// "<format> <version> <name>[ down][ repeatable]" or "none": what a file name is taken for.
std::string detect(const std::string& file_name) {
  // Valid content for both sectioned formats: each sees the other's marker as a comment.
  auto s = parse_sql_migration(file_name, "-- migrate:up\n-- === UP Migration ===\nSELECT 1;\n",
                               "dir/" + file_name);
  if (!s) return "none";
  std::string out = format_name(s->format) + " " + s->version + " " + s->name;
  if (s->source.empty()) out += " down";
  if (s->kind == MigrationKind::repeatable) out += " repeatable";
  return out;
}

// The parse_error message of parsing `content` as `file_name`, or "no error".
std::string parse_error_of(const std::string& file_name, std::string_view content) {
  try {
    (void)parse_sql_migration(file_name, content, "m/" + file_name);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::parse_error) return "wrong code: " + std::string(e.what());
    return e.message();
  }
  return "no error";
}

std::string load_error_of(const std::filesystem::path& dir, ErrorCode expected) {
  try {
    (void)load_sql_migrations(dir);
  } catch (const Error& e) {
    if (e.code() != expected) return "wrong code: " + std::string(e.what());
    return e.message();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the file name says the format") {
  CHECK(detect("20250114120000_create_users.sql") == "dbmate 20250114120000 create_users");
  CHECK(detect("001_init.sql") == "dbmate 001 init");
  CHECK(detect("000001_create_users.up.sql") == "golang-migrate 000001 create_users");
  CHECK(detect("000001_create_users.down.sql") == "golang-migrate 000001 create_users down");
  CHECK(detect("V1__init.sql") == "flyway 1 init");
  CHECK(detect("V1_2__add_users.sql") == "flyway 1.2 add_users");
  CHECK(detect("V2.0.1__fix_it.sql") == "flyway 2.0.1 fix_it");
  CHECK(detect("U1_2__add_users.sql") == "flyway 1.2 add_users down");
  CHECK(detect("R__refresh_views.sql") == "flyway  refresh_views repeatable");
  CHECK(detect("V001_20250114_create_users.sql") == "migcmd 001 create_users");
  CHECK(detect("V12_20250114_add__two_parts.sql") == "migcmd 12 add__two_parts");
  // A double underscore right after the version is Flyway's separator.
  CHECK(detect("V1_20250114__x.sql") == "flyway 1.20250114 x");
  for (const char* other : {"README.sql", "schema.sql", "migcmd.sum", "notes.txt", "V1__.sql",
                            "R__.sql", "V_1__x.sql", "Vx__y.sql", "V001_2025_x.sql",
                            "20250114120000.sql", "1_x.SQL", "20250114120000_x.sql.bak"}) {
    INFO(other);
    CHECK(detect(other) == "none");
  }
}

TEST_CASE("dbmate: sections, their lines and the transaction option") {
  const char* content =
      "-- a leading comment\n"
      "-- migrate:up transaction:false\n"
      "CREATE TABLE users (id int);\n"
      "\n"
      "-- migrate:down\n"
      "DROP TABLE users;\n";
  auto s = parse_sql_migration("20250114120000_create_users.sql", content,
                               "db/migrations/20250114120000_create_users.sql");
  REQUIRE(s);
  CHECK(s->format == SourceFormat::dbmate);
  CHECK(s->kind == MigrationKind::versioned);
  CHECK(s->version == "20250114120000");
  CHECK(s->name == "create_users");
  CHECK(s->display_name() == "20250114120000_create_users");
  CHECK(s->source == "db/migrations/20250114120000_create_users.sql");
  CHECK(s->up_sql == "CREATE TABLE users (id int);\n\n");
  CHECK(s->up_line == 3);
  CHECK(s->has_down);
  CHECK(s->down_sql == "DROP TABLE users;\n");
  CHECK(s->down_line == 6);
  CHECK(s->down_source.empty());
  CHECK_FALSE(s->metadata.transactional);
  CHECK(s->metadata.down_transactional);
  CHECK(s->checksum == script_checksum("CREATE TABLE users (id int);"));
  CHECK(s->checksum == sha256_hex("CREATE TABLE users (id int);"));
  CHECK(s->down_checksum == sha256_hex("DROP TABLE users;"));

  // Statements split from a section carry the file's line numbers.
  auto statements = split_sql(s->down_sql, "postgres", s->source, s->down_line);
  REQUIRE(statements.size() == 1);
  CHECK(statements[0].line == 6);

  auto plain = parse_sql_migration(
      "1000_x.sql", "--migrate:up\nSELECT 1;\n--  migrate:down   transaction:false\nSELECT 2;", "");
  REQUIRE(plain);
  CHECK(plain->source == "1000_x.sql");
  CHECK(plain->up_sql == "SELECT 1;\n");
  CHECK(plain->down_sql == "SELECT 2;");
  CHECK(plain->metadata.transactional);
  CHECK_FALSE(plain->metadata.down_transactional);

  auto up_only = parse_sql_migration("1000_x.sql", "-- migrate:up\r\nSELECT 1;\r\n", "x");
  REQUIRE(up_only);
  CHECK_FALSE(up_only->has_down);
  CHECK(up_only->down_checksum.empty());
  CHECK(up_only->up_line == 2);
  CHECK(up_only->checksum == sha256_hex("SELECT 1;"));
}

TEST_CASE("dbmate: malformed files name file and line") {
  const std::string f = "20250101000000_x.sql";
  CHECK(parse_error_of(f, "-- nothing to see\n\n") ==
        "m/20250101000000_x.sql:1: no \"-- migrate:up\" section");
  CHECK(parse_error_of(f, "") == "m/20250101000000_x.sql:1: no \"-- migrate:up\" section");
  CHECK(parse_error_of(f, "-- note\nCREATE TABLE x (a int);\n-- migrate:up\n") ==
        "m/20250101000000_x.sql:2: SQL before \"-- migrate:up\"");
  CHECK(parse_error_of(f, "-- migrate:up\nSELECT 1;\n-- migrate:up\n") ==
        "m/20250101000000_x.sql:3: a second \"-- migrate:up\" (the first is on line 1)");
  CHECK(parse_error_of(f, "-- migrate:down\n-- migrate:up\n") ==
        "m/20250101000000_x.sql:1: \"-- migrate:down\" before \"-- migrate:up\"");
  CHECK(parse_error_of(f, "\n-- migrate:up transaction:maybe\n") ==
        "m/20250101000000_x.sql:2: transaction:maybe is neither true nor false");
  CHECK(parse_error_of(f, "-- migrate:up\nSELECT 1;\n-- migrate:dwon\n") ==
        "m/20250101000000_x.sql:3: unknown section \"migrate:dwon\"");
}

TEST_CASE("Flyway: versioned, undo and repeatable files") {
  const char* content = "-- add users\nCREATE TABLE users (id int);\n";
  auto v = parse_sql_migration("V1_2__add_users.sql", content, "sql/V1_2__add_users.sql");
  REQUIRE(v);
  CHECK(v->format == SourceFormat::flyway);
  CHECK(v->version == "1.2");
  CHECK(v->name == "add_users");
  CHECK(v->up_sql == content);
  CHECK(v->up_line == 1);
  CHECK(v->source == "sql/V1_2__add_users.sql");
  CHECK(v->checksum == sha256_hex("-- add users\nCREATE TABLE users (id int);"));
  CHECK_FALSE(v->has_down);

  auto u =
      parse_sql_migration("U1_2__add_users.sql", "DROP TABLE users;\n", "sql/U1_2__add_users.sql");
  REQUIRE(u);
  CHECK(u->version == "1.2");
  CHECK(u->source.empty());
  CHECK(u->has_down);
  CHECK(u->down_sql == "DROP TABLE users;\n");
  CHECK(u->down_source == "sql/U1_2__add_users.sql");
  CHECK(u->down_checksum == sha256_hex("DROP TABLE users;"));
  CHECK(u->checksum.empty());

  auto r = parse_sql_migration("R__views.sql", "CREATE VIEW v AS SELECT 1;", "sql/R__views.sql");
  REQUIRE(r);
  CHECK(r->kind == MigrationKind::repeatable);
  CHECK(r->version.empty());
  CHECK(r->name == "views");
  CHECK(r->display_name() == "R__views");
  CHECK(r->checksum == sha256_hex("CREATE VIEW v AS SELECT 1;"));

  // A byte order mark is not part of the script.
  auto bom = parse_sql_migration("V3__x.sql", "\xEF\xBB\xBFSELECT 1;", "V3__x.sql");
  REQUIRE(bom);
  CHECK(bom->up_sql == "SELECT 1;");
}

TEST_CASE("golang-migrate: up and down files") {
  auto up =
      parse_sql_migration("000001_init.up.sql", "CREATE TABLE t (a int);", "m/000001_init.up.sql");
  REQUIRE(up);
  CHECK(up->format == SourceFormat::golang_migrate);
  CHECK(up->version == "000001");
  CHECK(up->name == "init");
  CHECK(up->up_sql == "CREATE TABLE t (a int);");
  CHECK(up->source == "m/000001_init.up.sql");
  auto down =
      parse_sql_migration("000001_init.down.sql", "DROP TABLE t;", "m/000001_init.down.sql");
  REQUIRE(down);
  CHECK(down->has_down);
  CHECK(down->down_sql == "DROP TABLE t;");
  CHECK(down->down_source == "m/000001_init.down.sql");
  CHECK(down->down_line == 1);
}

TEST_CASE("migcmd format: header and sections") {
  const char* content =
      "-- Migration: create_users\n"
      "-- Version: 1\n"
      "-- Database: postgres\n"
      "-- Author: Ada Lovelace <ada@example.com>\n"
      "-- Created: 2025-01-14T09:30:00Z\n"
      "-- Description: Users: who may log in\n"
      "-- Dependencies: 0, 1.5 , ,2\n"
      "-- Note: ordinary comments may look like keys\n"
      "\n"
      "-- === UP Migration ===\n"
      "CREATE TABLE users (id int);\n"
      "-- Version: 99 (only a comment here)\n"
      "-- ===========================\n"
      "-- === DOWN Migration ===\n"
      "DROP TABLE users;\n";
  auto s = parse_sql_migration("V001_20250114_create_users.sql", content,
                               "m/V001_20250114_create_users.sql");
  REQUIRE(s);
  CHECK(s->format == SourceFormat::migcmd_sql);
  CHECK(s->version == "001");
  CHECK(s->name == "create_users");
  CHECK(s->metadata.database == "postgres");
  CHECK(s->metadata.author == "Ada Lovelace <ada@example.com>");
  CHECK(s->metadata.created == "2025-01-14T09:30:00Z");
  CHECK(s->metadata.description == "Users: who may log in");
  CHECK(s->metadata.dependencies == std::vector<std::string>{"0", "1.5", "2"});
  CHECK(s->metadata.transactional);
  CHECK(s->up_sql ==
        "CREATE TABLE users (id int);\n-- Version: 99 (only a comment here)\n"
        "-- ===========================\n");
  CHECK(s->up_line == 11);
  CHECK(s->has_down);
  CHECK(s->down_sql == "DROP TABLE users;\n");
  CHECK(s->down_line == 15);
  CHECK(s->checksum == script_checksum(s->up_sql));
  CHECK(s->down_checksum == sha256_hex("DROP TABLE users;"));

  auto minimal = parse_sql_migration("V7_20240229_x.sql",
                                     "-- Dependencies: none\n-- Transactional: false\n"
                                     "-- Tags: slow, data\n--=== up ===\nSELECT 1;",
                                     "V7_20240229_x.sql");
  REQUIRE(minimal);
  CHECK(minimal->metadata.created == "20240229");  // from the file name
  CHECK(minimal->metadata.dependencies.empty());
  CHECK(minimal->metadata.tags == std::vector<std::string>{"slow", "data"});
  CHECK_FALSE(minimal->metadata.transactional);
  CHECK(minimal->up_sql == "SELECT 1;");
  CHECK(minimal->up_line == 5);
  CHECK_FALSE(minimal->has_down);
}

TEST_CASE("migcmd format: malformed files name file and line") {
  const std::string f = "V001_20250114_x.sql";
  CHECK(parse_error_of(f, "-- Migration: x\n-- Version: 2\n-- === UP Migration ===\nSELECT 1;") ==
        "m/V001_20250114_x.sql:2: the header says version 2 but the file name says 001");
  CHECK(parse_error_of(f, "-- Migration: x\nSELECT 1;\n") ==
        "m/V001_20250114_x.sql:2: SQL before \"-- === UP Migration ===\"");
  CHECK(parse_error_of(f, "-- Migration: x\n") ==
        "m/V001_20250114_x.sql:1: no \"-- === UP Migration ===\" section");
  CHECK(parse_error_of(f, "-- === DOWN Migration ===\n-- === UP Migration ===\n") ==
        "m/V001_20250114_x.sql:1: the DOWN section comes before the UP section");
  CHECK(parse_error_of(f, "-- === UP Migration ===\n\n-- === UP Migration ===\n") ==
        "m/V001_20250114_x.sql:3: a second UP section (the first starts on line 1)");
  CHECK(parse_error_of(f, "-- Transactional: sometimes\n-- === UP Migration ===\n") ==
        "m/V001_20250114_x.sql:1: Transactional: sometimes is neither true nor false");
}

TEST_CASE("a directory of mixed formats loads in version order with downs paired") {
  const std::filesystem::path dir = MIGCMD_MIGRATIONS_DATA "/mixed";
  auto scripts = load_sql_migrations(dir);
  REQUIRE(scripts.size() == 5);
  auto path = [&](const char* name) { return (dir / name).string(); };

  CHECK(scripts[0].display_name() == "0001_create_users");
  CHECK(scripts[0].format == SourceFormat::golang_migrate);
  CHECK(scripts[0].source == path("0001_create_users.up.sql"));
  CHECK(scripts[0].has_down);
  CHECK(scripts[0].down_sql == "DROP TABLE users;\n");
  CHECK(scripts[0].down_source == path("0001_create_users.down.sql"));
  CHECK(scripts[0].down_checksum == sha256_hex("DROP TABLE users;"));

  CHECK(scripts[1].display_name() == "2_add_orders");
  CHECK(scripts[1].format == SourceFormat::flyway);
  CHECK(scripts[1].source == path("V2__add_orders.sql"));
  CHECK(scripts[1].down_source == path("U2__add_orders.sql"));
  CHECK(scripts[1].down_sql == "DROP TABLE orders;\n");

  CHECK(scripts[2].display_name() == "003_add_order_total");
  CHECK(scripts[2].format == SourceFormat::migcmd_sql);
  CHECK(scripts[2].metadata.author == "Ada Lovelace");
  CHECK(scripts[2].metadata.dependencies == std::vector<std::string>{"2", "0001"});
  CHECK(scripts[2].up_line == 10);
  CHECK(scripts[2].down_line == 14);
  CHECK(scripts[2].down_source.empty());
  auto up = split_sql(scripts[2].up_sql, "sqlite", scripts[2].source, scripts[2].up_line);
  REQUIRE(up.size() == 2);
  CHECK(up[0].text == "ALTER TABLE orders ADD COLUMN total NUMERIC NOT NULL DEFAULT 0");
  CHECK(up[0].line == 10);
  CHECK(up[1].text == "CREATE INDEX orders_total ON orders (total)");
  CHECK(up[1].line == 11);

  CHECK(scripts[3].display_name() == "20250114120000_add_view");
  CHECK(scripts[3].format == SourceFormat::dbmate);
  CHECK(scripts[3].up_line == 2);
  CHECK(scripts[3].down_sql == "DROP VIEW big_orders;\n");

  CHECK(scripts[4].display_name() == "R__refresh_stats");
  CHECK(scripts[4].kind == MigrationKind::repeatable);
  CHECK_FALSE(scripts[4].has_down);
}

TEST_CASE("loading: orphan downs, duplicate versions, unreadable directories") {
  {
    TempDir d;
    d.write("1_a.up.sql", "SELECT 1;");
    d.write("2_b.down.sql", "SELECT 2;");
    CHECK(load_error_of(d.path(), ErrorCode::parse_error) ==
          (d.path() / "2_b.down.sql").string() + ":1: down migration without its up migration");
  }
  {
    TempDir d;
    d.write("U3__c.sql", "DROP TABLE c;");
    CHECK(load_error_of(d.path(), ErrorCode::parse_error) ==
          (d.path() / "U3__c.sql").string() + ":1: undo migration without its versioned migration");
  }
  {
    // Versions pair numerically; an undo does not pair with a golang-migrate up.
    TempDir d;
    d.write("01_a.up.sql", "SELECT 1;");
    d.write("1_a.down.sql", "SELECT 2;");
    d.write("U1__a.sql", "SELECT 3;");
    CHECK(load_error_of(d.path(), ErrorCode::parse_error) ==
          (d.path() / "U1__a.sql").string() + ":1: undo migration without its versioned migration");
  }
  {
    TempDir d;
    d.write("V1__a.sql", "SELECT 1;");
    d.write("U1__a.sql", "SELECT 2;");
    d.write("U1.0__b.sql", "SELECT 3;");
    CHECK(load_error_of(d.path(), ErrorCode::parse_error) ==
          (d.path() / "U1__a.sql").string() + ":1: version 1 already has an undo script in " +
              (d.path() / "U1.0__b.sql").string());
  }
  {
    TempDir d;
    d.write("1_a.up.sql", "SELECT 1;");
    d.write("V1__b.sql", "SELECT 2;");
    std::string message = load_error_of(d.path(), ErrorCode::invalid_migration);
    CHECK(message.find((d.path() / "1_a.up.sql").string()) != std::string::npos);
    CHECK(message.find((d.path() / "V1__b.sql").string()) != std::string::npos);
  }
  {
    TempDir d;
    d.write("20250101000000_broken.sql", "CREATE TABLE x (a int);\n");
    CHECK(load_error_of(d.path(), ErrorCode::parse_error) ==
          (d.path() / "20250101000000_broken.sql").string() + ":1: SQL before \"-- migrate:up\"");
  }
  {
    // Directories, the sum file and other names are not migrations.
    TempDir d;
    std::filesystem::create_directory(d.path() / "V5__folder.sql");
    d.write("migcmd.sum", "h1:x\n");
    d.write("README.md", "# migrations");
    d.write("V1__a.sql", "SELECT 1;");
    auto scripts = load_sql_migrations(d.path());
    REQUIRE(scripts.size() == 1);
    CHECK(scripts[0].version == "1");
  }
  {
    TempDir d;
    CHECK(load_sql_migrations(d.path()).empty());
    auto missing = d.path() / "nope";
    std::string message = load_error_of(missing, ErrorCode::io_error);
    CHECK(message.rfind("cannot read migration directory " + missing.string() + ": ", 0) == 0);
  }
}

TEST_CASE("versions compare numerically, segment by segment") {
  CHECK(compare_versions("2", "10") < 0);
  CHECK(compare_versions("000002", "2") == 0);
  CHECK(compare_versions("1.2", "1.2.0") == 0);
  CHECK(compare_versions("1.2.0", "1.2") == 0);
  CHECK(compare_versions("1.2", "1.2.1") < 0);
  CHECK(compare_versions("1.10", "1.9") > 0);
  CHECK(compare_versions("1_1", "1.1") == 0);  // Flyway writes 1_1 for 1.1
  CHECK(compare_versions("20250101000000", "20241231235959") > 0);
  CHECK(compare_versions("99999999999999999999999", "100000000000000000000000") < 0);
  CHECK(compare_versions("1.a", "1.b") < 0);  // not numbers: as text
  CHECK(compare_versions("", "") == 0);
  CHECK(compare_versions("", "1") < 0);
}

TEST_CASE("sorting migrations: in order already, out of order, the same version twice") {
  auto script = [](std::string version, std::string source) {
    MigrationScript s;
    s.version = std::move(version);
    s.name = "m";
    s.source = std::move(source);
    return s;
  };
  std::vector<MigrationScript> sorted{script("1", "a"), script("2", "b"), script("10", "c")};
  CHECK(migrations_in_order(sorted));
  std::vector<MigrationScript> shuffled{script("10", "c"), script("1", "a"), script("2", "b")};
  CHECK_FALSE(migrations_in_order(shuffled));
  sort_migrations(shuffled);
  CHECK(shuffled.at(0).source == "a");
  CHECK(shuffled.at(1).source == "b");
  CHECK(shuffled.at(2).source == "c");
  // The same version twice is never "in order", sorted or not, and sorting names both files.
  std::vector<MigrationScript> twice{script("1", "a"), script("01", "b")};
  CHECK_FALSE(migrations_in_order(twice));
  try {
    sort_migrations(twice);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_migration);
    CHECK(e.message() == "two migrations have version 1: a and b");
  }
}

TEST_CASE("a migration file larger than one read, and an empty one, load whole") {
  TempDir d;
  std::string big = "-- migrate:up\n";
  while (big.size() < 300000) big += "INSERT INTO t VALUES ('" + std::string(100, 'x') + "');\n";
  d.write("20250101000000_big.sql", big);
  d.write("V2__empty.sql", "");
  auto scripts = load_sql_migrations(d.path());
  REQUIRE(scripts.size() == 2);
  CHECK(scripts[0].up_sql.empty());  // version 2 comes first
  CHECK(scripts[1].up_sql.size() == big.size() - std::string("-- migrate:up\n").size());
  CHECK(scripts[1].checksum == script_checksum(scripts[1].up_sql));
}
