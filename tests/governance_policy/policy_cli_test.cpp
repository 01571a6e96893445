// The governance verbs through the real binary: env lock/unlock/status, request, approve, reject,
// approvals (and --post-review), roles, whoami. Refusals exit with status 8 and are audited; the
// state file and the audit file are checked from outside.

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_fixture.hpp"
#include "migcmd/governance/approvals.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/state_store.hpp"

using migcmd_test::CliFixture;
using migcmd_test::CliResult;
namespace gov = migcmd::governance;

namespace {

constexpr int refused = 8;
constexpr int usage = 2;

constexpr const char* project_json = R"json({
  // The environments' URLs come from variables; the tests point both at the fixture's file.
  "environments": {
    "dev": {"tier": "development", "url_env": "POLICY_CLI_DEV_URL"},
    "prod": {"tier": "production", "url_env": "POLICY_CLI_PROD_URL"}
  },
  "roles": {"tech_lead": {"inherits": ["developer"], "permissions": ["approve.*"]}},
  "members": {"alice": ["dba"], "dave": ["dba"], "bob": ["developer"], "carol": ["tech_lead"],
              "victor": ["viewer"]},
  "approvals": [
    {"tier": "production", "risk": "high", "approvals": 2, "roles": ["dba"], "expires": "24h"}
  ]
})json";

struct Project : CliFixture {
  Project() {
    std::ofstream(root() / "migcmd.json") << project_json;
    setenv("POLICY_CLI_DEV_URL", url().c_str(), 1);
    setenv("POLICY_CLI_PROD_URL", url().c_str(), 1);
    write_migration("20250101000000_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);",
                    "DROP TABLE users;");
    write_migration("20250102000000_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);",
                    "DROP TABLE orders;");
  }

  // `migcmd --as USER args...`
  CliResult as(const std::string& user, std::vector<std::string> args) const {
    args.insert(args.begin(), {"--as", user});
    return run(args);
  }

  [[nodiscard]] std::filesystem::path state_file() const {
    return root() / ".migcmd" / "governance.db";
  }

  [[nodiscard]] std::vector<gov::AuditEntry> audit(const std::string& action) const {
    auto log = gov::open_audit_log(root() / ".migcmd" / "audit.db");
    CHECK(log.verify().ok);
    gov::AuditFilter filter;
    filter.action = action;
    return log.entries(filter);
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> results_of(const std::vector<gov::AuditEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.actor + ":" + e.result);
  return out;
}

}  // namespace

TEST_CASE("env lock, status and unlock; refusals exit 8 and are audited") {
  Project p;
  auto r = p.as("bob", {"env", "lock", "prod", "--reason", "freeze"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "env.lock"));
  CHECK(p.as("alice", {"env", "lock", "prod"}).status == usage);  // no reason
  r = p.as("alice", {"env", "lock", "prod", "--reason", "quarter close"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "locked prod"));
  {
    gov::StateStore store(p.state_file());
    const auto lock = store.environment_lock("prod");
    REQUIRE(lock.has_value());
    CHECK(lock->locked_by == "alice");
    CHECK(lock->reason == "quarter close");
  }
  r = p.as("dave", {"env", "lock", "prod", "--reason", "mine"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "already locked by alice"));

  r = p.as("victor", {"--json", "env", "status"});
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["environments"].size() == 2);
  CHECK(doc["environments"][1]["name"] == "prod");
  CHECK(doc["environments"][1]["locked"] == true);
  CHECK(doc["environments"][1]["lock"]["reason"] == "quarter close");
  CHECK(doc["environments"][0]["locked"] == false);
  CHECK(doc["environments"][1]["window_open"] == true);  // no windows: always open
  r = p.as("victor", {"env", "status", "prod"});
  CHECK(contains(r.out, "locked by alice since"));
  CHECK(p.as("nobody", {"env", "status"}).status == refused);

  CHECK(p.as("bob", {"env", "unlock", "prod"}).status == refused);
  // --env names the environment when the command does not.
  r = p.as("alice", {"--env", "prod", "env", "unlock"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "unlocked prod (locked by alice"));
  CHECK_FALSE(gov::StateStore(p.state_file()).environment_lock("prod").has_value());
  CHECK(contains(p.as("alice", {"env", "unlock", "prod"}).out, "prod was not locked"));
  CHECK(p.as("alice", {"env", "lock", "qa", "--reason", "x"}).status == usage);

  CHECK(results_of(p.audit("env_lock")) ==
        std::vector<std::string>{"bob:refused", "alice:failed", "alice:allowed", "dave:refused"});
  CHECK(results_of(p.audit("env_unlock")) ==
        std::vector<std::string>{"bob:refused", "alice:allowed", "alice:allowed"});
  CHECK(results_of(p.audit("env_status")) ==
        std::vector<std::string>{"victor:allowed", "victor:allowed", "nobody:refused"});
}

