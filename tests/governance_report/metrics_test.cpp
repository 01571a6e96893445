// The Prometheus exposition: the whole document for a small trail, the known trail's counters over
// all of it, label escaping.

#include <doctest/doctest.h>

#include "governance_report/report_test_support.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/metrics.hpp"

using namespace migcmd::governance;
using report_test::at_minute;

namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.starts_with(line + "\n") || text.find("\n" + line + "\n") != std::string::npos;
}

AuditEntry entry(std::string action, std::string result, std::string environment,
                 std::string time) {
  AuditEntry e;
  e.actor = "alice";
  e.action = std::move(action);
  e.result = std::move(result);
  e.environment = std::move(environment);
  e.time = std::move(time);
  return e;
}

}  // namespace

TEST_CASE("the whole exposition of a small trail") {
  std::vector<AuditEntry> entries;
  entries.push_back(entry("run", "refused", "prod", "2026-11-20T00:00:00.000Z"));
  entries.back().message = "[migcmd.permission_denied] alice may not run.production";
  entries.push_back(entry("run", "allowed", "prod", "2026-11-20T00:00:00.100Z"));
  entries.push_back(entry("migration", "succeeded", "prod", "2026-11-20T00:00:00.200Z"));
  entries.back().details["direction"] = "up";
  entries.push_back(entry("run", "succeeded", "prod", "2026-11-20T00:00:00.250Z"));
  entries.back().duration_ms = 1500;
  StateSnapshot state;
  state.environments = {"prod"};
  state.locks.push_back(EnvironmentLock{"prod", "ops", "freeze", at_minute(0)});
  ScheduledRun pending;
  pending.environment = "prod";
  state.schedules = {pending, pending};
  state.schedules[1].status = ScheduleStatus::failed;

  const std::string expected =
      R"(# HELP migcmd_runs_total Runs and rollbacks through the governance gate, by environment and result (succeeded, failed, refused).
# TYPE migcmd_runs_total counter
migcmd_runs_total{environment="prod",result="succeeded"} 1
migcmd_runs_total{environment="prod",result="failed"} 0
migcmd_runs_total{environment="prod",result="refused"} 1
# HELP migcmd_migrations_total Migrations executed by governed runs, by environment, direction (up: applied, down: rolled back) and result.
# TYPE migcmd_migrations_total counter
migcmd_migrations_total{environment="prod",direction="up",result="succeeded"} 1
migcmd_migrations_total{environment="prod",direction="up",result="failed"} 0
migcmd_migrations_total{environment="prod",direction="down",result="succeeded"} 0
migcmd_migrations_total{environment="prod",direction="down",result="failed"} 0
# HELP migcmd_run_duration_seconds Duration of finished governed runs, by environment.
# TYPE migcmd_run_duration_seconds summary
migcmd_run_duration_seconds_sum{environment="prod"} 1.5
migcmd_run_duration_seconds_count{environment="prod"} 1
# HELP migcmd_refusals_total Refused actions (runs, approvals, locks, permission checks), by environment and reason.
# TYPE migcmd_refusals_total counter
migcmd_refusals_total{environment="prod",reason="missing_permission"} 1
migcmd_refusals_total{environment="prod",reason="environment_locked"} 0
migcmd_refusals_total{environment="prod",reason="outside_window"} 0
migcmd_refusals_total{environment="prod",reason="approvals_missing"} 0
migcmd_refusals_total{environment="prod",reason="risk"} 0
migcmd_refusals_total{environment="prod",reason="other"} 0
# HELP migcmd_emergency_runs_total Emergency runs (windows and approvals bypassed), by environment.
# TYPE migcmd_emergency_runs_total counter
migcmd_emergency_runs_total{environment="prod"} 0
# HELP migcmd_post_reviews_pending Emergency runs awaiting their post-review.
# TYPE migcmd_post_reviews_pending gauge
migcmd_post_reviews_pending 0
# HELP migcmd_approval_requests_open Open approval requests, by environment.
# TYPE migcmd_approval_requests_open gauge
migcmd_approval_requests_open{environment="prod"} 0
# HELP migcmd_environment_locked 1 when the environment is locked, else 0.
# TYPE migcmd_environment_locked gauge
migcmd_environment_locked{environment="prod"} 1
# HELP migcmd_schedules Scheduled runs, by status.
# TYPE migcmd_schedules gauge
migcmd_schedules{status="pending"} 1
migcmd_schedules{status="running"} 0
migcmd_schedules{status="done"} 0
migcmd_schedules{status="failed"} 1
migcmd_schedules{status="cancelled"} 0
# HELP migcmd_audit_entries_total Entries in the audit trail.
# TYPE migcmd_audit_entries_total counter
migcmd_audit_entries_total 4
# HELP migcmd_last_run_timestamp_seconds When the newest governed run of each result was recorded (Unix time), by environment.
# TYPE migcmd_last_run_timestamp_seconds gauge
migcmd_last_run_timestamp_seconds{environment="prod",result="succeeded"} 1795132800.25
migcmd_last_run_timestamp_seconds{environment="prod",result="refused"} 1795132800
# HELP migcmd_audit_chain_ok 1 when the audit trail's hash chain verifies, 0 when it is broken.
# TYPE migcmd_audit_chain_ok gauge
migcmd_audit_chain_ok 0
)";
  CHECK(prometheus_metrics(entries, state, false) == expected);
  CHECK(prometheus_content_type == "text/plain; version=0.0.4");
}

