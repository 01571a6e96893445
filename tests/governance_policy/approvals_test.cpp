// Approval flows through the library: sufficient, insufficient, wrong roles, self-approval,
// expiry, invalidation by a changed checksum or target, rejection; emergencies and their review;
// every action and refusal in the audit log; notification hooks.

#include <doctest/doctest.h>

#include <fstream>

#include "governance_policy/policy_test_support.hpp"
#include "migcmd/governance/approvals.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/policy_checks.hpp"

using namespace migcmd::governance;
using migcmd::ErrorCode;
using policy_test::as;
using policy_test::code_of;
using policy_test::contains;
using policy_test::plan;

namespace {

// A project with the sample configuration, its state store and audit log in a temporary
// directory, and a clock the test moves.
struct Project {
  policy_test::TempDir dir;
  ProjectConfig config = project_config_from_json(policy_test::sample_config);
  StateStore store{dir.path() / "governance.db"};
  AuditLog audit = open_audit_log(dir.path() / "audit.db");
  policy_test::TestClock clock;
  Approvals approvals{config, store, &audit, clock.function()};

  [[nodiscard]] ApprovalDecision check(const PlanFingerprint& p, RiskLevel risk) {
    return approvals.check(p, risk);
  }
  [[nodiscard]] std::vector<AuditEntry> audit_entries(const std::string& action) {
    AuditFilter filter;
    filter.action = action;
    return audit.entries(filter);
  }
};

}  // namespace

TEST_CASE("production HIGH: three approvals including a DBA and a tech lead") {
  Project p;
  const auto prod = plan("prod");
  const auto id = p.approvals.request(as("bob"), prod, RiskLevel::high, "release 42");
  CHECK(id == 1);

  // Nothing yet: exactly what is missing.
  auto d = p.check(prod, RiskLevel::high);
  CHECK_FALSE(d.approved);
  CHECK(d.request_id == id);
  CHECK(d.rules.size() == 2);  // production LOW+ and production HIGH+
  CHECK(contains(d.message,
                 "3 more approvals needed, including one from role dba and one from "
                 "role tech_lead"));
  CHECK(contains(d.message, "1 more approval needed"));  // the LOW+ rule
  CHECK(contains(d.message, "approvals expire 24h after they are given"));

  // Insufficient: one DBA.
  p.clock.advance(std::chrono::minutes(5));
  p.approvals.approve(as("alice"), id, "looks fine");
  d = p.check(prod, RiskLevel::high);
  CHECK_FALSE(d.approved);
  CHECK(d.approvers == std::vector<std::string>{"alice"});
  CHECK(contains(d.message, "2 more approvals needed, including one from role tech_lead"));
  CHECK_FALSE(contains(d.message, "role dba"));
  require_approved(p.check(prod, RiskLevel::medium));  // the LOW+ rule alone is satisfied
  CHECK_THROWS_WITH_AS(require_approved(d), doctest::Contains("2 more approvals needed"),
                       migcmd::Error);

  // The same person counts once.
  p.approvals.approve(as("alice"), id, "again");
  d = p.check(prod, RiskLevel::high);
  CHECK(d.approvers == std::vector<std::string>{"alice"});
  CHECK(contains(d.message, "2 more approvals needed"));

  // Sufficient.
  p.approvals.approve(as("carol"), id, "");
  p.approvals.approve(as("dave"), id, "");
  d = p.check(prod, RiskLevel::high);
  CHECK(d.approved);
  CHECK(d.approvers == std::vector<std::string>{"alice", "carol", "dave"});
  CHECK(contains(d.message, "request #1 is approved by alice, carol, dave"));
  CHECK_NOTHROW(require_approved(d));
  // CRITICAL is at least HIGH: the same rules, still approved.
  CHECK(p.check(prod, RiskLevel::critical).approved);
}

TEST_CASE("wrong roles: enough approvals, but not from the roles the rule names") {
  Project p;
  const auto prod = plan("prod");
  const auto id = p.approvals.request(as("bob"), prod, RiskLevel::high, "");
  // Two DBAs and an admin: admin has every permission but is not a tech lead.
  p.approvals.approve(as("alice"), id, "");
  p.approvals.approve(as("dave"), id, "");
  p.approvals.approve(as("root"), id, "");
  auto d = p.check(prod, RiskLevel::high);
  CHECK_FALSE(d.approved);
  CHECK(d.approvers.size() == 3);
  CHECK(contains(d.message, "1 more approval needed, from role tech_lead (3 of 3 given"));
  // A release manager inherits tech_lead: that fills it.
  p.approvals.approve(as("erin"), id, "");
  CHECK(p.check(prod, RiskLevel::high).approved);
}