TEST_CASE("request, approve, reject and approvals") {
  Project p;
  CHECK(p.as("victor", {"--env", "prod", "request", "--risk", "high"}).status == refused);
  CHECK(p.as("bob", {"--env", "prod", "request", "--risk", "severe"}).status == usage);
  CHECK(p.as("bob", {"request", "--risk", "high"}).status == usage);  // no environment
  auto r = p.as("bob", {"--env", "prod", "request", "--risk", "high", "--reason", "release 42"});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out,
                 "request #1 for prod (production): 2 migration(s) (20250101000000, "
                 "20250102000000), risk HIGH"));
  CHECK(contains(r.out, "needs: 2 more approvals needed, including one from role dba"));
  {
    gov::StateStore store(p.state_file());
    const auto request = store.request(1);
    CHECK(request.requested_by == "bob");
    REQUIRE(request.plan.migrations.size() == 2);
    CHECK(request.plan.migrations[0].first == "20250101000000");
  }

  r = p.as("bob", {"approve", "1"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "approve.production"));
  CHECK(p.as("victor", {"approve", "1"}).status == refused);
  CHECK(p.as("alice", {"approve", "x1"}).status == usage);
  CHECK(p.as("alice", {"approve", "9"}).status == usage);  // no such request
  r = p.as("alice", {"approve", "1", "--comment", "reviewed"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "still needs: 1 more approval needed"));

  r = p.as("victor", {"--env", "prod", "approvals"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "#1"));
  CHECK(contains(r.out, "pending"));
  CHECK(contains(r.out, "#1 needs: 1 more approval needed"));

  r = p.as("carol", {"approve", "#1"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "every approval it needs"));
  r = p.as("victor", {"--json", "approvals"});
  REQUIRE(r.status == 0);
  auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["requests"].size() == 1);
  CHECK(doc["requests"][0]["decision"]["approved"] == true);
  CHECK(doc["requests"][0]["decision"]["approvers"] == nlohmann::json::array({"alice", "carol"}));

  // Editing a migration makes another plan: a new request, with its own checksum.
  p.write_migration("20250102000000_orders.sql",
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER);",
                    "DROP TABLE orders;");
  r = p.as("bob", {"--env", "prod", "request", "--risk", "high"});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "request #2"));
  {
    gov::StateStore store(p.state_file());
    const auto first = store.request(1);
    const auto second = store.request(2);
    CHECK(first.plan_checksum != second.plan_checksum);
    const auto config = gov::load_project_config(p.root() / "migcmd.json");
    gov::Approvals approvals(config, store);
    // The approvals of #1 do not cover the edited plan.
    const auto decision = approvals.check(second.plan, gov::RiskLevel::high);
    CHECK_FALSE(decision.approved);
    CHECK(decision.request_id == 2);
    CHECK(approvals.evaluate(1, gov::RiskLevel::high, second.plan).invalidated);
  }

  CHECK(p.as("carol", {"reject", "2"}).status == usage);  // no reason
  CHECK(p.as("victor", {"reject", "2", "--reason", "no"}).status == refused);
  r = p.as("carol", {"reject", "2", "--reason", "edited after review"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "rejected request #2"));
  r = p.as("alice", {"approve", "2"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "was rejected by carol: edited after review"));
  r = p.as("victor", {"approvals"});
  CHECK_FALSE(contains(r.out, "#2"));
  r = p.as("victor", {"approvals", "--all"});
  CHECK(contains(r.out, "rejected by carol"));
  CHECK(p.as("nobody", {"approvals"}).status == refused);

  CHECK(results_of(p.audit("request")) ==
        std::vector<std::string>{"victor:refused", "bob:allowed", "bob:allowed"});
  CHECK(results_of(p.audit("approve")) ==
        std::vector<std::string>{"bob:refused", "victor:refused", "alice:failed", "alice:allowed",
                                 "carol:allowed", "alice:refused"});
  CHECK(results_of(p.audit("reject")) ==
        std::vector<std::string>{"carol:failed", "victor:refused", "carol:allowed"});
  const auto approvals_entries = p.audit("approve");
  CHECK(approvals_entries[3].plan_checksum ==
        gov::StateStore(p.state_file()).request(1).plan_checksum);
}

