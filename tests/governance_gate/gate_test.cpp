// The governance gate in front of a real migrator on SQLite: who may run where, approvals bound
// to the plan, maintenance windows, environment locks, emergencies, and the audit that tells it.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "migcmd/governance/approvals.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/environment_locks.hpp"
#include "migcmd/governance/governance_gate.hpp"
#include "migcmd/governance/pending_plan.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migcmd/providers/sqlite.hpp"
#include "migcmd/sql_migrations.hpp"

using namespace migcmd;
using namespace migcmd::governance;
namespace fs = std::filesystem;

namespace {

constexpr const char* config_json = R"({
  // production runs between 02:00 and 04:00 UTC, HIGH risk needs two DBAs
  "environments": {
    "dev": {"tier": "development", "url_env": "GATE_TEST_DEV_URL"},
    "prod": {"tier": "production", "url_env": "GATE_TEST_PROD_URL", "windows": ["night"]}
  },
  "members": {"dana": ["dba"], "dave": ["dba"], "devi": ["developer"], "ada": ["admin"]},
  "approvals": [{"tier": "production", "risk": "high", "approvals": 2, "roles": ["dba"],
                 "expires": "24h"}],
  "windows": {"night": {"days": ["daily"], "from": "02:00", "to": "04:00", "time_zone": "UTC"}}
})";

TimePoint at(int hour) {
  using namespace std::chrono;
  return sys_days{year{2026} / 11 / 20} + hours{hour};
}

struct Project {
  fs::path dir = fs::temp_directory_path() / ("migcmd_gate_" + std::to_string(::getpid()));
  ProjectConfig config;
  std::unique_ptr<StateStore> store;
  std::unique_ptr<AuditLog> audit;
  std::shared_ptr<const Provider> provider = sqlite::make_provider();
  std::unique_ptr<Connection> prod;
  TimePoint now = at(3);

  Project() {
    fs::remove_all(dir);
    fs::create_directories(dir / "migrations");
    config = project_config_from_json(config_json, (dir / "migcmd.json").string());
    store = std::make_unique<StateStore>(dir / "governance.db");
    audit = std::make_unique<AuditLog>(open_audit_log(dir / "audit.db"));
    prod = provider->connect("sqlite:" + (dir / "prod.db").string());
    write("20250101000000_users.sql", "CREATE TABLE users (id INT);\nCREATE TABLE old (id INT);");
    write("20250102000000_drop_old.sql", "DROP TABLE old;");
  }
  ~Project() { fs::remove_all(dir); }

  void write(const std::string& name, const std::string& up) const {
    std::ofstream(dir / "migrations" / name) << "-- migrate:up\n" << up << "\n";
  }
  [[nodiscard]] Clock clock() const {
    return [this] { return now; };
  }
  // A run on prod as `user`; returns the applied versions.
  std::vector<std::string> run(const std::string& user, std::optional<std::string> emergency = {}) {
    GovernanceGate gate(config, *store, *audit, Identity{user, {}, "test"}, provider->dialect(),
                        GateSettings{"prod", std::move(emergency)}, clock());
    MigratorOptions options;
    options.gate = &gate;
    Migrator migrator(*prod, *provider, load_sql_migrations(dir / "migrations"), options);
    return migrator.up().applied;
  }
  [[nodiscard]] PlanFingerprint pending() {
    Migrator migrator(*prod, *provider, load_sql_migrations(dir / "migrations"));
    return pending_plan("prod", migrator.status());
  }
  [[nodiscard]] bool table_exists(const std::string& name) {
    return !prod->query("SELECT 1 FROM sqlite_schema WHERE name = '" + name + "'").rows.empty();
  }
  [[nodiscard]] std::vector<std::string> story() {
    std::vector<std::string> out;
    for (const auto& e : audit->entries()) {
      out.push_back(e.actor + " " + e.action + " " + e.result +
                    (e.target.empty() ? "" : " " + e.target));
    }
    return out;
  }
};

}  // namespace

