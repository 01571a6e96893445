// Waivers: "-- migcmd:allow" for the next statement, "-- migcmd:allow-file" for the script,
// MigrationMetadata::waivers for code migrations; a reason is required; waived findings stay in
// the report and do not count.

#include <doctest/doctest.h>

#include "migcmd/governance/risk.hpp"
#include "risk_support.hpp"

using migcmd::governance::analyze;
using migcmd::governance::RiskLevel;
using risk_test::active_codes;
using risk_test::dialect;
using risk_test::sql_migration;

TEST_CASE("a statement waiver covers the next statement only, with its reason") {
  const auto report = analyze(sql_migration("-- migcmd:allow drop_column: data moved in V041\n"
                                            "ALTER TABLE users DROP COLUMN legacy;\n"
                                            "ALTER TABLE orders DROP COLUMN legacy;\n"),
                              dialect("postgres"));
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].code == "MG101");
  REQUIRE(report.findings[0].waiver);
  CHECK(*report.findings[0].waiver == "data moved in V041");
  CHECK_FALSE(report.findings[1].waived());  // the second statement is not covered
  CHECK(report.findings[1].message == "drops column legacy of table orders");
  CHECK(report.level() == RiskLevel::high);
}

TEST_CASE("a waiver inside a statement covers that statement; one after its end, the next") {
  const auto report = analyze(sql_migration("ALTER TABLE users\n"
                                            "  -- migcmd:allow drop_column: unused since 2019\n"
                                            "  DROP COLUMN fax;\n"
                                            "ALTER TABLE users DROP COLUMN pager; "
                                            "-- migcmd:allow drop_column: the next one\n"
                                            "ALTER TABLE users DROP COLUMN telex;\n"),
                              dialect("postgres"));
  REQUIRE(report.findings.size() == 3);
  CHECK(report.findings[0].waiver == std::optional<std::string>("unused since 2019"));
  CHECK_FALSE(report.findings[1].waived());
  CHECK(report.findings[1].message == "drops column pager of table users");
  CHECK(report.findings[2].waiver == std::optional<std::string>("the next one"));
}

TEST_CASE("a waived finding stays in the report and does not count") {
  const auto report = analyze(sql_migration("/* migcmd:allow MG102: archived to S3 */ DROP TABLE "
                                            "audit_2019;"),
                              dialect("postgres"));
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].code == "MG102");
  CHECK(report.findings[0].level == RiskLevel::critical);
  CHECK(report.findings[0].waiver == std::optional<std::string>("archived to S3"));
  CHECK(report.level() == RiskLevel::low);
  CHECK_FALSE(report.reaches(RiskLevel::low));
}

TEST_CASE("a waiver names several rules by name or code, in any case") {
  const auto report =
      analyze(sql_migration("-- migcmd:allow DROP_COLUMN, mg203 , alter_type_rewrite: tiny table\n"
                            "ALTER TABLE flags DROP COLUMN a, ALTER COLUMN b TYPE bigint;"),
              dialect("postgres"));
  REQUIRE(report.findings.size() == 3);
  for (const auto& f : report.findings) {
    CAPTURE(f.code);
    CHECK(f.waiver == std::optional<std::string>("tiny table"));
  }
}

TEST_CASE("a waiver covers only the rules it names") {
  const auto report = analyze(sql_migration("-- migcmd:allow drop_column: moved\n"
                                            "ALTER TABLE t DROP COLUMN a, RENAME COLUMN b TO c;"),
                              dialect("postgres"));
  CHECK(active_codes(report) == std::vector<std::string>{"MG202"});
  CHECK(report.findings.size() == 2);
}

TEST_CASE("a file waiver covers every statement of the script") {
  const auto report = analyze(sql_migration("SELECT 1;\n"
                                            "DROP TABLE a;\n"
                                            "-- migcmd:allow-file drop_table: retiring the v1 API\n"
                                            "DROP TABLE b;\n"
                                            "TRUNCATE c;\n"),
                              dialect("postgres"));
  REQUIRE(report.findings.size() == 3);
  CHECK(report.findings[0].waiver == std::optional<std::string>("retiring the v1 API"));
  CHECK(report.findings[1].waiver == std::optional<std::string>("retiring the v1 API"));
  CHECK(report.findings[2].code == "MG105");
  CHECK_FALSE(report.findings[2].waived());
}

