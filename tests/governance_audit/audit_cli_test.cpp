// `migcmd audit verify | export | log`, the binary run as a separate process over an audit file
// written through the library.

#include <doctest/doctest.h>
#include <stdlib.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_fixture.hpp"
#include "governance_audit/audit_test_support.hpp"
#include "migcmd/governance/audit.hpp"
#include "migcmd/providers/sqlite.hpp"

using namespace migcmd::governance;
using migcmd_test::CliFixture;
using migcmd_test::CliResult;

namespace {

// The variables that say where the trail is and how it is keyed, set for one test.
class AuditEnvironment {
 public:
  AuditEnvironment() {
    unsetenv("MIGCMD_AUDIT");
    unsetenv("MIGCMD_AUDIT_KEY");
  }
  ~AuditEnvironment() {
    unsetenv("MIGCMD_AUDIT");
    unsetenv("MIGCMD_AUDIT_KEY");
  }
  AuditEnvironment(const AuditEnvironment&) = delete;
  AuditEnvironment& operator=(const AuditEnvironment&) = delete;
};

// Six entries, one a minute from 10:00: alice runs on production, bob approves on staging...
void write_trail(const std::filesystem::path& file, std::optional<std::string> key = {}) {
  int minute = 0;
  AuditOptions options;
  options.hmac_key = std::move(key);
  options.clock = [&] { return audit_test::at_minute(minute++); };
  AuditLog log(open_sqlite_audit_store(file), options);
  for (int i = 1; i <= 6; ++i) {
    AuditEntry e = i % 2 == 1 ? audit_test::entry("alice", "run", i, "production")
                              : audit_test::entry("bob", "approve", i, "staging");
    if (i == 4) e.message = "approved, \"with\" a comment";
    (void)log.append(e);
  }
}

std::vector<std::int64_t> sequences(const nlohmann::json& array) {
  std::vector<std::int64_t> out;
  for (const auto& e : array) out.push_back(e["sequence"].get<std::int64_t>());
  return out;
}

using V = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("audit verify on the default file, intact and then tampered with") {
  AuditEnvironment env;
  CliFixture cli;
  const auto file = cli.root() / ".migcmd" / "audit.db";
  write_trail(file);
  CliResult r = cli.run({"audit", "verify"});
  INFO(r.out, r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("the audit trail is intact: 6 entries, SHA-256 chain") != std::string::npos);

  r = cli.run({"--json", "audit", "verify"});
  CHECK(r.status == 0);
  const auto json = nlohmann::json::parse(r.out);
  CHECK(json["ok"] == true);
  CHECK(json["entries"] == 6);
  CHECK(json["head_sequence"] == 6);
  const std::string head = json["head_hash"].get<std::string>();
  CHECK(head.size() == 64);
  CHECK(r.status == 0);
  r = cli.run({"audit", "verify"});
  CHECK(r.out.find("newest entry 6, hash " + head) != std::string::npos);

  migcmd::sqlite::connect("sqlite:" + file.string())
      ->execute("UPDATE migcmd_audit SET actor = 'mallory' WHERE sequence = 3");
  r = cli.run({"audit", "verify"});
  CHECK(r.status == 3);
  CHECK(r.err.find("the audit trail is broken: entry 3 was edited") != std::string::npos);

  r = cli.run({"--json", "audit", "verify"});
  CHECK(r.status == 3);
  const auto error = nlohmann::json::parse(r.out);
  CHECK(error["ok"] == false);
  CHECK(error.dump().find("\"first_bad_sequence\":3") != std::string::npos);

  migcmd::sqlite::connect("sqlite:" + file.string())
      ->execute("DELETE FROM migcmd_audit WHERE sequence IN (2, 3)");
  r = cli.run({"audit", "verify"});
  CHECK(r.status == 3);
  CHECK(r.err.find("entries 2 to 3 are missing (deleted)") != std::string::npos);
}

TEST_CASE(
    "audit verify finds the trail through --audit and $MIGCMD_AUDIT, and a missing one "
    "fails") {
  AuditEnvironment env;
  CliFixture cli;
  CliResult r = cli.run({"audit", "verify"});
  CHECK(r.status == 3);
  CHECK(r.err.find("no audit trail at .migcmd/audit.db") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(cli.root() / ".migcmd"));  // not created by reading

  write_trail(cli.root() / "elsewhere" / "trail.db");
  r = cli.run({"audit", "verify", "--audit", "elsewhere/trail.db"});
  CHECK(r.status == 0);
  setenv("MIGCMD_AUDIT", (cli.root() / "elsewhere" / "trail.db").c_str(), 1);
  r = cli.run({"audit", "verify"});
  CHECK(r.status == 0);
  CHECK(r.out.find("6 entries") != std::string::npos);
}

TEST_CASE("audit verify with $MIGCMD_AUDIT_KEY") {
  AuditEnvironment env;
  CliFixture cli;
  write_trail(cli.root() / ".migcmd" / "audit.db", "k-0123456789abcdef");
  CliResult r = cli.run({"audit", "verify"});
  CHECK(r.status == 3);
  CHECK(r.err.find("written with an HMAC key (set MIGCMD_AUDIT_KEY)") != std::string::npos);
  setenv("MIGCMD_AUDIT_KEY", "k-0123456789abcdef", 1);
  r = cli.run({"audit", "verify"});
  CHECK(r.status == 0);
  CHECK(r.out.find("HMAC-SHA256 chain") != std::string::npos);
  setenv("MIGCMD_AUDIT_KEY", "another key", 1);
  r = cli.run({"audit", "verify"});
  CHECK(r.status == 3);
}

TEST_CASE("audit export in JSON and CSV with each filter") {
  AuditEnvironment env;
  CliFixture cli;
  write_trail(cli.root() / ".migcmd" / "audit.db");

  CliResult r = cli.run({"audit", "export"});
  REQUIRE(r.status == 0);
  CHECK(sequences(nlohmann::json::parse(r.out)) == V{1, 2, 3, 4, 5, 6});

  r = cli.run(
      {"audit", "export", "--since", "2026-11-21T10:02", "--until", "2026-11-21T12:04:00+02:00"});
  REQUIRE(r.status == 0);
  CHECK(sequences(nlohmann::json::parse(r.out)) == V{3, 4});

  r = cli.run({"audit", "export", "--env", "staging"});
  REQUIRE(r.status == 0);
  CHECK(sequences(nlohmann::json::parse(r.out)) == V{2, 4, 6});

  r = cli.run({"audit", "export", "--user", "alice", "--format", "json"});
  REQUIRE(r.status == 0);
  CHECK(sequences(nlohmann::json::parse(r.out)) == V{1, 3, 5});

  r = cli.run({"audit", "export", "--action", "approve", "--format", "csv"});
  REQUIRE(r.status == 0);
  CHECK(
      r.out.starts_with("sequence,time,actor,action,result,environment,plan_checksum,target,"
                        "message,duration_ms,"));
  CHECK(r.out.find("\r\n2,2026-11-21T10:01:00.000Z,bob,approve,") != std::string::npos);
  CHECK(r.out.find(",\"approved, \"\"with\"\" a comment\",") != std::string::npos);
  CHECK(r.out.find(",alice,") == std::string::npos);
  // The header and three rows, each ended by CRLF.
  std::size_t rows = 0;
  for (auto at = r.out.find("\r\n"); at != std::string::npos; at = r.out.find("\r\n", at + 2)) {
    ++rows;
  }
  CHECK(rows == 4);

  r = cli.run({"audit", "export", "--format", "csv", "--env", "production", "--user", "alice",
               "--output", "out.csv"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("wrote 3 audit entries to out.csv (csv)") != std::string::npos);
  const std::string csv = cli.read(cli.root() / "out.csv");
  CHECK(csv.find("\r\n5,") != std::string::npos);
  CHECK(csv.find(",bob,") == std::string::npos);
}

TEST_CASE("audit log lists the newest entries first") {
  AuditEnvironment env;
  CliFixture cli;
  write_trail(cli.root() / ".migcmd" / "audit.db");
  CliResult r = cli.run({"audit", "log", "--limit", "2"});
  INFO(r.out, r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.starts_with("SEQ  TIME (UTC)                USER   ACTION   RESULT     ENV"));
  const auto six = r.out.find(
      "\n6    2026-11-21T10:05:00.000Z  bob    approve  succeeded  "
      "staging");
  const auto five = r.out.find("\n5    2026-11-21T10:04:00.000Z  alice  run");
  CHECK(six != std::string::npos);
  CHECK(five != std::string::npos);
  CHECK(six < five);
  CHECK(r.out.find("\n4 ") == std::string::npos);

  r = cli.run({"--json", "audit", "log", "--user", "alice"});
  REQUIRE(r.status == 0);
  CHECK(sequences(nlohmann::json::parse(r.out)["entries"]) == V{5, 3, 1});
}

TEST_CASE("audit usage errors exit with status 2") {
  AuditEnvironment env;
  CliFixture cli;
  write_trail(cli.root() / ".migcmd" / "audit.db");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"audit"},
                                               {"audit", "shred"},
                                               {"audit", "export", "--format", "xml"},
                                               {"audit", "export", "--since", "last tuesday"},
                                               {"audit", "log", "--limit", "0"}}) {
    const CliResult r = cli.run(args);
    CAPTURE(args.back());
    CHECK(r.status == 2);
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE(
    "in a project, audit reads the trail migcmd.json names, with its key, after a "
    "permission check that is itself audited") {
  AuditEnvironment env;
  CliFixture cli;
  {
    std::ofstream config(cli.root() / "migcmd.json");
    config << R"({
      // alice may read the trail; bob may not.
      "environments": {"prod": {"tier": "production", "url_env": "PROD_URL"}},
      "members": {"alice": ["dba"], "bob": ["developer"]},
      "audit": {"file": "trail/project.db", "hmac_key_env": "PROJECT_AUDIT_KEY"}
    })";
  }
  setenv("PROJECT_AUDIT_KEY", "project key 0123456789", 1);
  CliResult r = cli.run({"--as", "alice", "audit", "verify"});
  CHECK(r.status == 3);
  CHECK(r.err.find("no audit trail at") != std::string::npos);
  CHECK(r.err.find("trail/project.db") != std::string::npos);

  write_trail(cli.root() / "trail" / "project.db", "project key 0123456789");
  r = cli.run({"--as", "alice", "audit", "verify"});
  INFO(r.out, r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find("HMAC-SHA256 chain") != std::string::npos);

  r = cli.run({"--as", "bob", "audit", "export"});
  CHECK(r.status == 8);
  CHECK(r.err.find("audit.export") != std::string::npos);

  r = cli.run({"--as", "alice", "audit", "export"});
  REQUIRE(r.status == 0);
  const auto entries = nlohmann::json::parse(r.out);
  // After the six written: the verify allowed, the export refused, and this export allowed.
  REQUIRE(entries.size() == 9);
  CHECK(entries[6]["actor"] == "alice");
  CHECK(entries[6]["action"] == "audit_verify");
  CHECK(entries[6]["result"] == "allowed");
  CHECK(entries[7]["actor"] == "bob");
  CHECK(entries[7]["action"] == "audit_export");
  CHECK(entries[7]["result"] == "refused");
  CHECK(entries[8]["actor"] == "alice");
  CHECK(entries[8]["action"] == "audit_export");
  CHECK(entries[8]["result"] == "allowed");

  // --audit reads another file, still with the project's key and permission check.
  write_trail(cli.root() / "copy.db", "project key 0123456789");
  r = cli.run({"--as", "alice", "audit", "verify", "--audit", "copy.db"});
  CHECK(r.status == 0);
  CHECK(r.out.find("6 entries") != std::string::npos);
  unsetenv("PROJECT_AUDIT_KEY");
}
