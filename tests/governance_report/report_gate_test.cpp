// The report over the trail the real gate and policy services write (SQLite audit file, state
// store and database): the refusal reasons are derived from what they actually record.

#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "governance_report/report_test_support.hpp"
#include "migcmd/governance/approvals.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/environment_locks.hpp"
#include "migcmd/governance/governance_gate.hpp"
#include "migcmd/governance/metrics.hpp"
#include "migcmd/governance/pending_plan.hpp"
#include "migcmd/governance/report.hpp"
#include "migcmd/governance/state_snapshot.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migcmd/providers/sqlite.hpp"
#include "migcmd/sql_migrations.hpp"

using namespace migcmd;
using namespace migcmd::governance;
using report_test::at_minute;
namespace fs = std::filesystem;

namespace {

constexpr const char* config_json = R"({
  "environments": {
    "dev": {"tier": "development", "url_env": "REPORT_TEST_DEV_URL"},
    "prod": {"tier": "production", "url_env": "REPORT_TEST_PROD_URL", "windows": ["night"]}
  },
  "members": {"dana": ["dba"], "dave": ["dba"], "devi": ["developer"], "ada": ["admin"]},
  "approvals": [{"tier": "production", "risk": "low", "approvals": 2, "roles": ["dba"],
                 "expires": "24h"}],
  "windows": {"night": {"days": ["daily"], "from": "02:00", "to": "04:00", "time_zone": "UTC"}}
})";

TimePoint hour(int h) {
  return at_minute(60 * h);
}

Identity as(const std::string& user) {
  return Identity{user, {}, "test"};
}

struct Project {
  fs::path dir = fs::temp_directory_path() / ("migcmd_report_" + std::to_string(::getpid()));
  ProjectConfig config;
  std::unique_ptr<StateStore> store;
  std::unique_ptr<AuditLog> audit;
  std::shared_ptr<const Provider> provider = sqlite::make_provider();
  std::unique_ptr<Connection> prod;
  TimePoint gate_now = hour(3);        // inside the window
  TimePoint audit_now = at_minute(0);  // the time the audit stamps

  Project() {
    fs::remove_all(dir);
    fs::create_directories(dir / "migrations");
    config = project_config_from_json(config_json, (dir / "migcmd.json").string());
    store = std::make_unique<StateStore>(dir / "governance.db");
    AuditOptions options;
    options.clock = [this] { return audit_now; };
    audit = std::make_unique<AuditLog>(open_sqlite_audit_store(dir / "audit.db"), options);
    prod = provider->connect("sqlite:" + (dir / "prod.db").string());
    write("20250101000000_users.sql", "CREATE TABLE users (id INT);\nCREATE TABLE old (id INT);");
    write("20250102000000_drop_old.sql", "DROP TABLE old;");
  }
  ~Project() { fs::remove_all(dir); }

  void write(const std::string& name, const std::string& up) const {
    std::ofstream(dir / "migrations" / name) << "-- migrate:up\n" << up << "\n";
  }
  [[nodiscard]] Clock clock() const {
    return [this] { return gate_now; };
  }
  void run(const std::string& user, std::optional<std::string> emergency = {}) {
    GovernanceGate gate(config, *store, *audit, as(user), provider->dialect(),
                        GateSettings{"prod", std::move(emergency)}, clock());
    MigratorOptions options;
    options.gate = &gate;
    Migrator migrator(*prod, *provider, load_sql_migrations(dir / "migrations"), options);
    (void)migrator.up();
  }
  [[nodiscard]] PlanFingerprint pending() {
    Migrator migrator(*prod, *provider, load_sql_migrations(dir / "migrations"));
    return pending_plan("prod", migrator.status());
  }
};

}  // namespace

