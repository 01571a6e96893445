// The report's numbers over a known trail (report_test_support.cpp): every count, the time and
// environment filters, the refusal reasons, durations, lead times, the open items.

#include <doctest/doctest.h>

#include "governance_report/report_test_support.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/report.hpp"

using namespace migcmd::governance;
using report_test::at_minute;

namespace {

ReportFilter period(std::string environment = {}) {
  ReportFilter f;
  f.since = at_minute(30);
  f.until = at_minute(70);
  f.environment = std::move(environment);
  return f;
}

std::vector<std::string> names_of(const GovernanceReport& report) {
  std::vector<std::string> out;
  for (const auto& r : report.environments) out.push_back(r.environment);
  return out;
}

std::array<std::int64_t, refusal_reason_count> reasons(std::int64_t missing_permission,
                                                       std::int64_t locked, std::int64_t window,
                                                       std::int64_t approvals, std::int64_t risk,
                                                       std::int64_t other) {
  return {missing_permission, locked, window, approvals, risk, other};
}

AuditEntry refused(std::string message, std::map<std::string, std::string> details = {}) {
  AuditEntry e;
  e.action = "run";
  e.result = "refused";
  e.message = std::move(message);
  e.details = std::move(details);
  return e;
}

}  // namespace

TEST_CASE("duration statistics: median, nearest-rank p95, max") {
  CHECK(duration_stats({}) == DurationStats{});
  CHECK(duration_stats({7}) == DurationStats{1, 7, 7, 7, 7});
  CHECK(duration_stats({4000, 1000, 3000, 2000}) == DurationStats{4, 10000, 2500, 4000, 4000});
  CHECK(duration_stats({3, 1, 2}) == DurationStats{3, 6, 2, 3, 3});
  CHECK(duration_stats({1, 2}).median_ms == 1);  // (1 + 2) / 2, rounded down
  std::vector<std::int64_t> twenty;
  for (int i = 1; i <= 20; ++i) twenty.push_back(i * 10);
  const auto s = duration_stats(twenty);
  CHECK(s.p95_ms == 190);  // rank ceil(0.95 * 20) = 19
  CHECK(s.median_ms == 105);
  CHECK(s.max_ms == 200);
  std::vector<std::int64_t> hundred_one;
  for (int i = 1; i <= 101; ++i) hundred_one.push_back(i);
  CHECK(duration_stats(hundred_one).p95_ms == 96);  // rank ceil(95.95) = 96
}

TEST_CASE("refusal reasons come from the error code, then the checks' own sentences") {
  CHECK(refusal_reason(refused("[migcmd.permission_denied] bob may not run ...")) ==
        RefusalReason::missing_permission);
  CHECK(
      refusal_reason(refused("bob lacks report.generate", {{"error_code", "permission_denied"}})) ==
      RefusalReason::missing_permission);
  // The error code wins over a message that reads like another reason.
  CHECK(refusal_reason(refused("[migcmd.permission_denied] env.unlock: permission env.unlock is "
                               "missing (hint: migcmd env unlock prod)")) ==
        RefusalReason::missing_permission);
  CHECK(refusal_reason(refused("[migcmd.refused] environment prod is locked by ops since ...: "
                               "high risk week")) == RefusalReason::environment_locked);
  CHECK(refusal_reason(refused("whatever", {{"hint",
                                             "no run is allowed until `migcmd env unlock "
                                             "prod`"}})) == RefusalReason::environment_locked);
  CHECK(refusal_reason(refused("environment prod is already locked by alice since ...",
                               {{"error_code", "refused"}})) == RefusalReason::environment_locked);
  CHECK(refusal_reason(refused("[migcmd.refused] prod is outside its maintenance windows (...)")) ==
        RefusalReason::outside_window);
  CHECK(refusal_reason(refused("[migcmd.refused] the plan for prod is not approved: no approval "
                               "request for this plan (1 migration(s) for prod); the rules that "
                               "apply: production, risk HIGH or above: 2 approvals")) ==
        RefusalReason::approvals_missing);
  CHECK(refusal_reason(refused("[migcmd.refused] request #3 is not approved: 2 more approvals "
                               "needed")) == RefusalReason::approvals_missing);
  CHECK(refusal_reason(refused("[migcmd.refused] the plan's Risk is CRITICAL")) ==
        RefusalReason::risk);
  CHECK(refusal_reason(refused("bob requested #2 and cannot approve it",
                               {{"error_code", "refused"}})) == RefusalReason::other);
  CHECK(refusal_reason(refused("")) == RefusalReason::other);
  CHECK(refusal_reason(refused("[migcmd.usage] odd")) == RefusalReason::other);
  // An entry written without a code still reads as a permission refusal.
  CHECK(refusal_reason(refused("bob may not approve: permission approve.production is missing")) ==
        RefusalReason::missing_permission);

  CHECK(all_refusal_reasons().size() == refusal_reason_count);
  std::vector<std::string> names;
  for (const auto r : all_refusal_reasons()) names.emplace_back(to_string(r));
  CHECK(names == std::vector<std::string>{"missing_permission", "environment_locked",
                                          "outside_window", "approvals_missing", "risk", "other"});
  CHECK(describe(RefusalReason::approvals_missing) == "approvals missing");
}

