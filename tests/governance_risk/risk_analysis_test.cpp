// How SQL migrations are read: statements with their lines, comments and string literals that
// never trigger a rule, quoted identifiers, case, dialect quoting; the report's level and the
// lines lint prints.

#include <doctest/doctest.h>

#include "migcmd/error.hpp"
#include "migcmd/governance/risk.hpp"
#include "risk_support.hpp"

using migcmd::governance::analyze;
using migcmd::governance::RiskLevel;
using risk_test::active_codes;
using risk_test::dialect;
using risk_test::sql_migration;

namespace {

std::vector<std::string> codes_of(const std::string& sql, const std::string& db = "postgres",
                                  bool transactional = true) {
  return active_codes(analyze(sql_migration(sql, transactional), dialect(db)));
}

}  // namespace

TEST_CASE("comments and string literals never trigger a rule") {
  CHECK(codes_of("INSERT INTO t VALUES ('DROP TABLE x');").empty());
  CHECK(codes_of("INSERT INTO t VALUES ('x''; DROP TABLE y; --');").empty());
  CHECK(codes_of("INSERT INTO t VALUES (E'\\'; TRUNCATE users; --');").empty());
  CHECK(codes_of("-- DROP TABLE users;\nSELECT 1;").empty());
  CHECK(codes_of("/* TRUNCATE users; DELETE FROM users; */ SELECT 1;").empty());
  CHECK(codes_of("/* nested /* DROP TABLE a; */ DROP TABLE b; */ SELECT 1;").empty());
  CHECK(codes_of("SELECT $body$ DROP TABLE users; $body$;").empty());
  CHECK(codes_of("COMMENT ON TABLE users IS 'do not DROP TABLE users';").empty());
  CHECK(codes_of("INSERT INTO t VALUES (\"DROP TABLE x\");", "mysql").empty());
  CHECK(codes_of("INSERT INTO t VALUES ('it\\'s; DROP TABLE x');", "mysql").empty());
  CHECK(codes_of("# DROP TABLE users\nSELECT 1;", "mysql").empty());
  CHECK(codes_of("INSERT INTO t VALUES ('DELETE FROM users');", "sqlite").empty());
  // An identifier that merely looks like a keyword.
  CHECK(codes_of("INSERT INTO \"drop table\" VALUES (1);").empty());
  // MySQL runs the content of /*! */ comments: it is code.
  CHECK(codes_of("/*!40101 DROP TABLE users */;", "mysql") == std::vector<std::string>{"MG102"});
}

TEST_CASE("keywords in any case, quoted identifiers named in messages") {
  const auto report =
      analyze(sql_migration("alter TABLE \"Users\" Drop Column \"E-mail\";"), dialect("postgres"));
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].code == "MG101");
  CHECK(report.findings[0].message == "drops column E-mail of table Users");
  CHECK(report.findings[0].suggestion == migcmd::governance::find_risk_rule("MG101")->safer);

  const auto mysql =
      analyze(sql_migration("ALTER TABLE `shop`.`order items` DROP `note`;"), dialect("mysql"));
  REQUIRE(mysql.findings.size() == 1);
  CHECK(mysql.findings[0].message == "drops column note of table shop.order items");

  const auto sqlite = analyze(sql_migration("DROP TABLE [old data];"), dialect("sqlite"));
  REQUIRE(sqlite.findings.size() == 1);
  CHECK(sqlite.findings[0].message == "drops table old data");
}

TEST_CASE("findings name the file, the line and the statement") {
  auto m = sql_migration(
      "CREATE TABLE t (id bigint PRIMARY KEY);\n"
      "\n"
      "-- the old table goes\n"
      "DROP TABLE\n"
      "  old_t;\n"
      "UPDATE users SET a = 1; DELETE FROM b;\n",
      false);
  m.up_line = 5;  // the script starts on line 5 of its file (after a header)
  const auto report = analyze(m, dialect("postgres"));
  REQUIRE(report.findings.size() == 3);
  CHECK(report.findings[0].code == "MG102");
  CHECK(report.findings[0].line == 8);
  CHECK(report.findings[0].statement == 2);
  CHECK(report.findings[0].sql == "DROP TABLE\n  old_t");
  CHECK(report.findings[0].source == "migrations/V1__test.sql");
  CHECK(report.findings[0].migration == "1_test");
  CHECK(report.findings[1].code == "MG108");
  CHECK(report.findings[1].line == 10);
  CHECK(report.findings[1].statement == 3);
  CHECK(report.findings[2].code == "MG107");
  CHECK(report.findings[2].line == 10);
  CHECK(report.findings[2].statement == 4);
  CHECK(migcmd::governance::location(report.findings[0]) == "migrations/V1__test.sql:8");
}