TEST_CASE("a waiver without a reason is a finding and waives nothing") {
  const auto report = analyze(sql_migration("SELECT 1;\n"
                                            "-- migcmd:allow drop_table\n"
                                            "DROP TABLE users;\n"),
                              dialect("postgres"));
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].code == "MG590");
  CHECK(report.findings[0].level == RiskLevel::medium);
  CHECK(report.findings[0].line == 2);
  CHECK(report.findings[0].statement == 2);
  CHECK(report.findings[0].message.find("migcmd:allow drop_table") != std::string::npos);
  CHECK(report.findings[1].code == "MG102");
  CHECK_FALSE(report.findings[1].waived());
  CHECK(report.level() == RiskLevel::critical);

  // A waiver of the waiver rule itself does not hide the finding.
  const auto self = analyze(sql_migration("-- migcmd:allow-file MG590: no\n"
                                          "-- migcmd:allow drop_table\nDROP TABLE users;"),
                            dialect("postgres"));
  CHECK(active_codes(self) == std::vector<std::string>{"MG590", "MG102"});
}

TEST_CASE("a waiver naming an unknown rule is a finding; its known rules still waive") {
  const auto report =
      analyze(sql_migration("-- migcmd:allow drop_tabel, truncate: emptied on purpose\n"
                            "TRUNCATE users;\nDROP TABLE users;"),
              dialect("postgres"));
  CHECK(active_codes(report) == std::vector<std::string>{"MG591", "MG102"});
  REQUIRE(report.findings.size() == 3);
  CHECK(report.findings[1].code == "MG105");
  CHECK(report.findings[1].waived());
  CHECK(report.findings[0].message.find("drop_tabel") != std::string::npos);
}

TEST_CASE("waiver look-alikes in strings, or other comments, are not waivers") {
  CHECK(active_codes(
            analyze(sql_migration("INSERT INTO notes VALUES ('-- migcmd:allow drop_table: x');\n"
                                  "DROP TABLE users;"),
                    dialect("postgres"))) == std::vector<std::string>{"MG102"});
  CHECK(active_codes(analyze(sql_migration("-- migcmd:allowance drop_table: x\nDROP TABLE users;"),
                             dialect("postgres"))) == std::vector<std::string>{"MG102"});
  CHECK(active_codes(analyze(sql_migration("-- see migcmd:allow drop_table: x\nDROP TABLE users;"),
                             dialect("postgres"))) == std::vector<std::string>{"MG102"});
}

TEST_CASE("a waiver after the last statement waives nothing but is still checked") {
  const auto report =
      analyze(sql_migration("DROP TABLE users;\n-- migcmd:allow drop_table: too late"),
              dialect("postgres"));
  CHECK(active_codes(report) == std::vector<std::string>{"MG102"});
  const auto missing =
      analyze(sql_migration("SELECT 1;\n-- migcmd:allow drop_table"), dialect("postgres"));
  REQUIRE(missing.findings.size() == 1);
  CHECK(missing.findings[0].code == "MG590");
  CHECK(missing.findings[0].statement == 0);
}

TEST_CASE("code migrations waive in their metadata") {
  auto m = risk_test::code_migration([](migcmd::MigrationBuilder& b) {
    b.drop_table("sessions");
    b.drop_column("users", "legacy");
  });
  m.metadata.waivers = {{"drop_table", "sessions moved to Redis"}};
  const auto report = analyze(m, dialect("postgres"));
  REQUIRE(report.findings.size() == 2);
  CHECK(report.findings[0].code == "MG102");
  CHECK(report.findings[0].waiver == std::optional<std::string>("sessions moved to Redis"));
  CHECK(report.findings[0].statement == 1);
  CHECK(report.findings[0].line == 0);
  CHECK(report.findings[0].source == "code");
  CHECK(report.findings[1].code == "MG101");
  CHECK_FALSE(report.findings[1].waived());
  CHECK(migcmd::governance::location(report.findings[1]) == "1_code_test operation 2");

  m.metadata.waivers = {{"MG102", ""}};
  const auto no_reason = analyze(m, dialect("postgres"));
  CHECK(active_codes(no_reason) == std::vector<std::string>{"MG590", "MG102", "MG101"});
}