TEST_CASE("a report over the trail the gate, approvals and locks write") {
  Project p;
  Approvals approvals(p.config, *p.store, p.audit.get(), p.clock());
  EnvironmentLocks locks(p.config, *p.store, p.audit.get(), p.clock());
  const RiskLevel first_risk =
      analyze(load_sql_migrations(p.dir / "migrations"), p.provider->dialect()).level();
  CHECK(first_risk >= RiskLevel::high);  // DROP TABLE

  p.audit_now = at_minute(1);
  CHECK_THROWS_AS(p.run("devi"), Error);  // no run.production
  p.audit_now = at_minute(2);
  CHECK_THROWS_AS(p.run("dana"), Error);  // no request
  p.audit_now = at_minute(3);
  const auto id = approvals.request(as("devi"), p.pending(), first_risk, "release 7");
  p.audit_now = at_minute(4);
  (void)approvals.approve(as("dana"), id, "ok");
  p.audit_now = at_minute(5);
  (void)approvals.approve(as("dave"), id, "ok");
  p.audit_now = at_minute(6);
  p.gate_now = hour(12);
  CHECK_THROWS_AS(p.run("dana"), Error);  // outside the window
  p.gate_now = hour(3);
  p.audit_now = at_minute(7);
  (void)locks.lock(as("dana"), "prod", "incident 42");
  p.audit_now = at_minute(8);
  CHECK_THROWS_AS(p.run("dana"), Error);  // locked
  p.audit_now = at_minute(9);
  (void)locks.unlock(as("dana"), "prod");
  p.audit_now = at_minute(10);
  CHECK_THROWS_AS((void)locks.lock(as("devi"), "prod", "mine"), Error);  // no env.lock
  p.audit_now = at_minute(20);
  p.run("dana");  // approved, in the window: two migrations
  p.audit_now = at_minute(30);
  p.write("20250103000000_orders.sql", "CREATE TABLE orders (id INT);");
  p.gate_now = hour(12);
  p.run("ada", "incident 43");  // an emergency: outside the window, no approvals
  REQUIRE(p.audit->verify().ok);

  const auto entries = p.audit->entries();
  const auto state = take_state_snapshot(p.config, *p.store, at_minute(40));
  CHECK(state.environments == std::vector<std::string>{"dev", "prod"});
  REQUIRE(state.awaiting_review.size() == 1);

  const auto report = build_report(entries, ReportFilter{}, state);
  CHECK(report.audit_entries == static_cast<std::int64_t>(entries.size()));
  const EnvironmentReport* prod = report.find("prod");
  REQUIRE(prod != nullptr);
  CHECK(prod->runs_succeeded == 2);
  CHECK(prod->runs_failed == 0);
  CHECK(prod->runs_refused == 4);
  CHECK(prod->migrations_applied == 3);
  CHECK(prod->migrations_rolled_back == 0);
  CHECK(prod->migrations_failed() == 0);
  CHECK(prod->run_duration.count == 2);
  CHECK(prod->run_duration.max_ms >= prod->run_duration.median_ms);
  CHECK(prod->refused(RefusalReason::missing_permission) == 2);  // devi's run and devi's lock
  CHECK(prod->refused(RefusalReason::approvals_missing) == 1);
  CHECK(prod->refused(RefusalReason::outside_window) == 1);
  CHECK(prod->refused(RefusalReason::environment_locked) == 1);
  CHECK(prod->refused(RefusalReason::risk) == 0);
  CHECK(prod->refused(RefusalReason::other) == 0);
  CHECK(prod->emergency_runs == 1);
  CHECK(prod->emergency_awaiting_review == 1);
  CHECK(prod->requests_opened == 1);
  CHECK(prod->requests_approved == 1);
  CHECK(prod->requests_rejected == 0);
  CHECK(prod->requests_executed == 1);
  CHECK(prod->request_lead_time.count == 1);
  CHECK(prod->request_lead_time.median_ms == 17 * 60'000);  // minute 3 to minute 20
  REQUIRE(prod->highest_risk_executed.has_value());
  CHECK(*prod->highest_risk_executed == first_risk);
  CHECK(prod->top_actors ==
        std::vector<ActorActivity>{{"dana", 1, 2, 3}, {"ada", 1, 1, 0}, {"devi", 0, 0, 2}});
  CHECK_FALSE(prod->lock.has_value());
  CHECK(report.find("dev")->runs_succeeded == 0);
  CHECK(report.find("") == nullptr);

  // From minute 20: the refusals are before; the lead time still finds the request's entry.
  ReportFilter since;
  since.since = at_minute(20);
  const auto later = build_report(entries, since, state);
  CHECK(later.find("prod")->refusals_total() == 0);
  CHECK(later.find("prod")->runs_succeeded == 2);
  CHECK(later.find("prod")->requests_opened == 0);
  CHECK(later.find("prod")->request_lead_time.median_ms == 17 * 60'000);

  const std::string metrics = prometheus_metrics(entries, state, true);
  for (const char* line : {
           "migcmd_runs_total{environment=\"prod\",result=\"succeeded\"} 2\n",
           "migcmd_runs_total{environment=\"prod\",result=\"refused\"} 4\n",
           "migcmd_migrations_total{environment=\"prod\",direction=\"up\",result=\"succeeded\"} "
           "3\n",
           "migcmd_refusals_total{environment=\"prod\",reason=\"missing_permission\"} 2\n",
           "migcmd_refusals_total{environment=\"prod\",reason=\"environment_locked\"} 1\n",
           "migcmd_emergency_runs_total{environment=\"prod\"} 1\n",
           "migcmd_post_reviews_pending 1\n",
           "migcmd_environment_locked{environment=\"dev\"} 0\n",
           "migcmd_environment_locked{environment=\"prod\"} 0\n",
           "migcmd_run_duration_seconds_count{environment=\"prod\"} 2\n",
           "migcmd_last_run_timestamp_seconds{environment=\"prod\",result=\"succeeded\"} "
           "1795134600\n",  // 2026-11-20T00:30:00Z
           "migcmd_audit_chain_ok 1\n",
       }) {
    CAPTURE(line);
    CHECK(metrics.find(line) != std::string::npos);
  }
  CHECK(metrics.find("migcmd_audit_entries_total " + std::to_string(entries.size()) + "\n") !=
        std::string::npos);
}
