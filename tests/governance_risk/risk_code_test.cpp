// Code migrations: their operations' meaning and the SQL the dialect renders for them, the
// model replayed across migrations, raw SQL checked statement by statement.

#include <doctest/doctest.h>

#include "migcmd/governance/risk.hpp"
#include "risk_support.hpp"

using migcmd::MigrationBuilder;
using migcmd::Type;
using migcmd::governance::analyze;
using risk_test::active_codes;
using risk_test::code_migration;
using risk_test::dialect;

namespace {

void create_users(MigrationBuilder& b) {
  b.create_table("users", [](migcmd::TableBuilder& t) {
    t.column("id", Type::int64()).not_null().identity();
    t.column("email", Type::string(100));
    t.column("age", Type::int32());
    t.primary_key({"id"});
  });
}

}  // namespace

TEST_CASE("a later migration's type change is judged against the replayed model") {
  const std::vector<migcmd::MigrationScript> list = {
      code_migration(create_users, "1"),
      code_migration(
          [](MigrationBuilder& b) { b.alter_column("users", "email").type(Type::string(50)); },
          "2"),
      code_migration(
          [](MigrationBuilder& b) { b.alter_column("users", "age").type(Type::int64()); }, "3"),
  };
  const auto report = analyze(list, dialect("postgres"));
  INFO(risk_test::dump(report));
  REQUIRE(report.findings.size() == 3);
  CHECK(report.findings[0].code == "MG111");
  CHECK(report.findings[0].migration == "2_code_test");
  CHECK(report.findings[0].message ==
        "changes column email of table users from string(100) to string(50)");
  CHECK(report.findings[1].code == "MG404");
  CHECK(report.findings[2].code == "MG404");  // int32 -> int64 widens but rewrites on PostgreSQL
  CHECK(report.findings[2].migration == "3_code_test");
  CHECK(report.findings[2].sql.find("ALTER TABLE \"users\" ALTER COLUMN \"age\" TYPE") !=
        std::string::npos);

  // Alone, the second migration does not know the old type: it says so.
  const auto alone = analyze(list[1], dialect("postgres"));
  CHECK(active_codes(alone) == std::vector<std::string>{"MG203", "MG404"});
  CHECK(alone.findings[0].message.find("unknown") != std::string::npos);
}

TEST_CASE("SQLite table rebuilds are judged on the operation, not on the rebuild's SQL") {
  const std::vector<migcmd::MigrationScript> list = {
      code_migration(create_users, "1"),
      code_migration([](MigrationBuilder& b) { b.alter_column("users", "email").not_null(); }, "2"),
  };
  const auto report = analyze(list, dialect("sqlite"));
  INFO(risk_test::dump(report));
  // The rebuild drops and renames a table, but the migration only makes a column NOT NULL.
  CHECK(active_codes(report) == std::vector<std::string>{"MG304"});
  CHECK(report.findings[0].sql.find("DROP TABLE") != std::string::npos);
}

TEST_CASE("a table created by a migration is new only within that migration") {
  const auto same = analyze(code_migration([](MigrationBuilder& b) {
                              create_users(b);
                              b.create_index("users_email", "users", {"email"}).unique();
                              b.add_column("users", "tier", Type::text()).not_null();
                            }),
                            dialect("postgres"));
  CHECK(active_codes(same).empty());

  const std::vector<migcmd::MigrationScript> list = {
      code_migration(create_users, "1"),
      code_migration(
          [](MigrationBuilder& b) { b.create_index("users_email", "users", {"email"}).unique(); },
          "2"),
  };
  CHECK(active_codes(analyze(list, dialect("postgres"))) ==
        std::vector<std::string>{"MG301", "MG401"});
}

TEST_CASE("raw SQL in a code migration is checked statement by statement") {
  const auto report =
      analyze(code_migration([](MigrationBuilder& b) {
                b.sql("UPDATE users SET a = 1; DELETE FROM sessions").on("mysql", "SELECT 1");
              }),
              dialect("postgres"));
  CHECK(active_codes(report) == std::vector<std::string>{"MG108", "MG107"});
  CHECK(report.findings[0].statement == 1);
  CHECK(report.findings[1].statement == 1);
  // The dialect's own variant is the one checked.
  CHECK(active_codes(analyze(code_migration([](MigrationBuilder& b) {
                               b.sql("DELETE FROM sessions").on("mysql", "SELECT 1");
                             }),
                             dialect("mysql")))
            .empty());
}

TEST_CASE("a non-transactional code migration may use CONCURRENTLY") {
  auto m = code_migration(
      [](MigrationBuilder& b) { b.sql("CREATE INDEX CONCURRENTLY users_email ON users (email)"); });
  CHECK(active_codes(analyze(m, dialect("postgres"))) == std::vector<std::string>{"MG501"});
  m.metadata.transactional = false;
  CHECK(active_codes(analyze(m, dialect("postgres"))).empty());
}

TEST_CASE("a finding is not repeated by the rendered SQL") {
  // PostgreSQL renders ADD CONSTRAINT ... UNIQUE: the operation's MG301 is not said twice.
  const auto report = analyze(
      code_migration([](MigrationBuilder& b) { b.add_unique("users_email", "users", {"email"}); }),
      dialect("postgres"));
  CHECK(active_codes(report) == std::vector<std::string>{"MG301", "MG408"});
}