TEST_CASE("one approver cannot fill two required roles") {
  auto config = project_config_from_json(R"({
    "environments": {"prod": {"tier": "production", "url_env": "P"}},
    "roles": {"lead_dba": {"inherits": ["dba"], "permissions": []},
              "tech_lead": {"inherits": ["developer"], "permissions": ["approve.*"]}},
    "members": {"req": ["developer"], "both": ["lead_dba", "tech_lead"], "dev2": ["tech_lead"],
                "dba2": ["dba"]},
    "approvals": [{"tier": "production", "approvals": 2, "roles": ["dba", "tech_lead"]}]
  })");
  policy_test::TempDir dir;
  StateStore store(dir.path() / "state.db");
  policy_test::TestClock clock;
  Approvals approvals(config, store, nullptr, clock.function());
  const auto id = approvals.request(as("req"), plan("prod"), RiskLevel::low, "");
  approvals.approve(as("both"), id, "");
  auto d = approvals.check(plan("prod"), RiskLevel::low);
  CHECK_FALSE(d.approved);
  CHECK(contains(d.message, "1 more approval needed"));
  // Either role can be filled by the newcomer, since "both" can take the other one.
  approvals.approve(as("dev2"), id, "");
  CHECK(approvals.check(plan("prod"), RiskLevel::low).approved);
}

TEST_CASE("nobody approves their own request; approvers need approve.<tier>") {
  Project p;
  const auto prod = plan("prod");
  const auto id = p.approvals.request(as("alice"), prod, RiskLevel::high, "hotfix");
  CHECK(code_of([&] { p.approvals.approve(as("alice"), id, ""); }) == ErrorCode::refused);
  // Not even under another spelling of the name (SSO names are case-insensitive).
  CHECK(code_of([&] {
          p.approvals.approve(Identity{"ALICE", {"dba"}, "sso"}, id, "");
        }) == ErrorCode::refused);
  CHECK_THROWS_WITH_AS(p.approvals.approve(as("alice"), id, ""),
                       doctest::Contains("nobody approves their own request"), migcmd::Error);
  // A developer may approve development only.
  CHECK_THROWS_WITH_AS(p.approvals.approve(as("bob"), id, ""),
                       doctest::Contains("approve.production"), migcmd::Error);
  CHECK(code_of([&] { p.approvals.approve(as("victor"), id, ""); }) ==
        ErrorCode::permission_denied);
  CHECK(p.store.request(id).votes.empty());
  // Requesting needs `request`: a viewer cannot.
  CHECK(code_of([&] { (void)p.approvals.request(as("victor"), prod, RiskLevel::low, ""); }) ==
        ErrorCode::permission_denied);

  // Each refusal is in the audit, with who, what and why.
  const auto refused = p.audit_entries("approve");
  REQUIRE(refused.size() == 5);
  for (const auto& e : refused) {
    CHECK(e.result == "refused");
    CHECK(e.environment == "prod");
    CHECK(e.target == "request #1");
  }
  CHECK(refused[0].actor == "alice");
  CHECK(refused[0].details.at("error_code") == "refused");
  CHECK(refused[3].actor == "bob");
  CHECK(refused[3].details.at("error_code") == "permission_denied");
  CHECK(contains(refused[3].message, "approve.production"));
  const auto requests = p.audit_entries("request");
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].result == "allowed");
  CHECK(requests[0].plan_checksum == prod.checksum());
  CHECK(requests[1].result == "refused");
  CHECK(requests[1].actor == "victor");
  CHECK(p.audit.verify().ok);
}

TEST_CASE("approvals expire: each rule with its own expiry") {
  Project p;
  const auto staging = plan("staging");
  const auto id = p.approvals.request(as("bob"), staging, RiskLevel::low, "");
  p.approvals.approve(as("alice"), id, "");
  CHECK(p.check(staging, RiskLevel::low).approved);
  p.clock.advance(std::chrono::minutes(30));
  CHECK(p.check(staging, RiskLevel::low).approved);  // exactly 30 minutes: still valid
  p.clock.advance(std::chrono::minutes(1));
  auto d = p.check(staging, RiskLevel::low);
  CHECK_FALSE(d.approved);
  CHECK(d.expired == std::vector<std::string>{"alice"});
  CHECK(contains(d.message, "the approval of alice (given 2025-06-02 10:00:00 UTC) has expired"));
  CHECK(contains(d.message, "approvals expire 30m after they are given"));
  // Approving again renews it.
  p.approvals.approve(as("alice"), id, "still good");
  CHECK(p.check(staging, RiskLevel::low).approved);

  // Production HIGH: 24 hours.
  const auto prod = plan("prod");
  const auto pid = p.approvals.request(as("bob"), prod, RiskLevel::high, "");
  for (const char* user : {"alice", "carol", "dave"}) p.approvals.approve(as(user), pid, "");
  CHECK(p.check(prod, RiskLevel::high).approved);
  p.clock.advance(std::chrono::hours(24) + std::chrono::seconds(1));
  d = p.check(prod, RiskLevel::high);
  CHECK_FALSE(d.approved);
  CHECK(d.expired == std::vector<std::string>{"alice", "carol", "dave"});
  CHECK(contains(d.message, "3 more approvals needed"));
}

