// Scheduled runs through the library: who may schedule, only inside a window and only an approved
// plan whose approvals last until then; cancelling; the agent executing due runs exactly once,
// across restarts and failures, acting as the person who scheduled them; all of it audited.

#include <doctest/doctest.h>

#include <functional>

#include "governance_policy/policy_test_support.hpp"
#include "migcmd/governance/approvals.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/schedule_agent.hpp"
#include "migcmd/governance/schedules.hpp"

using namespace migcmd::governance;
using migcmd::ErrorCode;
using policy_test::as;
using policy_test::contains;
using policy_test::error_of;
using policy_test::plan;

namespace {

struct Project {
  policy_test::TempDir dir;
  ProjectConfig config = project_config_from_json(policy_test::sample_config);
  StateStore store{dir.path() / "governance.db"};
  AuditLog audit = open_audit_log(dir.path() / "audit.db");
  policy_test::TestClock clock;  // Monday 2025-06-02 10:00 UTC (12:00 in Paris)
  Schedules schedules{config, store, &audit, clock.function()};
  Approvals approvals{config, store, &audit, clock.function()};

  [[nodiscard]] std::vector<AuditEntry> audit_entries(const std::string& action) {
    AuditFilter filter;
    filter.action = action;
    return audit.entries(filter);
  }
  ScheduleRequest request(const std::string& environment, const std::string& at) {
    ScheduleRequest r;
    r.plan = plan(environment);
    r.risk = RiskLevel::low;
    r.at = parse_timestamp(at);
    return r;
  }
};

}  // namespace

TEST_CASE("schedule: permission, window, approved plan, approvals still valid then, not past") {
  Project p;
  // prod's window: mon-thu 22:00-02:00 Paris, i.e. 20:00-00:00 UTC in June.
  const auto in_window = p.request("prod", "2025-06-02T20:30:00Z");

  auto e = error_of([&] { (void)p.schedules.schedule(as("bob"), in_window); });
  CHECK(e.code() == ErrorCode::permission_denied);
  CHECK(contains(e.message(), "schedule.create"));

  e = error_of(
      [&] { (void)p.schedules.schedule(as("alice"), p.request("prod", "2025-06-02T12:00:00Z")); });
  CHECK(e.code() == ErrorCode::refused);
  CHECK(contains(e.message(), "outside its maintenance windows"));
  CHECK(contains(e.message(), "the next opens at 2025-06-02 20:00:00 UTC"));

  e = error_of([&] { (void)p.schedules.schedule(as("alice"), in_window); });
  CHECK(e.code() == ErrorCode::refused);  // nobody asked for approval yet

  const auto id = p.approvals.request(as("bob"), plan("prod"), RiskLevel::low, "new tables");
  e = error_of([&] { (void)p.schedules.schedule(as("alice"), in_window); });
  CHECK(e.code() == ErrorCode::refused);  // requested, not approved
  CHECK(contains(e.message(), "not approved"));
  (void)p.approvals.approve(as("carol"), id, "ok");  // valid 24h: until Tuesday 10:00 UTC

  // Tuesday night is in a window, but the approval will have expired by then.
  e = error_of(
      [&] { (void)p.schedules.schedule(as("alice"), p.request("prod", "2025-06-03T20:30:00Z")); });
  CHECK(e.code() == ErrorCode::refused);
  CHECK(contains(e.message(), "approved now but will not be at 2025-06-03 20:30:00 UTC"));

  // Another plan than the approved one.
  auto changed = in_window;
  changed.plan = plan("prod", "edited");
  CHECK(error_of([&] { (void)p.schedules.schedule(as("alice"), changed); }).code() ==
        ErrorCode::refused);

  auto with_target = in_window;
  with_target.target = "002";
  const ScheduledRun run = p.schedules.schedule(as("alice"), with_target);
  CHECK(run.id == 1);
  CHECK(run.status == ScheduleStatus::pending);
  CHECK(run.environment == "prod");
  CHECK(run.plan_checksum == plan("prod").checksum());
  CHECK(run.request_id == id);
  CHECK(run.created_by == "alice");
  CHECK(run.at == in_window.at);
  CHECK(schedule_target(run) == "002");
  CHECK(p.store.find_schedule(1) == run);

  // In the past (beyond a minute), and an empty plan: usage errors.
  CHECK(error_of([&] {
          (void)p.schedules.schedule(as("alice"), p.request("staging", "2025-06-02T09:58:00Z"));
        }).code() == ErrorCode::usage);
  auto empty = p.request("dev", "2025-06-02T11:00:00Z");
  empty.plan.migrations.clear();
  CHECK(error_of([&] { (void)p.schedules.schedule(as("alice"), empty); }).code() ==
        ErrorCode::usage);

  const auto entries = p.audit_entries("schedule");
  REQUIRE(entries.size() == 9);
  CHECK(entries[0].actor == "bob");
  CHECK(entries[0].result == "refused");
  CHECK(entries[1].result == "refused");
  CHECK(contains(entries[1].message, "outside its maintenance windows"));
  CHECK(entries[6].result == "allowed");
  CHECK(entries[6].target == "#1");
  CHECK(entries[6].plan_checksum == run.plan_checksum);
  CHECK(entries[6].details.at("request") == std::to_string(id));
  CHECK(entries[6].details.at("at") == "2025-06-02 20:30:00 UTC");
}