TEST_CASE("approvals --post-review lists emergency runs; approve --post-review signs them off") {
  Project p;
  {
    const auto config = gov::load_project_config(p.root() / "migcmd.json");
    gov::StateStore store(p.state_file());
    gov::Approvals approvals(config, store);
    gov::PlanFingerprint plan{"prod", "up", {{"20250101000000", "abc"}}};
    approvals.record_emergency(gov::Identity{"alice", {}, "test"}, plan, "incident 4711");
  }
  auto r = p.as("victor", {"approvals", "--post-review"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "awaiting review"));
  CHECK(contains(r.out, "incident 4711"));
  r = p.as("alice", {"approve", "1", "--post-review"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "cannot review it"));
  CHECK(p.as("bob", {"approve", "1", "--post-review"}).status == refused);
  r = p.as("dave", {"approve", "1", "--post-review", "--comment", "justified"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "reviewed emergency run #1"));
  CHECK(contains(p.as("victor", {"approvals", "--post-review"}).out,
                 "no emergency run awaits post-review"));
  r = p.as("victor", {"--json", "approvals", "--post-review", "--all"});
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["emergency_runs"].size() == 1);
  CHECK(doc["emergency_runs"][0]["reviewed_by"] == "dave");
  CHECK(results_of(p.audit("post_review")) ==
        std::vector<std::string>{"alice:refused", "bob:refused", "dave:allowed"});
}

TEST_CASE("roles and whoami") {
  Project p;
  auto r = p.as("victor", {"roles"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "tech_lead (custom, inherits developer)"));
  CHECK(contains(r.out, "admin (built in)"));
  CHECK(contains(r.out, "run.production"));
  CHECK(p.as("nobody", {"roles"}).status == refused);
  r = p.as("carol", {"--json", "whoami"});
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["user"] == "carol");
  CHECK(doc["source"] == "--as");
  CHECK(doc["roles"] == nlohmann::json::array({"tech_lead"}));
  const auto permissions = doc["permissions"].get<std::vector<std::string>>();
  CHECK(std::find(permissions.begin(), permissions.end(), "approve.production") !=
        permissions.end());
  CHECK(std::find(permissions.begin(), permissions.end(), "run.production") == permissions.end());
  setenv("MIGCMD_USER", "alice", 1);
  r = p.run({"whoami"});
  unsetenv("MIGCMD_USER");
  CHECK(contains(r.out, "alice (from MIGCMD_USER)"));
  CHECK(contains(r.out, "roles: dba"));
}

