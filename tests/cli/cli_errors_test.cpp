// URLs that cannot work, servers that do not answer, and what the tool says about them: the
// right exit status, one message with a hint, and never the password.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli/cli_fixture.hpp"

using migcmd_test::CliFixture;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a URL of an unknown scheme is a usage error (2) naming the known schemes") {
  CliFixture cli;
  cli.write_migration("20250101000000_a.sql", "CREATE TABLE a (id INT);", "DROP TABLE a;");
  auto r = cli.run({"--url", "oracle://scott:tiger99@db/orcl", "status"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "no database provider for the URL oracle://scott:***@db/orcl"));
  CHECK(contains(r.err, "hint: known URL schemes: sqlite:"));
  CHECK_FALSE(contains(r.err + r.out, "tiger99"));

  r = cli.run({"--json", "--url", "oracle://scott:tiger99@db/orcl", "up"});
  CHECK(r.status == 2);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("ok") == false);
  CHECK(doc.at("error").at("code") == "usage");
  CHECK(contains(doc.at("error").at("hint").get<std::string>(), "known URL schemes"));
  CHECK_FALSE(contains(r.err + r.out, "tiger99"));
}

TEST_CASE("--json reports usage errors as a JSON document too") {
  CliFixture cli;
  auto r = cli.run({"--json", "up", "--bogus"});
  CHECK(r.status == 2);
  CHECK(r.err.empty());
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("ok") == false);
  CHECK(doc.at("error").at("code") == "usage");
  CHECK(contains(doc.at("error").at("message").get<std::string>(), "--bogus"));
  CHECK(contains(doc.at("error").at("hint").get<std::string>(), "migcmd up --help"));

  r = cli.run({"--json", "--lock-mode", "nope", "status"});
  CHECK(r.status == 2);
  CHECK(nlohmann::json::parse(r.out).at("error").at("code") == "usage");
}

#ifdef MIGCMD_CLI_TEST_POSTGRES

TEST_CASE("an unreachable server: exit 5, and the password is nowhere in the output") {
  CliFixture cli;
  cli.write_migration("20250101000000_a.sql", "CREATE TABLE a (id INT);", "DROP TABLE a;");
  const std::string url = "postgres://alice:Sup3rS3cretPw@127.0.0.1:1/app";
  for (const char* verb : {"status", "up", "validate", "lock"}) {
    std::vector<std::string> args = {"--url", url, verb};
    if (std::string(verb) == "lock") args.push_back("status");
    auto r = cli.run(args);
    CHECK_MESSAGE(r.status == 5, verb, ": ", r.err);
    CHECK(contains(r.err, "migcmd: cannot connect to postgres://alice:***@127.0.0.1:1/app"));
    CHECK(contains(r.err, "\nhint: "));
    CHECK_FALSE(contains(r.out + r.err, "Sup3rS3cretPw"));
  }
  // From $DATABASE_URL, and as JSON.
  auto r = cli.run_with_env({"--json", "up"}, url);
  CHECK(r.status == 5);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc.at("error").at("code") == "connection_error");
  CHECK_FALSE(contains(r.out + r.err, "Sup3rS3cretPw"));
  // A percent-encoded password is masked as written and decoded.
  r = cli.run({"--url", "postgres://alice:p%40ss%3Aword99@127.0.0.1:1/app", "status"});
  CHECK(r.status == 5);
  CHECK_FALSE(contains(r.out + r.err, "p%40ss%3Aword99"));
  CHECK_FALSE(contains(r.out + r.err, "p@ss:word99"));
}

TEST_CASE("wait gives up on an unreachable server after --timeout") {
  CliFixture cli;
  auto r = cli.run(
      {"--url", "postgres://alice:Sup3rS3cretPw@127.0.0.1:1/app", "wait", "--timeout", "1"});
  CHECK(r.status == 5);
  CHECK(r.elapsed >= std::chrono::milliseconds(900));
  CHECK(r.elapsed < std::chrono::milliseconds(2500));
  CHECK(contains(r.err, "did not accept connections within 1 s"));
  CHECK_FALSE(contains(r.out + r.err, "Sup3rS3cretPw"));
}

#endif

TEST_CASE("wait returns at once when the database accepts connections") {
  CliFixture cli;
  auto r = cli.run({"wait", "--timeout", "5"});
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "the database accepts connections"));
  CHECK(r.elapsed < std::chrono::milliseconds(2000));
  r = cli.run({"--url", "nosuch:x", "wait", "--timeout", "5"});
  CHECK(r.status == 2);  // a URL that can never work is not waited for
  CHECK(r.elapsed < std::chrono::milliseconds(2000));
}

TEST_CASE("a missing migrations directory is a usage error naming it") {
  CliFixture cli;
  auto r = cli.run({"--dir", "nowhere", "up"});
  CHECK(r.status == 2);
  CHECK(contains(r.err, "the migrations directory nowhere does not exist"));
  CHECK(contains(r.err, "hint: pass --dir"));
}

TEST_CASE("a malformed migration file is a validation failure (3) naming the file") {
  CliFixture cli;
  {
    std::filesystem::create_directories(cli.migrations());
    std::ofstream out(cli.migrations() / "20250101000000_broken.sql");
    out << "CREATE TABLE a (id INT);\n";  // no "-- migrate:up" section
  }
  auto r = cli.run({"up"});
  CHECK(r.status == 3);
  CHECK(contains(r.err, "20250101000000_broken.sql"));
  CHECK_FALSE(cli.table_exists("a"));
}