TEST_CASE("next_window: now inside a window or without windows, else the next opening") {
  Project p;
  CHECK(p.schedules.next_window("prod") == parse_timestamp("2025-06-02T20:00:00Z"));
  CHECK(p.schedules.next_window("staging") == p.clock.now);
  p.clock.now = parse_timestamp("2025-06-02T21:15:00Z");
  CHECK(p.schedules.next_window("prod") == p.clock.now);
  p.clock.now = parse_timestamp("2025-06-06T10:00:00Z");  // Friday: next is Monday night
  CHECK(p.schedules.next_window("prod") == parse_timestamp("2025-06-09T20:00:00Z"));
  CHECK(error_of([&] { (void)p.schedules.next_window("nowhere"); }).code() == ErrorCode::usage);
}

TEST_CASE("cancel: needs schedule.cancel and a reason, only while pending; list needs view") {
  Project p;
  const auto run = p.schedules.schedule(as("alice"), p.request("dev", "2025-06-02T11:00:00Z"));
  CHECK(error_of([&] { (void)p.schedules.cancel(as("bob"), run.id, "no"); }).code() ==
        ErrorCode::permission_denied);
  CHECK(error_of([&] { (void)p.schedules.cancel(as("alice"), run.id, " "); }).code() ==
        ErrorCode::usage);
  CHECK(error_of([&] { (void)p.schedules.cancel(as("alice"), 99, "gone"); }).code() ==
        ErrorCode::usage);
  CHECK(p.schedules.list(as("victor"), false).size() == 1);
  CHECK(error_of([&] { (void)p.schedules.list(as("nobody"), false); }).code() ==
        ErrorCode::permission_denied);

  const auto cancelled = p.schedules.cancel(as("dave"), run.id, "release moved");
  CHECK(cancelled.status == ScheduleStatus::cancelled);
  CHECK(contains(cancelled.message, "release moved"));
  CHECK(p.schedules.list(as("victor"), false).empty());
  CHECK(p.schedules.list(as("victor"), true).size() == 1);
  CHECK(error_of([&] { (void)p.schedules.cancel(as("dave"), run.id, "again"); }).code() ==
        ErrorCode::refused);

  const auto entries = p.audit_entries("schedule_cancel");
  REQUIRE(entries.size() == 5);
  CHECK(entries[3].actor == "dave");
  CHECK(entries[3].result == "allowed");
  CHECK(entries[3].environment == "dev");
  CHECK(entries[3].details.at("reason") == "release moved");
  CHECK(entries[4].result == "refused");
}