TEST_CASE("configuration problems stop the governance verbs") {
  CliFixture f;
  auto r = f.run({"--as", "alice", "env", "status"});
  CHECK(r.status == usage);
  CHECK(contains(r.err, "no project configuration"));
  // Without migcmd.json, roles still lists the built-in ones.
  r = f.run({"roles"});
  CHECK(r.status == 0);
  CHECK(contains(r.out, "viewer (built in)"));
  std::ofstream(f.root() / "conf.json")
      << R"({"environments": {"prod": {"tier": "production", "url": "postgres://u:pw@h/db"}}})";
  r = f.run({"--config", "conf.json", "--as", "alice", "env", "status"});
  CHECK(r.status == 3);
  CHECK(contains(r.err, "conf.json: 2 problems"));
  CHECK(contains(r.err, "/environments/prod/url: connection URLs are never written"));
  CHECK(contains(r.err, "/environments/prod: missing \"url_env\""));
  CHECK_FALSE(contains(r.err, "pw@"));
  r = f.run({"--config", "missing.json", "roles"});
  CHECK(r.status == usage);
}

TEST_CASE("request takes its risk level from the risk analysis; --risk only raises it") {
  Project p;
  auto r = p.as("bob", {"--json", "--env", "prod", "request"});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["request"]["risk"] == "LOW");  // two CREATE TABLEs
  r = p.as("bob", {"--json", "--env", "prod", "request", "--risk", "medium"});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["request"]["risk"] == "MEDIUM");
  // A destructive migration pending: the analysis alone raises the level, and --risk cannot
  // lower it.
  p.write_migration("20250103000000_drop.sql", "DROP TABLE users;",
                    "CREATE TABLE users (id INTEGER PRIMARY KEY);");
  r = p.as("bob", {"--json", "--env", "prod", "request", "--risk", "low"});
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  const std::string risk = doc["request"]["risk"];
  CHECK((risk == "HIGH" || risk == "CRITICAL"));
  CHECK(doc["request"]["migrations"].size() == 3);
  CHECK(doc["decision"]["approved"] == false);  // production HIGH+: 2 approvals
}

TEST_CASE("read-only and file commands in a governed project: permission checked, use audited") {
  Project p;
  auto r = p.as("victor", {"--env", "dev", "status"});
  CHECK(r.status == 0);
  r = p.as("victor", {"lint", "--dialect", "sqlite"});
  CHECK_MESSAGE(r.status == 0, r.err);
  r = p.as("victor", {"--env", "dev", "script"});  // a viewer may not print the SQL
  CHECK(r.status == refused);
  CHECK(contains(r.err, "script"));
  r = p.as("victor", {"new", "add_things"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "migration.create"));
  CHECK_FALSE(std::filesystem::exists(p.migrations() / "add_things.sql"));
  CHECK(p.as("nobody", {"--env", "dev", "status"}).status == refused);

  const auto status = p.audit("status");
  REQUIRE(status.size() == 2);
  CHECK(status[0].actor == "victor");
  CHECK(status[0].result == "allowed");
  CHECK(status[0].environment == "dev");
  CHECK(status[0].target == "status.view");
  CHECK(status[1].actor == "nobody");
  CHECK(status[1].result == "refused");
  CHECK(results_of(p.audit("lint")) == std::vector<std::string>{"victor:allowed"});
  CHECK(results_of(p.audit("script")) == std::vector<std::string>{"victor:refused"});
  const auto created = p.audit("new");
  REQUIRE(created.size() == 1);
  CHECK(created[0].result == "refused");
  CHECK(created[0].details.at("arguments") == "add_things");
}