TEST_CASE("a changed checksum, an added or removed migration, or another target invalidates") {
  Project p;
  const auto approved_plan = plan("prod");
  const auto id = p.approvals.request(as("bob"), approved_plan, RiskLevel::high, "");
  for (const char* user : {"alice", "carol", "dave"}) p.approvals.approve(as(user), id, "");
  CHECK(p.check(approved_plan, RiskLevel::high).approved);

  // 002 edited after approval.
  auto changed = plan("prod", "c2-edited");
  auto d = p.check(changed, RiskLevel::high);
  CHECK_FALSE(d.approved);
  CHECK(d.invalidated);
  CHECK(contains(d.message, "migration 002 changed (checksum c2 -> c2-edite)"));
  CHECK(contains(d.message, "a new request is needed"));
  CHECK_FALSE(p.approvals.evaluate(id, RiskLevel::high, changed).approved);

  // A migration added, one removed.
  auto added = approved_plan;
  added.migrations.emplace_back("003", "c3");
  CHECK(contains(p.check(added, RiskLevel::high).message, "migration 003 was added"));
  auto removed = approved_plan;
  removed.migrations.pop_back();
  CHECK(contains(p.check(removed, RiskLevel::high).message, "migration 002 was removed"));

  // The same migrations for another production environment: not approved there.
  const auto other_target = plan("prod-us");
  d = p.approvals.evaluate(id, RiskLevel::high, other_target);
  CHECK(d.invalidated);
  CHECK(contains(d.message, "the target changed from prod to prod-us"));
  d = p.check(other_target, RiskLevel::high);
  CHECK_FALSE(d.approved);
  CHECK(contains(d.message, "no approval request for this plan"));

  // The checksum-only form says what it can.
  const auto request = p.store.request(id);
  const auto by_checksum = evaluate(request, p.config, Tier::production, RiskLevel::high,
                                    changed.checksum(), p.clock.now);
  CHECK(by_checksum.invalidated);
  CHECK(contains(by_checksum.message, "the plan changed since request #1 was made"));
  // Approvals given to one checksum never count for another.
  CHECK(evaluate(request, p.config, Tier::production, RiskLevel::high, approved_plan.checksum(),
                 p.clock.now)
            .approved);
}

TEST_CASE("a rejected request stays rejected") {
  Project p;
  const auto prod = plan("prod");
  const auto id = p.approvals.request(as("bob"), prod, RiskLevel::high, "");
  p.approvals.approve(as("alice"), id, "");
  CHECK(code_of([&] { p.approvals.reject(as("carol"), id, "  "); }) == ErrorCode::usage);
  CHECK(code_of([&] { p.approvals.reject(as("victor"), id, "no"); }) ==
        ErrorCode::permission_denied);
  const auto r = p.approvals.reject(as("carol"), id, "drops a column still read by billing");
  CHECK(r.status == RequestStatus::rejected);
  CHECK(r.closed_by == "carol");
  auto d = p.approvals.evaluate(id, RiskLevel::high, prod);
  CHECK(d.rejected);
  CHECK_FALSE(d.approved);
  CHECK(contains(d.message, "rejected by carol: drops a column still read by billing"));
  // No more votes, and the gate finds no open request for the plan.
  CHECK_THROWS_WITH_AS(p.approvals.approve(as("dave"), id, ""), doctest::Contains("was rejected"),
                       migcmd::Error);
  CHECK(contains(p.check(prod, RiskLevel::high).message, "no approval request for this plan"));
  // A new request for the same plan starts over.
  const auto again = p.approvals.request(as("bob"), prod, RiskLevel::high, "fixed the reader");
  CHECK(again == id + 1);
  CHECK(p.check(prod, RiskLevel::high).request_id == again);
  const auto rejects = p.audit_entries("reject");
  REQUIRE(rejects.size() == 3);
  CHECK(rejects[0].result == "failed");  // no reason given
  CHECK(rejects[1].result == "refused");
  CHECK(rejects[2].result == "allowed");
  CHECK(contains(rejects[2].message, "drops a column"));
}