TEST_CASE("the agent runs due schedules once, as who scheduled them, across restarts") {
  Project p;
  // dev has no windows and no approval rules: schedulable at any time.
  const auto first = p.schedules.schedule(as("alice"), p.request("dev", "2025-06-02T11:00:00Z"));
  const auto second = p.schedules.schedule(as("dave"), p.request("dev", "2025-06-02T12:00:00Z"));

  std::vector<std::string> executed;  // "id:as-user:source"
  bool fail_next = false;
  const ScheduleAgent::Executor executor = [&](const ScheduledRun& run) {
    const Identity acting = scheduled_identity(run);
    executed.push_back(std::to_string(run.id) + ":" + acting.user + ":" + acting.source);
    if (fail_next) throw migcmd::Error(ErrorCode::refused, "environment dev is locked");
    return std::string("applied 001, 002");
  };

  ScheduleAgent viewer(p.config, p.store, &p.audit, as("victor"), "v", p.clock.function());
  CHECK(error_of([&] { (void)viewer.run_due(executor); }).code() == ErrorCode::permission_denied);
  CHECK(p.audit_entries("agent").size() == 1);

  {
    ScheduleAgent agent(p.config, p.store, &p.audit, as("alice"), "agent-1", p.clock.function());
    CHECK(agent.run_due(executor).empty());  // nothing due at 10:00
    p.clock.now = parse_timestamp("2025-06-02T11:30:00Z");
    const auto outcomes = agent.run_due(executor);
    REQUIRE(outcomes.size() == 1);
    CHECK(outcomes[0].succeeded);
    CHECK(outcomes[0].run.id == first.id);
    CHECK(outcomes[0].run.status == ScheduleStatus::done);
    CHECK(outcomes[0].run.claimed_by == "agent-1");
    CHECK(outcomes[0].run.message == "applied 001, 002");
    CHECK(agent.run_due(executor).empty());
  }
  CHECK(executed == std::vector<std::string>{"1:alice:schedule #1"});

  // A new agent over a new store on the same file: the done run stays done; the due one fails.
  StateStore reopened(p.dir.path() / "governance.db");
  ScheduleAgent restarted(p.config, reopened, &p.audit, as("alice"), "agent-2", p.clock.function());
  p.clock.now = parse_timestamp("2025-06-02T12:00:00Z");
  fail_next = true;
  const auto outcomes = restarted.run_due(executor);
  REQUIRE(outcomes.size() == 1);
  CHECK_FALSE(outcomes[0].succeeded);
  CHECK(outcomes[0].run.id == second.id);
  CHECK(outcomes[0].run.status == ScheduleStatus::failed);
  CHECK(outcomes[0].run.message == "environment dev is locked");
  CHECK(restarted.run_due(executor).empty());
  CHECK(executed == std::vector<std::string>{"1:alice:schedule #1", "2:dave:schedule #2"});

  // A run claimed by an agent that died is reported, never executed.
  const auto third = p.schedules.schedule(as("alice"), p.request("dev", "2025-06-02T12:00:00Z"));
  REQUIRE(p.store.claim_schedule(third.id, "agent-dead", p.clock.now));
  CHECK(restarted.run_due(executor).empty());
  const auto stuck = restarted.interrupted();
  REQUIRE(stuck.size() == 1);
  CHECK(stuck[0].id == third.id);
  CHECK(stuck[0].claimed_by == "agent-dead");
  CHECK(executed.size() == 2);

  const auto entries = p.audit_entries("schedule_run");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].result == "succeeded");
  CHECK(entries[0].target == "#1");
  CHECK(entries[0].details.at("agent") == "agent-1");
  CHECK(entries[0].details.at("scheduled_by") == "alice");
  CHECK(entries[1].result == "failed");
  CHECK(entries[1].message == "environment dev is locked");
  CHECK(entries[1].details.at("scheduled_by") == "dave");
}