TEST_CASE("every number of the report over the period, per environment") {
  const auto entries = report_test::trail();
  const auto report = build_report(entries, period(), report_test::snapshot());
  CHECK(report.generated_at == at_minute(90));
  CHECK(report.audit_entries == 32);
  // Configured ones in configuration order, then others, then entries of no environment.
  CHECK(names_of(report) == std::vector<std::string>{"dev", "prod", "qa", ""});

  const EnvironmentReport* prod = report.find("prod");
  REQUIRE(prod != nullptr);
  CHECK(prod->configured);
  CHECK(prod->runs_succeeded == 3);  // two runs and a rollback; not the dry run
  CHECK(prod->runs_failed == 1);
  CHECK(prod->runs_refused == 5);
  CHECK(prod->migrations_applied == 2);
  CHECK(prod->migrations_rolled_back == 1);
  CHECK(prod->migrations_failed_up == 1);
  CHECK(prod->migrations_failed_down == 0);
  CHECK(prod->migrations_failed() == 1);
  CHECK(prod->run_duration == DurationStats{4, 10000, 2500, 4000, 4000});
  CHECK(prod->refusals == reasons(2, 1, 1, 1, 1, 1));
  CHECK(prod->refusals_total() == 7);
  CHECK(prod->emergency_runs == 2);
  CHECK(prod->emergency_awaiting_review == 1);
  CHECK(prod->requests_opened == 1);  // #1 was opened before the period
  CHECK(prod->requests_approved == 1);
  CHECK(prod->requests_rejected == 1);
  CHECK(prod->requests_executed == 1);
  // From #1's request entry (minute 0, before the period) to its run (minute 37).
  CHECK(prod->request_lead_time ==
        DurationStats{1, 37 * 60'000, 37 * 60'000, 37 * 60'000, 37 * 60'000});
  REQUIRE(prod->highest_risk_executed.has_value());
  CHECK(*prod->highest_risk_executed == RiskLevel::high);
  CHECK(prod->top_actors == std::vector<ActorActivity>{{"alice", 2, 2, 3},
                                                       {"bob", 1, 1, 0},
                                                       {"eve", 1, 0, 0},
                                                       {"dave", 0, 0, 1},
                                                       {"frank", 0, 0, 1}});
  CHECK(prod->last_run_succeeded == "2026-11-20T00:55:00.000Z");
  CHECK(prod->last_run_failed == "2026-11-20T00:42:00.000Z");
  CHECK(prod->last_run_refused == "2026-11-20T01:00:00.000Z");
  REQUIRE(prod->lock.has_value());
  CHECK(prod->lock->locked_by == "ops");
  CHECK(prod->open_requests == 1);
  CHECK(prod->pending_schedules == 1);

  const EnvironmentReport* dev = report.find("dev");
  REQUIRE(dev != nullptr);
  CHECK(dev->configured);
  CHECK(dev->runs_succeeded == 1);
  CHECK(dev->runs_refused == 0);
  CHECK(dev->run_duration == DurationStats{1, 500, 500, 500, 500});
  CHECK(dev->refusals_total() == 0);
  CHECK(dev->highest_risk_executed == RiskLevel::low);
  CHECK(dev->top_actors == std::vector<ActorActivity>{{"alice", 1, 0, 0}});
  CHECK_FALSE(dev->lock.has_value());
  CHECK(dev->open_requests == 1);
  CHECK(dev->pending_schedules == 0);  // #4 is running, #3 cancelled
  CHECK(dev->last_run_failed.empty());

  const EnvironmentReport* qa = report.find("qa");
  REQUIRE(qa != nullptr);
  CHECK_FALSE(qa->configured);
  CHECK(qa->runs_refused == 1);
  CHECK(qa->refusals == reasons(0, 0, 0, 0, 0, 1));
  CHECK(qa->top_actors == std::vector<ActorActivity>{{"zed", 0, 0, 1}});

  const EnvironmentReport* none = report.find("");
  REQUIRE(none != nullptr);
  CHECK(none->refusals == reasons(1, 0, 0, 0, 0, 0));
  CHECK(none->top_actors == std::vector<ActorActivity>{{"victor", 0, 0, 1}});
  CHECK(none->runs_succeeded + none->runs_failed + none->runs_refused == 0);

  // Open items now: the whole snapshot.
  REQUIRE(report.locks.size() == 1);
  CHECK(report.locks[0].environment == "prod");
  REQUIRE(report.open_requests.size() == 2);
  CHECK(report.open_requests[0].id == 7);
  CHECK(report.open_requests[1].id == 3);
  REQUIRE(report.awaiting_review.size() == 1);
  CHECK(report.awaiting_review[0].id == 4);
  REQUIRE(report.pending_schedules.size() == 1);
  CHECK(report.pending_schedules[0].id == 1);
}