TEST_CASE("the down direction is analysed on its own script and file") {
  auto m = sql_migration("CREATE TABLE t (id bigint);");
  m.has_down = true;
  m.down_sql = "DROP TABLE t;";
  m.down_line = 1;
  m.down_source = "migrations/000001_test.down.sql";
  CHECK(analyze(m, dialect("postgres")).findings.empty());
  const auto down = analyze(m, dialect("postgres"), migcmd::Direction::down);
  REQUIRE(down.findings.size() == 1);
  CHECK(down.findings[0].code == "MG102");
  CHECK(down.findings[0].source == "migrations/000001_test.down.sql");
}

TEST_CASE("the report's level is its highest finding that is not waived") {
  migcmd::governance::RiskReport empty;
  CHECK(empty.level() == RiskLevel::low);
  CHECK_FALSE(empty.reaches(RiskLevel::low));

  const auto report =
      analyze(sql_migration("CREATE TABLE t (code char(2));\nALTER TABLE u DROP COLUMN c;"),
              dialect("postgres"));
  CHECK(active_codes(report) == std::vector<std::string>{"MG603", "MG101"});
  CHECK(report.level() == RiskLevel::high);
  CHECK(report.reaches(RiskLevel::high));
  CHECK(report.reaches(RiskLevel::low));
  CHECK_FALSE(report.reaches(RiskLevel::critical));
}

TEST_CASE("format_finding prints the lint lines") {
  const auto report =
      analyze(sql_migration("-- migcmd:allow drop_column: moved to user_profiles in V7\n"
                            "ALTER TABLE users DROP COLUMN bio;"),
              dialect("postgres"));
  REQUIRE(report.findings.size() == 1);
  CHECK(migcmd::governance::format_finding(report.findings[0]) ==
        "migrations/V1__test.sql:2  HIGH  MG101 drop_column  drops column bio of table users\n"
        "    suggestion: " +
            migcmd::governance::find_risk_rule("MG101")->safer +
            "\n"
            "    waived: moved to user_profiles in V7\n");
}

TEST_CASE("a script the splitter rejects is an error naming the file") {
  CHECK_THROWS_WITH_AS((void)analyze(sql_migration("SELECT 'unterminated;"), dialect("postgres")),
                       doctest::Contains("V1__test.sql"), migcmd::Error);
}

TEST_CASE("dialect-specific rules stay on their dialect") {
  const std::string sql = "CREATE INDEX users_email ON users (email);";
  CHECK(codes_of(sql, "postgres") == std::vector<std::string>{"MG401"});
  CHECK(codes_of(sql, "mysql").empty());
  CHECK(codes_of(sql, "sqlite").empty());
  CHECK(codes_of("ALTER TABLE t MODIFY c bigint;", "mysql") ==
        std::vector<std::string>{"MG203", "MG420"});
}

TEST_CASE("a statement can break several rules") {
  CHECK(codes_of("ALTER TABLE users ADD COLUMN id2 serial PRIMARY KEY, DROP COLUMN legacy;") ==
        std::vector<std::string>{"MG601", "MG606", "MG403", "MG408", "MG101"});
}

TEST_CASE("the migration's own tables are tracked, also across schemas and quoting") {
  CHECK(codes_of("CREATE TABLE app.t (id bigint, c text);\n"
                 "ALTER TABLE app.t ALTER COLUMN c SET NOT NULL;\n"
                 "CREATE INDEX t_c ON app.t (c);")
            .empty());
  CHECK(codes_of("CREATE TABLE \"T\" (id bigint);\nDROP TABLE t;") ==
        std::vector<std::string>{"MG102"});  // "T" and t are different tables
  CHECK(codes_of("CREATE TABLE T (id bigint);\nDROP TABLE \"t\";").empty());
  CHECK(codes_of("CREATE TABLE a.t (id bigint);\nDROP TABLE b.t;") ==
        std::vector<std::string>{"MG102"});
}
