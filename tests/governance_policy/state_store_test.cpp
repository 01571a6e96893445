// The state store on a real SQLite file: environment locks (and the service that checks who may
// lock), requests read back whole, and scheduled runs claimed exactly once by racing agents (two
// processes) and across an agent's restart.

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "governance_policy/policy_test_support.hpp"
#include "migcmd/governance/environment_locks.hpp"
#include "migcmd/governance/policy_checks.hpp"
#include "migcmd/governance/state_store.hpp"
#include "migcmd/providers/sqlite.hpp"

using namespace migcmd::governance;
using migcmd::ErrorCode;
using policy_test::as;
using policy_test::code_of;

namespace {

ScheduledRun schedule(const std::string& env, TimePoint at) {
  ScheduledRun run;
  run.environment = env;
  run.plan_checksum = "abc";
  run.at = at;
  run.created_by = "alice";
  run.created_at = at - std::chrono::hours(1);
  return run;
}

// Rows in the file itself, asked through another connection.
std::string cell(const std::filesystem::path& file, const std::string& sql) {
  auto db = migcmd::sqlite::connect("sqlite:" + file.string());
  const auto result = db->query(sql);
  if (result.rows.empty() || !result.rows[0][0]) return "<none>";
  return *result.rows[0][0];
}

}  // namespace

TEST_CASE("environment locks: lock with a reason, refuse a second lock, unlock") {
  policy_test::TempDir dir;
  const auto file = dir.path() / "nested" / "governance.db";
  StateStore store(file);  // creates the directory
  const auto at = parse_timestamp("2025-06-02T10:00:00Z");
  CHECK_FALSE(store.environment_lock("prod").has_value());
  const auto lock = store.lock_environment("prod", "alice", "release freeze", at);
  CHECK(lock.locked_by == "alice");
  CHECK(cell(file, "SELECT locked_by || ':' || reason FROM environment_locks") ==
        "alice:release freeze");

  StateStore other(file);  // another process's view
  REQUIRE(other.environment_lock("prod").has_value());
  CHECK(*other.environment_lock("prod") == lock);
  CHECK_THROWS_WITH_AS(other.lock_environment("prod", "dave", "mine", at),
                       doctest::Contains("already locked by alice since 2025-06-02 10:00:00 UTC: "
                                         "release freeze"),
                       migcmd::Error);
  CHECK_THROWS_WITH_AS(require_unlocked(other, "prod"),
                       doctest::Contains("environment prod is locked by alice"), migcmd::Error);
  CHECK_NOTHROW(require_unlocked(other, "staging"));
  CHECK(other.environment_locks().size() == 1);

  const auto removed = other.unlock_environment("prod");
  REQUIRE(removed.has_value());
  CHECK(removed->reason == "release freeze");
  CHECK_FALSE(store.environment_lock("prod").has_value());
  CHECK_FALSE(store.unlock_environment("prod").has_value());
  CHECK(cell(file, "SELECT count(*) FROM environment_locks") == "0");
}

TEST_CASE("EnvironmentLocks checks env.lock / env.unlock, needs a reason, and audits") {
  policy_test::TempDir dir;
  const auto config = project_config_from_json(policy_test::sample_config);
  StateStore store(dir.path() / "state.db");
  AuditLog audit = open_audit_log(dir.path() / "audit.db");
  policy_test::TestClock clock;
  EnvironmentLocks locks(config, store, &audit, clock.function());

  CHECK(code_of([&] { locks.lock(as("bob"), "prod", "x"); }) == ErrorCode::permission_denied);
  CHECK(code_of([&] { locks.lock(as("erin"), "prod", ""); }) == ErrorCode::usage);
  CHECK(code_of([&] { locks.lock(as("erin"), "qa", "x"); }) == ErrorCode::usage);
  CHECK_FALSE(store.environment_lock("prod").has_value());
  locks.lock(as("erin"), "prod", "quarter close");  // release_manager has env.lock
  CHECK(locks.status("prod")->locked_by == "erin");
  CHECK(code_of([&] { locks.lock(as("alice"), "prod", "again"); }) == ErrorCode::refused);
  CHECK(code_of([&] { (void)locks.unlock(as("carol"), "prod"); }) == ErrorCode::permission_denied);
  CHECK(store.environment_lock("prod").has_value());
  CHECK(locks.unlock(as("alice"), "prod").has_value());
  CHECK_FALSE(locks.unlock(as("alice"), "prod").has_value());

  AuditFilter filter;
  filter.action = "env_lock";
  const auto lock_entries = audit.entries(filter);
  REQUIRE(lock_entries.size() == 5);
  std::vector<std::string> results;
  for (const auto& e : lock_entries) results.push_back(e.actor + ":" + e.result);
  CHECK(results == std::vector<std::string>{"bob:refused", "erin:failed", "erin:failed",
                                            "erin:allowed", "alice:refused"});
  CHECK(lock_entries[3].details.at("reason") == "quarter close");
  filter.action = "env_unlock";
  CHECK(audit.entries(filter).size() == 3);
}

