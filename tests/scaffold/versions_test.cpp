// The next migration's version and file format, from the files already in the directory.

#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <regex>

#include "migcmd/scaffold.hpp"
#include "scaffold/temp_dir.hpp"

using migcmd::SqlFileFormat;
using migcmd_test::ScaffoldDir;

namespace {

std::string utc_now_stamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y%m%d%H%M%S", &tm);
  return buffer;
}

std::string next(const ScaffoldDir& dir, SqlFileFormat format) {
  return migcmd::next_migration_version(dir.path(), format);
}

}  // namespace

TEST_CASE("the format of a directory is the one most of its migration files have") {
  ScaffoldDir dir;
  CHECK(migcmd::detect_sql_file_format(dir.path()) == SqlFileFormat::dbmate);
  CHECK(migcmd::detect_sql_file_format(dir.path() / "missing") == SqlFileFormat::dbmate);
  dir.write("README.sql", "-- not a migration");
  dir.write("notes.txt", "");
  CHECK(migcmd::detect_sql_file_format(dir.path()) == SqlFileFormat::dbmate);

  ScaffoldDir flyway;
  flyway.write("V1__a.sql", "");
  flyway.write("U1__a.sql", "");
  flyway.write("R__views.sql", "");
  CHECK(migcmd::detect_sql_file_format(flyway.path()) == SqlFileFormat::flyway);

  ScaffoldDir golang;
  golang.write("000001_a.up.sql", "");
  golang.write("000001_a.down.sql", "");
  CHECK(migcmd::detect_sql_file_format(golang.path()) == SqlFileFormat::golang_migrate);

  ScaffoldDir own;
  own.write("V001_20250114_a.sql", "");
  own.write("V002_20250115_b.sql", "");
  own.write("20250101000000_old.sql", "");  // one dbmate file among them
  CHECK(migcmd::detect_sql_file_format(own.path()) == SqlFileFormat::migcmd);

  ScaffoldDir dbmate;
  dbmate.write("20250101000000_a.sql", "");
  CHECK(migcmd::detect_sql_file_format(dbmate.path()) == SqlFileFormat::dbmate);
}

TEST_CASE("dbmate: the current UTC time, or one past a newer file") {
  ScaffoldDir dir;
  const std::string before = utc_now_stamp();
  const std::string version = next(dir, SqlFileFormat::dbmate);
  CHECK(std::regex_match(version, std::regex(R"(\d{14})")));
  CHECK(version >= before);
  CHECK(version <= utc_now_stamp());

  dir.write("99990101000000_from_the_future.sql", "");
  CHECK(next(dir, SqlFileFormat::dbmate) == "99990101000001");
  dir.write("99990101000001_generated.hpp", "");  // any numbered file counts, C++ ones too
  CHECK(next(dir, SqlFileFormat::dbmate) == "99990101000002");

  ScaffoldDir old;
  old.write("20000101000000_old.sql", "");
  CHECK(next(old, SqlFileFormat::dbmate) >= before);
}

TEST_CASE("flyway, golang-migrate and migcmd: the newest number plus one, as wide as it was") {
  ScaffoldDir empty;
  CHECK(next(empty, SqlFileFormat::flyway) == "1");
  CHECK(next(empty, SqlFileFormat::golang_migrate) == "000001");
  CHECK(next(empty, SqlFileFormat::migcmd) == "001");

  ScaffoldDir flyway;
  flyway.write("V1__a.sql", "");
  flyway.write("V2__b.sql", "");
  flyway.write("U2__b.sql", "");
  flyway.write("R__views.sql", "");
  CHECK(next(flyway, SqlFileFormat::flyway) == "3");
  flyway.write("V10__c.sql", "");  // numerically newest, not by file name
  CHECK(next(flyway, SqlFileFormat::flyway) == "11");

  ScaffoldDir dotted;
  dotted.write("V1_1__a.sql", "");
  dotted.write("V1_2__b.sql", "");
  CHECK(next(dotted, SqlFileFormat::flyway) == "1.3");

  ScaffoldDir padded;
  padded.write("V009__a.sql", "");
  CHECK(next(padded, SqlFileFormat::flyway) == "010");

  ScaffoldDir golang;
  golang.write("000009_a.up.sql", "");
  golang.write("000009_a.down.sql", "");
  golang.write("20990101000000_dbmate_file_ignored.sql", "");
  CHECK(next(golang, SqlFileFormat::golang_migrate) == "000010");

  ScaffoldDir golang_stamps;  // `migrate create` without -seq names files by time
  golang_stamps.write("20200101000000_a.up.sql", "");
  const std::string stamp = next(golang_stamps, SqlFileFormat::golang_migrate);
  CHECK(stamp.size() == 14);
  CHECK(stamp > "20200101000000");

  ScaffoldDir own;
  own.write("V003_20250114_a.sql", "");
  own.write("V001_20250101_b.sql", "");
  CHECK(next(own, SqlFileFormat::migcmd) == "004");
}

TEST_CASE("class names and migration names") {
  CHECK(migcmd::migration_class_name("add_email") == "AddEmail");
  CHECK(migcmd::migration_class_name("create_users_2") == "CreateUsers2");
  CHECK(migcmd::migration_class_name("2fa") == "Migration2fa");
  CHECK(migcmd::migration_class_name("") == "Migration");
  CHECK(migcmd::is_valid_migration_name("add_email_2"));
  for (const char* bad : {"", "AddEmail", "add-email", "add email", "ü", "a.b"}) {
    INFO(bad);
    CHECK_FALSE(migcmd::is_valid_migration_name(bad));
  }
  CHECK(migcmd::sql_file_format_from_string("golang-migrate") == SqlFileFormat::golang_migrate);
  CHECK(migcmd::sql_file_format_from_string("flyway") == SqlFileFormat::flyway);
  CHECK_FALSE(migcmd::sql_file_format_from_string("liquibase"));
  CHECK(migcmd::to_string(SqlFileFormat::migcmd) == "migcmd");
}