TEST_CASE("roles grant lets a member run what they could not; roles revoke takes it back") {
  Project p;
  // The sample project with an administrator, written before the first command reads it.
  std::string text = project_json;
  text.replace(text.find(R"("victor": ["viewer"])"), 20,
               R"("victor": ["viewer"], "root": ["admin"])");
  std::ofstream(p.root() / "migcmd.json", std::ios::trunc) << text;

  auto r = p.as("bob", {"--env", "prod", "up", "--yes"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "run.production"));
  CHECK(p.as("alice", {"roles", "grant", "bob", "dba", "--reason", "on call"}).status == refused);
  CHECK(p.as("root", {"roles", "grant", "bob", "dba"}).status == usage);  // no reason
  CHECK(p.as("root", {"roles", "grant", "bob", "superuser", "--reason", "x"}).status == usage);
  r = p.as("root", {"roles", "grant", "root", "dba", "--reason", "me"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "for themselves"));
  CHECK(p.as("root", {"roles", "promote", "bob", "dba"}).status == usage);

  r = p.as("root", {"roles", "grant", "bob", "dba", "--reason", "on call this week"});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "granted role dba to bob: on call this week"));
  CHECK(p.as("root", {"roles", "grant", "bob", "dba", "--reason", "again"}).status == refused);
  r = p.as("victor", {"roles"});
  CHECK(contains(r.out, "bob: developer, dba (granted by root at "));
  r = p.as("victor", {"--json", "roles"});
  REQUIRE(r.status == 0);
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["granted"].size() == 1);
  CHECK(doc["granted"][0]["user"] == "bob");
  CHECK(doc["granted"][0]["granted_by"] == "root");
  CHECK(doc["granted"][0]["reason"] == "on call this week");
  CHECK(doc["members"]["bob"] == nlohmann::json::array({"developer", "dba"}));

  r = p.as("bob", {"--env", "prod", "up", "--yes"});
  CHECK_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "applied 20250102000000_orders"));

  r = p.as("root", {"roles", "revoke", "bob", "dba", "--reason", "rotation over"});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "revoked role dba from bob (granted by root at "));
  CHECK(p.as("bob", {"--env", "prod", "down", "--yes"}).status == refused);
  CHECK(p.as("root", {"roles", "revoke", "bob", "dba", "--reason", "again"}).status == refused);

  const auto changes = p.audit("role_change");
  std::vector<std::string> seen;
  for (const auto& e : changes) {
    seen.push_back(e.actor + ":" + e.result + ":" + e.target + ":" + e.details.at("change"));
  }
  CHECK(seen == std::vector<std::string>{
                    "alice:refused:bob:dba:granted", "root:failed:bob:dba:granted",
                    "root:failed:bob:superuser:granted", "root:refused:root:dba:granted",
                    "root:allowed:bob:dba:granted", "root:refused:bob:dba:granted",
                    "root:allowed:bob:dba:revoked", "root:refused:bob:dba:revoked"});
  CHECK(changes[4].details.at("reason") == "on call this week");
  // A grant is not an edit of migcmd.json.
  CHECK(p.audit("settings_change").empty());
}

TEST_CASE("editing migcmd.json between two commands is audited once as settings_change") {
  Project p;
  auto r = p.as("victor", {"roles"});
  REQUIRE(r.status == 0);
  CHECK_FALSE(contains(r.out, "changed since"));  // the first use only takes note
  std::string text = project_json;
  text.replace(text.find(R"("bob": ["developer"])"), 20, R"("bob": ["developer", "dba"])");
  std::ofstream(p.root() / "migcmd.json", std::ios::trunc) << text;

  r = p.as("victor", {"--env", "dev", "status"});
  CHECK(r.status == 0);
  // A warning on stderr: stdout may be a script or a dump redirected to a file.
  CHECK(
      contains(r.err, "warning: migcmd.json changed since it was last used: 1 change(s), audited"));
  CHECK_FALSE(contains(r.out, "changed since"));
  r = p.as("victor", {"roles"});
  CHECK_FALSE(contains(r.err, "changed since"));
  CHECK(p.as("bob", {"env", "lock", "prod", "--reason", "now a dba"}).status == 0);

  const auto entries = p.audit("settings_change");
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].actor == "victor");
  CHECK(contains(entries[0].message, "member bob: roles developer -> developer, dba"));
}