TEST_CASE("requests and votes read back as stored; closed requests take no more votes") {
  policy_test::TempDir dir;
  StateStore store(dir.path() / "state.db");
  ApprovalRequest r;
  r.plan = policy_test::plan("prod");
  r.plan_checksum = r.plan.checksum();
  r.risk = RiskLevel::high;
  r.reason = "release 42";
  r.requested_by = "bob";
  r.requested_at = parse_timestamp("2025-06-02T10:00:00Z");
  const auto id = store.add_request(r);
  ApprovalVote v{"alice", {"dba", "developer"}, VoteKind::approve,
                 "ok",    r.plan_checksum,      r.requested_at + std::chrono::minutes(3)};
  store.add_vote(id, v);
  auto back = store.request(id);
  CHECK(back.plan == r.plan);
  CHECK(back.plan_checksum == r.plan_checksum);
  CHECK(back.risk == RiskLevel::high);
  CHECK(back.requested_at == r.requested_at);
  CHECK(back.status == RequestStatus::open);
  REQUIRE(back.votes.size() == 1);
  CHECK(back.votes[0] == v);
  CHECK(store.open_requests_for(r.plan_checksum).size() == 1);
  CHECK(store.open_requests_for("other").empty());

  const auto executed = store.mark_request_executed(id, "ci", "run of 2025-06-02", r.requested_at);
  CHECK(executed.status == RequestStatus::executed);
  CHECK(code_of([&] { store.add_vote(id, v); }) == ErrorCode::refused);
  CHECK(store.requests().empty());
  CHECK(store.requests(RequestFilter{"prod", true}).size() == 1);
  CHECK(store.requests(RequestFilter{"staging", true}).empty());
  CHECK(code_of([&] { (void)store.request(42); }) == ErrorCode::usage);
}

TEST_CASE("scheduled runs: due ones, atomic claims, finishing, cancelling") {
  policy_test::TempDir dir;
  const auto file = dir.path() / "state.db";
  StateStore agent_a(file);
  StateStore agent_b(file);
  const auto t0 = parse_timestamp("2025-06-02T22:00:00Z");
  const auto s1 = agent_a.add_schedule(schedule("prod", t0));
  const auto s2 = agent_a.add_schedule(schedule("prod", t0 + std::chrono::hours(1)));
  const auto s3 = agent_a.add_schedule(schedule("staging", t0 - std::chrono::hours(1)));

  CHECK(agent_b.due_schedules(t0 - std::chrono::hours(2)).empty());
  const auto due = agent_b.due_schedules(t0);
  REQUIRE(due.size() == 2);
  CHECK(due[0].id == s3);  // soonest first
  CHECK(due[1].id == s1);

  CHECK(agent_a.claim_schedule(s1, "agent-a", t0));
  CHECK_FALSE(agent_b.claim_schedule(s1, "agent-b", t0));  // already taken
  CHECK_FALSE(agent_a.claim_schedule(s1, "agent-a", t0));  // not twice by the same agent either
  CHECK(cell(file, "SELECT status || ':' || claimed_by FROM scheduled_runs WHERE id = 1") ==
        "running:agent-a");
  const auto next = agent_b.claim_next_due("agent-b", t0);
  REQUIRE(next.has_value());
  CHECK(next->id == s3);
  CHECK(next->status == ScheduleStatus::running);
  CHECK_FALSE(agent_b.claim_next_due("agent-b", t0).has_value());  // s2 is not due yet

  CHECK(code_of([&] { (void)agent_b.finish_schedule(s1, "agent-b", true, "", t0); }) ==
        ErrorCode::refused);
  const auto done = agent_a.finish_schedule(s1, "agent-a", true, "applied 002", t0);
  CHECK(done.status == ScheduleStatus::done);
  CHECK(done.message == "applied 002");
  CHECK(code_of([&] { (void)agent_a.finish_schedule(s1, "agent-a", true, "", t0); }) ==
        ErrorCode::refused);

  CHECK(code_of([&] { (void)agent_a.cancel_schedule(s3, "alice", "", t0); }) ==
        ErrorCode::refused);  // running
  const auto cancelled = agent_a.cancel_schedule(s2, "alice", "moved to Friday", t0);
  CHECK(cancelled.status == ScheduleStatus::cancelled);
  CHECK(cancelled.message == "cancelled by alice: moved to Friday");
  CHECK_FALSE(agent_b.claim_schedule(s2, "agent-b", t0 + std::chrono::hours(2)));
  CHECK(agent_b.schedules().size() == 1);  // s3, still running
  CHECK(agent_b.schedules(true).size() == 3);
}