TEST_CASE(
    "production: refused without the permission, without approvals, outside the window; "
    "runs once two DBAs approved, inside it") {
  Project p;
  CHECK_THROWS_WITH_AS((void)p.run("devi"), doctest::Contains("run.production"), Error);
  CHECK_THROWS_WITH_AS((void)p.run("dana"), doctest::Contains("approv"), Error);
  CHECK_FALSE(p.table_exists("users"));

  Approvals approvals(p.config, *p.store, p.audit.get(), p.clock());
  const auto plan = p.pending();
  const auto risk = analyze(load_sql_migrations(p.dir / "migrations"), p.provider->dialect());
  CHECK(risk.level() >= RiskLevel::high);  // DROP TABLE
  const auto id = approvals.request(Identity{"devi", {}, "test"}, plan, risk.level(), "release 7");
  (void)approvals.approve(Identity{"dana", {}, "test"}, id, "ok");
  // One approval of two: still refused, and the message says what is missing.
  CHECK_THROWS_WITH_AS((void)p.run("dana"), doctest::Contains("1 more approval"), Error);
  (void)approvals.approve(Identity{"dave", {}, "test"}, id, "ok");

  p.now = at(12);
  CHECK_THROWS_WITH_AS((void)p.run("dana"), doctest::Contains("outside its maintenance windows"),
                       Error);
  CHECK_FALSE(p.table_exists("users"));

  p.now = at(3);
  CHECK(p.run("dana") == std::vector<std::string>{"20250101000000", "20250102000000"});
  CHECK(p.table_exists("users"));
  CHECK_FALSE(p.table_exists("old"));
  CHECK(p.store->request(id).status == RequestStatus::executed);

  // The approval was for that plan only: a new migration needs a new request.
  p.write("20250103000000_drop_users.sql", "DROP TABLE users;");
  CHECK_THROWS_AS((void)p.run("dana"), Error);
  CHECK(p.table_exists("users"));

  const auto story = p.story();
  const std::vector<std::string> expected_tail = {
      "dana run allowed 20250101000000,20250102000000",
      "dana migration succeeded 20250101000000_users",
      "dana migration succeeded 20250102000000_drop_old",
      "dana run succeeded 20250101000000,20250102000000",
      "dana run refused 20250103000000",
  };
  REQUIRE(story.size() >= expected_tail.size());
  CHECK(std::vector<std::string>(story.end() - static_cast<long>(expected_tail.size()),
                                 story.end()) == expected_tail);
  CHECK(std::count(story.begin(), story.end(), "devi run refused 20250101000000,20250102000000") ==
        1);
  CHECK(p.audit->verify().ok);
}

TEST_CASE("a locked environment refuses every run; an emergency bypasses window and approvals") {
  Project p;
  EnvironmentLocks locks(p.config, *p.store, p.audit.get(), p.clock());
  (void)locks.lock(Identity{"dana", {}, "test"}, "prod", "incident 42");
  CHECK_THROWS_WITH_AS((void)p.run("ada", "hotfix"), doctest::Contains("incident 42"), Error);
  const auto refusal = p.audit->entries().back();
  CHECK(refusal.result == "refused");
  CHECK(refusal.details.at("refusal") == "environment_locked");
  CHECK(refusal.details.at("error_code") == "refused");
  (void)locks.unlock(Identity{"dana", {}, "test"}, "prod");

  p.now = at(12);  // outside the window, no approvals
  CHECK_THROWS_WITH_AS((void)p.run("devi", "hotfix"), doctest::Contains("run.production"), Error);
  CHECK(p.run("ada", "hotfix for incident 42").size() == 2);
  Approvals approvals(p.config, *p.store, p.audit.get(), p.clock());
  const auto reviews = approvals.pending_post_reviews();
  REQUIRE(reviews.size() == 1);
  CHECK(reviews[0].run_by == "ada");
  CHECK(reviews[0].reason == "hotfix for incident 42");
  CHECK(reviews[0].outcome == "succeeded");
  CHECK(p.audit->verify().ok);
}

TEST_CASE("the gate notifies refusals, runs and failed runs, naming the schedule and the agent") {
  Project p;
  const fs::path events = p.dir / "events.jsonl";
  p.config.notifications.push_back(NotificationHook{{"refused", "run", "run.failed"}, "", events});
  const auto scheduled_run = [&](const std::string& user, std::optional<std::string> emergency) {
    GovernanceGate gate(p.config, *p.store, *p.audit, Identity{user, {}, "schedule #42"},
                        p.provider->dialect(), GateSettings{"prod", emergency, 42, "agent-x"},
                        p.clock());
    MigratorOptions options;
    options.gate = &gate;
    Migrator migrator(*p.prod, *p.provider, load_sql_migrations(p.dir / "migrations"), options);
    return migrator.up().applied;
  };
  CHECK_THROWS_AS((void)scheduled_run("devi", std::nullopt), Error);  // no run.production
  CHECK(scheduled_run("ada", "hotfix").size() == 2);
  p.write("20250103000000_broken.sql", "INSERT INTO missing_table VALUES (1);");
  CHECK_THROWS_AS((void)scheduled_run("ada", "hotfix again"), Error);

  std::ifstream in(events);
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["event"] == "refused");
  CHECK(lines[0]["actor"] == "devi");
  CHECK(lines[0]["environment"] == "prod");
  CHECK(lines[0]["message"].get<std::string>().find("run.production") != std::string::npos);
  CHECK(lines[0]["details"]["scheduled_run"] == "42");
  CHECK(lines[0]["details"]["agent"] == "agent-x");
  CHECK(lines[0]["details"]["refusal"] == "missing_permission");
  CHECK(lines[0]["message"].get<std::string>().find("[migcmd.") == std::string::npos);
  CHECK(lines[1]["event"] == "run");
  CHECK(lines[1]["message"] == "ada applied 20250101000000,20250102000000 on prod");
  CHECK(lines[1]["details"].contains("emergency_run"));
  CHECK(lines[2]["event"] == "run.failed");
  CHECK(lines[2]["message"].get<std::string>().find("missing_table") != std::string::npos);

  // The audit entries carry the schedule and the agent too.
  for (const auto& e : p.audit->entries()) {
    if (e.action != "run") continue;
    CHECK(e.details.at("scheduled_run") == "42");
    CHECK(e.details.at("agent") == "agent-x");
    CHECK(e.details.at("identity_source") == "schedule #42");
  }
}
