// The commands that work on files only (new, hash), help and usage errors.

#include <doctest/doctest.h>

#include <filesystem>
#include <regex>

#include "cli/cli_fixture.hpp"

using migcmd_test::CliFixture;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path().filename());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("new writes the next dbmate file and rewrites migcmd.sum") {
  CliFixture cli;
  auto r = cli.run({"new", "create_users"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const fs::path path = cli.root() / r.out.substr(0, r.out.find('\n'));
  CHECK(std::regex_match(path.filename().string(), std::regex(R"(\d{14}_create_users\.sql)")));
  REQUIRE(fs::exists(path));
  CHECK(cli.read(path) == "-- migrate:up\n\n-- migrate:down\n");
  const std::string sum = cli.read(cli.migrations() / "migcmd.sum");
  CHECK(sum.find(path.filename().string() + " h1:") != std::string::npos);

  // A second one sorts after the first even within the same second.
  r = cli.run({"new", "add_email", "--format", "sql"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  auto files = files_in(cli.migrations());
  REQUIRE(files.size() == 3);
  CHECK(files[0].string().find("_create_users.sql") != std::string::npos);
  CHECK(files[1].string().find("_add_email.sql") != std::string::npos);
  CHECK(files[2] == "migcmd.sum");
  const std::string sum2 = cli.read(cli.migrations() / "migcmd.sum");
  CHECK(sum2 != sum);
  CHECK(sum2.find(files[1].string() + " h1:") != std::string::npos);

  // The new files are valid migrations: status lists both as pending.
  r = cli.run({"status"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("create_users  pending") != std::string::npos);
  CHECK(r.out.find("add_email     pending") != std::string::npos);
}

TEST_CASE("new --format cpp writes a code migration skeleton") {
  CliFixture cli;
  auto r = cli.run({"--dir", "code", "new", "create_things", "--format", "cpp"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const fs::path path = cli.root() / r.out.substr(0, r.out.find('\n'));
  CHECK(path.extension() == ".cpp");
  const std::string text = cli.read(path);
  CHECK(text.find("class CreateThings : public migcmd::Migration") != std::string::npos);
  CHECK(text.find("void up(migcmd::MigrationBuilder& b) override") != std::string::npos);
  CHECK(text.find("registry.add<CreateThings>(\"") != std::string::npos);
  CHECK(fs::exists(cli.root() / "code" / "migcmd.sum"));
}

TEST_CASE("new refuses a bad name or format and writes nothing") {
  CliFixture cli;
  for (const char* name : {"CreateUsers", "create-users", "drop table", "ü"}) {
    auto r = cli.run({"new", name});
    CHECK(r.status == 2);
    CHECK(r.err.find("is not a valid migration name") != std::string::npos);
    CHECK(r.err.find("\nhint: ") != std::string::npos);
  }
  auto r = cli.run({"new", "x", "--format", "yaml"});
  CHECK(r.status == 2);
  CHECK(r.err.find("unknown --format") != std::string::npos);
  r = cli.run({"new"});
  CHECK(r.status == 2);
  CHECK(r.err.find("needs a NAME") != std::string::npos);
  CHECK_FALSE(fs::exists(cli.migrations()));
}

TEST_CASE("hash rewrites migcmd.sum after an intended edit") {
  CliFixture cli;
  cli.write_migration("20250101000000_a.sql", "CREATE TABLE a (id INT);", "DROP TABLE a;");
  auto r = cli.run({"hash"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(r.out.find("migcmd.sum") != std::string::npos);
  const std::string before = cli.read(cli.migrations() / "migcmd.sum");
  CHECK(before.find("20250101000000_a.sql h1:") != std::string::npos);
  cli.write_migration("20250101000000_a.sql", "CREATE TABLE a (id BIGINT);", "DROP TABLE a;");
  REQUIRE(cli.run({"hash"}).status == 0);
  CHECK(cli.read(cli.migrations() / "migcmd.sum") != before);
  CHECK(cli.run({"--dir", "nowhere", "hash"}).status == 2);
}

TEST_CASE("help: the verbs, the exit codes, and every verb's own help") {
  CliFixture cli;
  auto r = cli.run({"--help"});
  REQUIRE(r.status == 0);
  const std::vector<std::string> verbs = {"new",      "hash",     "up",     "down",
                                          "status",   "validate", "script", "repair",
                                          "baseline", "adopt",    "lock",   "wait"};
  for (const auto& verb : verbs) {
    CHECK_MESSAGE(r.out.find("\n  " + verb + " ") != std::string::npos, verb);
  }
  CHECK(r.out.find("Exit status:") != std::string::npos);
  CHECK(r.out.find("5  cannot connect") != std::string::npos);
  CHECK(r.out.find("--lock-timeout") != std::string::npos);

  for (const auto& verb : verbs) {
    auto h = cli.run({verb, "--help"});
    CHECK_MESSAGE(h.status == 0, verb);
    CHECK_MESSAGE(h.out.find("Usage: migcmd [global options] " + verb) != std::string::npos, h.out);
    CHECK(h.err.empty());
  }
  auto up = cli.run({"up", "--help"});
  CHECK(up.out.find("--single-transaction") != std::string::npos);
  CHECK(up.out.find("--allow-out-of-order") != std::string::npos);
  auto down = cli.run({"--help", "down"});
  CHECK(down.status == 0);
  CHECK(down.out.find("--steps N") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a hint") {
  CliFixture cli;
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{}, "no command given"},
      {{"migrate"}, "unknown command \"migrate\""},
      {{"up", "--bogus"}, "unrecognised option '--bogus'"},
      {{"--lock-mode", "table", "status"}, "unknown --lock-mode"},
      {{"--lock-timeout", "-3", "status"}, "--lock-timeout"},
      {{"--lock-timeout", "soon", "status"}, "lock-timeout"},
      {{"down", "--steps", "2", "--to", "1"}, "choose one of --steps, --to and --batch"},
      {{"down", "--steps", "0"}, "--steps must be at least 1"},
      {{"baseline"}, "baseline needs --version"},
      {{"adopt", "--from", "liquibase"}, "unknown tool"},
      {{"lock"}, "lock needs an action"},
      {{"lock", "release"}, "lock release needs --force"},
      {{"new", "a", "b"}, "too many positional options"},
  };
  for (const auto& c : cases) {
    auto r = cli.run(c.args);
    CHECK_MESSAGE(r.status == 2, r.err);
    CHECK_MESSAGE(r.err.rfind("migcmd: ", 0) == 0, r.err);
    CHECK_MESSAGE(r.err.find(c.message) != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("\nhint: ") != std::string::npos, r.err);
    CHECK(r.out.empty());
  }
  auto r = cli.run_with_env({"status"}, std::nullopt);
  CHECK(r.status == 2);
  CHECK(r.err.find("no database URL given") != std::string::npos);
  CHECK(r.err.find("hint: pass --url") != std::string::npos);
}