TEST_CASE("an agent restarted after a crash never runs its interrupted schedule again") {
  policy_test::TempDir dir;
  const auto file = dir.path() / "state.db";
  const auto t0 = parse_timestamp("2025-06-02T22:00:00Z");
  std::int64_t first = 0;
  {
    StateStore store(file);
    first = store.add_schedule(schedule("prod", t0));
    store.add_schedule(schedule("prod", t0 + std::chrono::minutes(1)));
    const auto claimed = store.claim_next_due("agent-a", t0 + std::chrono::minutes(5));
    REQUIRE(claimed.has_value());
    CHECK(claimed->id == first);
    // The agent dies here, in the middle of the run: no finish_schedule.
  }
  StateStore restarted(file);
  const auto again = restarted.claim_next_due("agent-a", t0 + std::chrono::minutes(6));
  REQUIRE(again.has_value());
  CHECK(again->id != first);  // the next one, not the interrupted one
  CHECK_FALSE(restarted.claim_next_due("agent-a", t0 + std::chrono::hours(1)).has_value());
  CHECK_FALSE(restarted.claim_schedule(first, "agent-a", t0 + std::chrono::hours(1)));
  const auto interrupted = restarted.interrupted_schedules("agent-a");
  REQUIRE(interrupted.size() == 2);  // the crashed one, and the one just claimed
  CHECK(interrupted[0].id == first);
  CHECK(restarted.interrupted_schedules("agent-b").empty());
  const auto closed = restarted.finish_schedule(first, "agent-a", false,
                                                "interrupted: the agent stopped while it ran",
                                                t0 + std::chrono::hours(1));
  CHECK(closed.status == ScheduleStatus::failed);
  CHECK(restarted.interrupted_schedules().size() == 1);
}

TEST_CASE("two agent processes racing over the same schedules claim each exactly once") {
  policy_test::TempDir dir;
  const auto file = dir.path() / "state.db";
  const auto t0 = parse_timestamp("2025-06-02T22:00:00Z");
  constexpr int count = 40;
  {
    StateStore store(file);
    for (int i = 0; i < count; ++i) {
      store.add_schedule(schedule("prod", t0 + std::chrono::seconds(i)));
    }
  }
  std::vector<pid_t> children;
  for (const char* agent : {"agent-a", "agent-b"}) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // The child: its own connection; claims until nothing is due, writing what it got.
      int status = 0;
      try {
        StateStore store(file);
        std::ofstream out(dir.path() / (std::string(agent) + ".claims"));
        while (auto run = store.claim_next_due(agent, t0 + std::chrono::hours(1))) {
          out << run->id << '\n';
          out.flush();
          store.finish_schedule(run->id, agent, true, "ok", t0 + std::chrono::hours(1));
        }
      } catch (...) {
        status = 1;
      }
      _exit(status);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  std::map<std::int64_t, int> claims;
  for (const char* agent : {"agent-a", "agent-b"}) {
    std::ifstream in(dir.path() / (std::string(agent) + ".claims"));
    std::int64_t id = 0;
    while (in >> id) ++claims[id];
  }
  CHECK(claims.size() == static_cast<std::size_t>(count));
  for (const auto& [id, times] : claims) {
    CAPTURE(id);
    CHECK(times == 1);
  }
  CHECK(cell(file, "SELECT count(*) FROM scheduled_runs WHERE status = 'done'") ==
        std::to_string(count));
}
