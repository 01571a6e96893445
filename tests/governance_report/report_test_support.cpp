#include "governance_report/report_test_support.hpp"

#include "migcmd/governance/audit_log.hpp"

using namespace migcmd::governance;

namespace report_test {

TimePoint at_minute(int minutes) {
  using namespace std::chrono;
  return sys_days{year{2026} / 11 / 20} + std::chrono::minutes{minutes};
}

namespace {

struct Trail {
  std::vector<AuditEntry> entries;

  AuditEntry& add(int minute, std::string actor, std::string action, std::string result,
                  std::string environment = "prod") {
    AuditEntry e;
    e.sequence = static_cast<std::int64_t>(entries.size()) + 1;
    e.time = format_audit_time(at_minute(minute));
    e.actor = std::move(actor);
    e.action = std::move(action);
    e.result = std::move(result);
    e.environment = std::move(environment);
    entries.push_back(std::move(e));
    return entries.back();
  }
  // A run allowed by the gate at `risk`, for plan `plan`.
  void allowed(int minute, const std::string& actor, const std::string& action,
               const std::string& plan, const std::string& risk,
               const std::string& environment = "prod") {
    auto& e = add(minute, actor, action, "allowed", environment);
    e.plan_checksum = plan;
    e.details["risk"] = risk;
  }
  AuditEntry& finished(int minute, const std::string& actor, const std::string& action,
                       const std::string& plan, const std::string& result, std::int64_t ms,
                       const std::string& environment = "prod") {
    auto& e = add(minute, actor, action, result, environment);
    e.plan_checksum = plan;
    e.duration_ms = ms;
    return e;
  }
  void migration(int minute, const std::string& actor, const std::string& result,
                 const std::string& direction) {
    auto& e = add(minute, actor, "migration", result);
    e.target = "2025010" + std::to_string(minute) + "_m";
    e.details["direction"] = direction;
  }
  // A refusal as the gate records it: the error's full text, the hint as a detail.
  void gate_refusal(int minute, const std::string& actor, const std::string& what,
                    const std::string& hint = {}, const std::string& environment = "prod") {
    auto& e = add(minute, actor, "run", "refused", environment);
    e.message = what;
    if (!hint.empty()) e.details["hint"] = hint;
  }
  // A refusal as the policy services and the CLI record it: the message, the code as a detail.
  void policy_refusal(int minute, const std::string& actor, const std::string& action,
                      const std::string& message, const std::string& code,
                      const std::string& environment = "prod") {
    auto& e = add(minute, actor, action, "refused", environment);
    e.message = message;
    e.details["error_code"] = code;
  }
};

}  // namespace

std::vector<AuditEntry> trail() {
  Trail t;
  // Before the period: request #1 opened and approved twice.
  t.add(0, "bob", "request", "allowed").target = "request #1";
  t.add(10, "alice", "approve", "allowed").target = "request #1";
  t.add(20, "carol", "approve", "allowed").target = "request #1";

  // The period [30, 70): four refused runs, each for another reason.
  t.gate_refusal(30, "dave",
                 "[migcmd.permission_denied] dave may not run migrations in production: "
                 "permission run.production is missing; none of dave's roles (developer) grants it",
                 "run.production is granted by the roles: dba, admin");
  t.gate_refusal(31, "alice",
                 "[migcmd.refused] environment prod is locked by ops since 2026-11-19 08:00:00 "
                 "UTC: release freeze (hint: no run is allowed until `migcmd env unlock prod`)",
                 "no run is allowed until `migcmd env unlock prod`");
  t.gate_refusal(32, "alice",
                 "[migcmd.refused] prod is outside its maintenance windows (night: daily "
                 "02:00-04:00 UTC) at 2026-11-20 00:32:00 UTC; the next opens at 2026-11-20 "
                 "02:00:00 UTC");
  // Names a risk level, but it is about approvals.
  t.gate_refusal(33, "alice",
                 "[migcmd.refused] request #1 is not approved: 1 more approval needed, from role "
                 "dba (1 of 2 given for production, risk HIGH or above); approvals expire 24h "
                 "after they are given",
                 "- 1 more approval needed");
  // Request #1 runs: two migrations, 4 s, 37 minutes after it was requested.
  t.allowed(34, "alice", "run", "p1", "HIGH");
  t.migration(35, "alice", "succeeded", "up");
  t.migration(36, "alice", "succeeded", "up");
  t.finished(37, "alice", "run", "p1", "succeeded", 4000).details["request"] = "1";
  // A run that fails.
  t.allowed(40, "alice", "run", "p2", "MEDIUM");
  t.migration(41, "alice", "failed", "up");
  t.finished(42, "alice", "run", "p2", "failed", 1000).message = "no such table: x";
  // A rollback.
  t.allowed(50, "bob", "rollback", "p3", "LOW");
  t.migration(51, "bob", "succeeded", "down");
  t.finished(52, "bob", "rollback", "p3", "succeeded", 3000);
  // Two emergencies: #4 still awaits its post-review (the snapshot says), #5 does not.
  t.add(53, "eve", "emergency", "allowed").target = "emergency #4";
  t.allowed(54, "eve", "run", "p4", "LOW");
  t.finished(55, "eve", "run", "p4", "succeeded", 2000).details["emergency_run"] = "4";
  t.add(56, "eve", "emergency", "allowed").target = "emergency #5";
  t.policy_refusal(57, "frank", "approve",
                   "frank may not approve production plans: permission approve.production is "
                   "missing; frank has no role",
                   "permission_denied");
  // Request #2: opened, approved twice, rejected.
  t.add(58, "bob", "request", "allowed").target = "request #2";
  t.add(58, "alice", "approve", "allowed").target = "request #2";
  t.add(58, "dave", "approve", "allowed").target = "request #2";
  t.add(59, "carol", "reject", "allowed").target = "request #2";
  t.gate_refusal(60, "xavier",
                 "[migcmd.refused] the plan's risk CRITICAL is above what prod accepts (MG103 "
                 "drop_table at db/002.sql:4)");
  t.policy_refusal(61, "yann", "approve",
                   "yann requested #2 and cannot approve it: nobody approves their own request",
                   "refused");
  // dev, qa (not configured), and entries of no environment.
  t.allowed(62, "alice", "run", "p5", "LOW", "dev");
  t.finished(63, "alice", "run", "p5", "succeeded", 500, "dev");
  t.policy_refusal(64, "victor", "report", "victor lacks report.generate", "permission_denied", "");
  t.add(65, "alice", "report", "allowed", "");
  t.gate_refusal(66, "zed", "[migcmd.refused] something nobody foresaw", {}, "qa");
  t.finished(67, "alice", "dry_run", "p6", "succeeded", 100);
  t.add(68, "alice", "notify", "failed").message = "hook exited with status 1";

  // After the period.
  t.finished(70, "alice", "run", "p7", "succeeded", 9999);
  t.add(80, "bob", "request", "allowed").target = "request #3";
  return t.entries;
}

StateSnapshot snapshot() {
  StateSnapshot s;
  s.taken_at = at_minute(90);
  s.environments = {"dev", "prod"};
  s.locks.push_back(EnvironmentLock{"prod", "ops", "release freeze", at_minute(-960)});

  ApprovalRequest r3;
  r3.id = 3;
  r3.plan = PlanFingerprint{"prod", "up", {{"20250103", "c3"}, {"20250104", "c4"}}};
  r3.risk = RiskLevel::high;
  r3.reason = "release 43";
  r3.requested_by = "bob";
  r3.requested_at = at_minute(80);
  ApprovalRequest r7 = r3;
  r7.id = 7;
  r7.plan = PlanFingerprint{"dev", "up", {{"20250105", "c5"}}};
  r7.risk = RiskLevel::low;
  r7.reason.clear();
  s.open_requests = {r7, r3};

  EmergencyRun e4;
  e4.id = 4;
  e4.plan = PlanFingerprint{"prod", "up", {{"20250102", "c2"}}};
  e4.reason = "incident 4711";
  e4.run_by = "eve";
  e4.run_at = at_minute(53);
  e4.outcome = "succeeded";
  s.awaiting_review = {e4};

  const auto schedule = [](std::int64_t id, std::string env, ScheduleStatus status, int minute) {
    ScheduledRun r;
    r.id = id;
    r.environment = std::move(env);
    r.status = status;
    r.at = at_minute(minute);
    r.created_by = "dana";
    r.created_at = at_minute(0);
    return r;
  };
  s.schedules = {schedule(1, "prod", ScheduleStatus::pending, 120),
                 schedule(2, "prod", ScheduleStatus::done, 10),
                 schedule(3, "dev", ScheduleStatus::cancelled, 20),
                 schedule(4, "dev", ScheduleStatus::running, 85)};
  s.schedules[0].request_id = 3;
  return s;
}

}  // namespace report_test