TEST_CASE("the known trail's counters cover all of it; gauges are the state now") {
  const auto entries = report_test::trail();
  const auto state = report_test::snapshot();
  const std::string m = prometheus_metrics(entries, state, true);
  for (const char* line : {
           R"(migcmd_runs_total{environment="prod",result="succeeded"} 4)",
           R"(migcmd_runs_total{environment="prod",result="failed"} 1)",
           R"(migcmd_runs_total{environment="prod",result="refused"} 5)",
           R"(migcmd_runs_total{environment="dev",result="succeeded"} 1)",
           R"(migcmd_runs_total{environment="qa",result="refused"} 1)",
           R"(migcmd_migrations_total{environment="prod",direction="up",result="succeeded"} 2)",
           R"(migcmd_migrations_total{environment="prod",direction="up",result="failed"} 1)",
           R"(migcmd_migrations_total{environment="prod",direction="down",result="succeeded"} 1)",
           R"(migcmd_migrations_total{environment="prod",direction="down",result="failed"} 0)",
           R"(migcmd_run_duration_seconds_sum{environment="prod"} 19.999)",
           R"(migcmd_run_duration_seconds_count{environment="prod"} 5)",
           R"(migcmd_run_duration_seconds_sum{environment="dev"} 0.5)",
           R"(migcmd_refusals_total{environment="prod",reason="missing_permission"} 2)",
           R"(migcmd_refusals_total{environment="prod",reason="environment_locked"} 1)",
           R"(migcmd_refusals_total{environment="prod",reason="outside_window"} 1)",
           R"(migcmd_refusals_total{environment="prod",reason="approvals_missing"} 1)",
           R"(migcmd_refusals_total{environment="prod",reason="risk"} 1)",
           R"(migcmd_refusals_total{environment="prod",reason="other"} 1)",
           R"(migcmd_refusals_total{environment="qa",reason="other"} 1)",
           R"(migcmd_refusals_total{environment="",reason="missing_permission"} 1)",
           R"(migcmd_emergency_runs_total{environment="prod"} 2)",
           R"(migcmd_post_reviews_pending 1)",
           R"(migcmd_approval_requests_open{environment="prod"} 1)",
           R"(migcmd_approval_requests_open{environment="dev"} 1)",
           R"(migcmd_approval_requests_open{environment="qa"} 0)",
           R"(migcmd_environment_locked{environment="dev"} 0)",
           R"(migcmd_environment_locked{environment="prod"} 1)",
           R"(migcmd_schedules{status="pending"} 1)",
           R"(migcmd_schedules{status="running"} 1)",
           R"(migcmd_schedules{status="done"} 1)",
           R"(migcmd_schedules{status="cancelled"} 1)",
           R"(migcmd_audit_entries_total 37)",
           // 2026-11-20T01:10:00Z, 00:42, 01:00
           R"(migcmd_last_run_timestamp_seconds{environment="prod",result="succeeded"} 1795137000)",
           R"(migcmd_last_run_timestamp_seconds{environment="prod",result="failed"} 1795135320)",
           R"(migcmd_last_run_timestamp_seconds{environment="prod",result="refused"} 1795136400)",
           R"(migcmd_audit_chain_ok 1)",
       }) {
    CAPTURE(line);
    CHECK(has_line(m, line));
  }
  // Entries of no environment count only as refusals.
  CHECK_FALSE(has_line(m, R"(migcmd_runs_total{environment="",result="succeeded"} 0)"));
  CHECK(m.find(R"(migcmd_environment_locked{environment=""})") == std::string::npos);
  // No sample for a result that never happened.
  CHECK(m.find(R"(migcmd_last_run_timestamp_seconds{environment="dev",result="failed"})") ==
        std::string::npos);
  // Every family has its HELP and TYPE, once, before its samples.
  for (const char* family :
       {"migcmd_runs_total", "migcmd_migrations_total", "migcmd_run_duration_seconds",
        "migcmd_refusals_total", "migcmd_emergency_runs_total", "migcmd_post_reviews_pending",
        "migcmd_approval_requests_open", "migcmd_environment_locked", "migcmd_schedules",
        "migcmd_audit_entries_total", "migcmd_last_run_timestamp_seconds",
        "migcmd_audit_chain_ok"}) {
    CAPTURE(family);
    const auto help = m.find(std::string("# HELP ") + family + " ");
    const auto type = m.find(std::string("# TYPE ") + family + " ");
    REQUIRE(help != std::string::npos);
    CHECK(type > help);
    CHECK(m.find(std::string("# HELP ") + family + " ", help + 1) == std::string::npos);
    CHECK(m.find(std::string("\n") + family, type) != std::string::npos);
  }
}

TEST_CASE("label values escape backslash, double quote and line feed") {
  CHECK(escape_label_value("plain-name.1") == "plain-name.1");
  CHECK(escape_label_value("a\"b") == "a\\\"b");
  CHECK(escape_label_value("a\\b") == "a\\\\b");
  CHECK(escape_label_value("a\nb") == "a\\nb");
  CHECK(escape_label_value("\\\"\n") == "\\\\\\\"\\n");

  // An environment name from the trail, however odd, stays inside its label.
  std::vector<AuditEntry> entries = {
      entry("run", "refused", "we\"ird\\env\nx", "2026-11-20T00:00:00.000Z")};
  const std::string m = prometheus_metrics(entries, StateSnapshot{}, true);
  CHECK(has_line(m, R"(migcmd_runs_total{environment="we\"ird\\env\nx",result="refused"} 1)"));
  CHECK(has_line(m, R"(migcmd_refusals_total{environment="we\"ird\\env\nx",reason="other"} 1)"));
  // One sample per line: the line feed did not break one.
  for (std::size_t at = 0, next; (next = m.find('\n', at)) != std::string::npos; at = next + 1) {
    const std::string line = m.substr(at, next - at);
    CAPTURE(line);
    CHECK((line.starts_with("# ") || line.starts_with("migcmd_")));
  }
}