TEST_CASE("rules by tier and risk: at_least, exact, and none") {
  Project p;
  // Development has no rule: approved without any request.
  auto d = p.check(plan("dev"), RiskLevel::critical);
  CHECK(d.approved);
  CHECK(contains(d.message, "no approval is required for dev"));

  auto config = project_config_from_json(R"({
    "environments": {"prod": {"tier": "production", "url_env": "P"}},
    "approvals": [{"tier": "production", "risk": "medium", "match": "exact", "approvals": 2}]
  })");
  CHECK(applicable_rules(config.approval_rules, Tier::production, RiskLevel::medium).size() == 1);
  CHECK(applicable_rules(config.approval_rules, Tier::production, RiskLevel::high).empty());
  CHECK(applicable_rules(config.approval_rules, Tier::staging, RiskLevel::medium).empty());
  CHECK(applicable_rules(p.config.approval_rules, Tier::production, RiskLevel::medium).size() == 1);
  CHECK(applicable_rules(p.config.approval_rules, Tier::production, RiskLevel::high).size() == 2);
}

TEST_CASE("emergencies need the permission and a reason, and wait for someone else's review") {
  Project p;
  const auto prod = plan("prod");
  CHECK(code_of([&] { (void)p.approvals.record_emergency(as("bob"), prod, "outage"); }) ==
        ErrorCode::permission_denied);
  CHECK(code_of([&] { (void)p.approvals.record_emergency(as("alice"), prod, ""); }) ==
        ErrorCode::usage);
  const auto id = p.approvals.record_emergency(as("alice"), prod, "incident 4711: disk full");
  auto pending = p.approvals.pending_post_reviews();
  REQUIRE(pending.size() == 1);
  CHECK(pending[0].id == id);
  CHECK(pending[0].run_by == "alice");
  CHECK(pending[0].plan == prod);
  CHECK(pending[0].plan_checksum == prod.checksum());
  p.store.set_emergency_outcome(id, "succeeded");

  CHECK(code_of([&] { (void)p.approvals.post_review(as("alice"), id, "ok"); }) ==
        ErrorCode::refused);
  CHECK(code_of([&] { (void)p.approvals.post_review(as("bob"), id, "ok"); }) ==
        ErrorCode::permission_denied);
  CHECK(code_of([&] { (void)p.approvals.post_review(as("dave"), 99, "ok"); }) == ErrorCode::usage);
  const auto reviewed = p.approvals.post_review(as("dave"), id, "justified; follow-up ticket 12");
  CHECK(reviewed.reviewed_by == "dave");
  CHECK(reviewed.outcome == "succeeded");
  CHECK(p.approvals.pending_post_reviews().empty());
  CHECK(p.store.emergency_runs(true).size() == 1);
  CHECK(code_of([&] { (void)p.approvals.post_review(as("root"), id, "again"); }) ==
        ErrorCode::refused);
  const auto audited = p.audit_entries("emergency");
  REQUIRE(audited.size() == 3);
  CHECK(audited[2].result == "allowed");
  CHECK(contains(audited[2].message, "incident 4711"));
  CHECK(p.audit_entries("post_review").size() == 5);
}

TEST_CASE("notification hooks get what went through; a failing hook does not stop it") {
  policy_test::TempDir dir;
  const auto log = dir.path() / "notify.jsonl";
  const auto out = dir.path() / "command.out";
  auto config = project_config_from_json(
      R"({"environments": {"prod": {"tier": "production", "url_env": "P"}},
          "members": {"bob": ["developer"], "alice": ["dba"]},
          "notifications": [
            {"events": ["request", "approve"], "file": ")" +
      log.string() + R"("},
            {"events": ["request"], "command": "cat > )" +
      out.string() + R"( && echo \"$MIGCMD_EVENT $MIGCMD_ACTOR\" >> )" + out.string() + R"("},
            {"events": ["approve"], "command": "exit 3"}
          ]})");
  StateStore store(dir.path() / "state.db");
  AuditLog audit = open_audit_log(dir.path() / "audit.db");
  Approvals approvals(config, store, &audit);
  const auto id = approvals.request(as("bob"), plan("prod"), RiskLevel::low, "ticket 9");
  CHECK(approvals.notification_failures().empty());
  approvals.approve(as("alice"), id, "");
  REQUIRE(approvals.notification_failures().size() == 1);
  CHECK(contains(approvals.notification_failures()[0], "exited with status 3"));
  CHECK(store.request(id).votes.size() == 1);  // the approval stands

  std::ifstream lines(log);
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  CHECK(contains(first, "\"event\":\"request\""));
  CHECK(contains(first, "\"actor\":\"bob\""));
  CHECK(contains(first, "ticket 9"));
  CHECK(contains(second, "\"event\":\"approve\""));
  std::ifstream command_out(out);
  const std::string written((std::istreambuf_iterator<char>(command_out)),
                            std::istreambuf_iterator<char>());
  CHECK(contains(written, "\"event\":\"request\""));  // the JSON on stdin
  CHECK(contains(written, "request bob"));            // the variables
  AuditFilter filter;
  filter.action = "notify";
  const auto failures = audit.entries(filter);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].result == "failed");
}