TEST_CASE("the environment filter keeps one environment, its entries and its open items") {
  const auto entries = report_test::trail();
  const auto report = build_report(entries, period("dev"), report_test::snapshot());
  CHECK(names_of(report) == std::vector<std::string>{"dev"});
  CHECK(report.audit_entries == 2);
  CHECK(report.find("dev")->runs_succeeded == 1);
  CHECK(report.locks.empty());
  REQUIRE(report.open_requests.size() == 1);
  CHECK(report.open_requests[0].id == 7);
  CHECK(report.awaiting_review.empty());
  CHECK(report.pending_schedules.empty());

  const auto prod = build_report(entries, period("prod"), report_test::snapshot());
  CHECK(names_of(prod) == std::vector<std::string>{"prod"});
  CHECK(prod.audit_entries == 27);
  CHECK(prod.find("prod")->refusals_total() == 7);
  CHECK(prod.locks.size() == 1);
  CHECK(prod.open_requests.size() == 1);
  CHECK(prod.awaiting_review.size() == 1);
  CHECK(prod.pending_schedules.size() == 1);

  // An environment nobody used, not configured: one empty line, not an error.
  const auto other = build_report(entries, period("staging"), report_test::snapshot());
  CHECK(names_of(other) == std::vector<std::string>{"staging"});
  CHECK(other.audit_entries == 0);
  CHECK_FALSE(other.environments[0].configured);
}

TEST_CASE("the time filter: since is inclusive, until exclusive, either may be open") {
  const auto entries = report_test::trail();
  const auto snapshot = report_test::snapshot();

  ReportFilter all;
  auto report = build_report(entries, all, snapshot);
  CHECK(report.audit_entries == 37);
  const auto* prod = report.find("prod");
  CHECK(prod->runs_succeeded == 4);  // and the run at minute 70
  CHECK(prod->run_duration == DurationStats{5, 19999, 3000, 9999, 9999});
  CHECK(prod->requests_opened == 3);
  CHECK(prod->requests_approved == 2);  // #1 and #2
  CHECK(prod->last_run_succeeded == "2026-11-20T01:10:00.000Z");

  ReportFilter since;
  since.since = at_minute(70);  // exactly the time of an entry: included
  report = build_report(entries, since, snapshot);
  CHECK(report.audit_entries == 2);
  CHECK(report.find("prod")->runs_succeeded == 1);
  CHECK(report.find("prod")->requests_opened == 1);
  CHECK(report.find("prod")->refusals_total() == 0);

  ReportFilter until;
  until.until = at_minute(30);  // exactly the time of an entry: excluded
  report = build_report(entries, until, snapshot);
  CHECK(report.audit_entries == 3);
  CHECK(report.find("prod")->runs_refused == 0);
  CHECK(report.find("prod")->requests_opened == 1);
  CHECK(report.find("prod")->requests_approved == 1);
  CHECK(report.find("") == nullptr);  // nothing of no environment before minute 30

  ReportFilter minute;
  minute.since = at_minute(58);
  minute.until = at_minute(59);
  report = build_report(entries, minute, snapshot);
  CHECK(report.audit_entries == 3);
  CHECK(report.find("prod")->requests_opened == 1);
  CHECK(report.find("prod")->requests_approved == 1);
  CHECK(report.find("prod")->requests_rejected == 0);
}

TEST_CASE("a request opened before the entries given has no lead time, but it still executed") {
  const auto entries = report_test::trail();
  const std::span<const AuditEntry> without_request(entries.begin() + 1, entries.end());
  const auto report = build_report(without_request, period(), report_test::snapshot());
  const auto* prod = report.find("prod");
  CHECK(prod->requests_executed == 1);
  CHECK(prod->request_lead_time.count == 0);
}

TEST_CASE("top actors: at most ReportFilter::top_actors, the most active first") {
  ReportFilter f = period("prod");
  f.top_actors = 2;
  const auto entries = report_test::trail();
  const auto report = build_report(entries, f, report_test::snapshot());
  CHECK(report.find("prod")->top_actors ==
        std::vector<ActorActivity>{{"alice", 2, 2, 3}, {"bob", 1, 1, 0}});
}

TEST_CASE("without a snapshot's items nothing awaits review and nothing is open") {
  const auto entries = report_test::trail();
  StateSnapshot empty;
  const auto report = build_report(entries, period(), empty);
  // No configured environment: those met in the entries, sorted, then "".
  CHECK(names_of(report) == std::vector<std::string>{"dev", "prod", "qa", ""});
  CHECK_FALSE(report.find("prod")->configured);
  CHECK(report.find("prod")->emergency_runs == 2);
  CHECK(report.find("prod")->emergency_awaiting_review == 0);
  CHECK_FALSE(report.find("prod")->lock.has_value());
  CHECK(report.open_requests.empty());
}
