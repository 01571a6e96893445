// The report rendered: text for people, Markdown, JSON with every number, CSV one row per
// environment with the formula guard.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "governance_report/report_test_support.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/report_format.hpp"

using namespace migcmd::governance;
using report_test::at_minute;

namespace {

GovernanceReport known_report() {
  ReportFilter f;
  f.since = at_minute(30);
  f.until = at_minute(70);
  const auto entries = report_test::trail();
  return build_report(entries, f, report_test::snapshot());
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A trail and a state whose names a spreadsheet would run as formulas.
GovernanceReport hostile_report() {
  AuditEntry e;
  e.actor = "@SUM(A1:A9)";
  e.action = "run";
  e.result = "refused";
  e.environment = "=HYPERLINK(\"http://x\",\"y\")";
  e.time = "2026-11-20T00:00:00.000Z";
  e.message = "[migcmd.refused] who knows";
  StateSnapshot state;
  state.taken_at = at_minute(1);
  state.locks.push_back(EnvironmentLock{e.environment, "+cmd|' /C calc'!A0", "-2+3", at_minute(0)});
  const std::vector<AuditEntry> entries = {e};
  return build_report(entries, ReportFilter{}, state);
}

}  // namespace

TEST_CASE("format names") {
  CHECK(report_format_from_string("text") == ReportFormat::text);
  CHECK(report_format_from_string("markdown") == ReportFormat::markdown);
  CHECK(report_format_from_string("md") == ReportFormat::markdown);
  CHECK(report_format_from_string("json") == ReportFormat::json);
  CHECK(report_format_from_string("csv") == ReportFormat::csv);
  CHECK_FALSE(report_format_from_string("html").has_value());
  CHECK_FALSE(report_format_from_string("JSON").has_value());
  CHECK(to_string(ReportFormat::markdown) == "markdown");
}

TEST_CASE("text: aligned, every number, the open items") {
  const std::string t = render_report(known_report(), ReportFormat::text);
  CAPTURE(t);
  CHECK(
      t.starts_with("GOVERNANCE REPORT\n"
                    "Period:         from 2026-11-20 00:30:00 UTC until 2026-11-20 01:10:00 UTC\n"
                    "Environments:   all\n"
                    "Generated:      2026-11-20 01:30:00 UTC\n"
                    "Audit entries:  32\n"));
  const std::string prod =
      "\nENVIRONMENT prod\n"
      "  Runs                    3 succeeded, 1 failed, 5 refused\n"
      "  Migrations              2 applied, 1 rolled back, 1 failed\n"
      "  Run duration            median 2.5s, p95 4s, max 4s (4 runs)\n"
      "  Refusals                7\n"
      "    missing permission    2\n"
      "    environment locked    1\n"
      "    outside window        1\n"
      "    approvals missing     1\n"
      "    risk                  1\n"
      "    other                 1\n"
      "  Emergency runs          2, 1 awaiting post-review\n"
      "  Approval requests       1 opened, 1 approved, 1 rejected, 1 executed\n"
      "  Request to execution    median 37m 0s (1 request)\n"
      "  Highest risk executed   HIGH\n"
      "  Who ran what            alice: 2 runs, 2 migrations, 3 refused\n"
      "                          bob: 1 run, 1 migration, 0 refused\n"
      "                          eve: 1 run, 0 migrations, 0 refused\n"
      "                          dave: 0 runs, 0 migrations, 1 refused\n"
      "                          frank: 0 runs, 0 migrations, 1 refused\n"
      "  Now                     locked by ops since 2026-11-19 08:00:00 UTC: release freeze; 1 "
      "open request; 1 pending schedule\n";
  CHECK(contains(t, prod));
  CHECK(contains(
      t, "\nENVIRONMENT dev\n  Runs                    1 succeeded, 0 failed, 0 refused\n"));
  CHECK(contains(t, "  Run duration            median 500ms, p95 500ms, max 500ms (1 run)\n"));
  CHECK(contains(t, "  Request to execution    no request executed\n"));
  CHECK(contains(t, "\nENVIRONMENT qa (not configured)\n"));
  CHECK(contains(t, "\nENVIRONMENT (no environment)\n"));
  CHECK(contains(t, "  Who ran what            victor: 0 runs, 0 migrations, 1 refused\n"));
  CHECK(contains(t,
                 "\nOPEN ITEMS NOW\n"
                 "  Locked environments (1)\n"
                 "    prod: locked by ops since 2026-11-19 08:00:00 UTC: release freeze\n"
                 "  Open approval requests (2)\n"
                 "    #7 dev: requested by bob at 2026-11-20 01:20:00 UTC, risk LOW, 1 migration\n"
                 "    #3 prod: requested by bob at 2026-11-20 01:20:00 UTC, risk HIGH, 2 "
                 "migrations: release 43\n"
                 "  Emergency runs awaiting post-review (1)\n"
                 "    #4 prod: run by eve at 2026-11-20 00:53:00 UTC: incident 4711 (succeeded)\n"
                 "  Pending schedules (1)\n"
                 "    #1 prod: due 2026-11-20 02:00:00 UTC, by dana, request #3\n"));

  // Nothing at all: still a report, saying so.
  const std::string empty =
      render_report(build_report({}, ReportFilter{}, StateSnapshot{}), ReportFormat::text);
  CHECK(contains(empty, "Period:         the whole audit trail\n"));
  CHECK(contains(empty, "  Locked environments (0)\n    none\n"));
  CHECK(contains(empty, "  Pending schedules (0)\n    none\n"));
}

TEST_CASE("text keeps a name with a line break on its line") {
  const std::string t = render_report(hostile_report(), ReportFormat::text);
  StateSnapshot state;
  state.locks.push_back(EnvironmentLock{"prod", "o\nps", "a\r\nb", at_minute(0)});
  const std::string locked =
      render_report(build_report({}, ReportFilter{}, state), ReportFormat::text);
  CHECK(contains(locked, "    prod: locked by o ps since 2026-11-20 00:00:00 UTC: a  b\n"));
  CHECK(contains(t, "ENVIRONMENT =HYPERLINK(\"http://x\",\"y\") (not configured)\n"));
}

TEST_CASE("markdown: tables per subject, names escaped") {
  const std::string m = render_report(known_report(), ReportFormat::markdown);
  CAPTURE(m);
  CHECK(
      m.starts_with("# Governance report\n\n- **Period:** from 2026-11-20 00:30:00 UTC until "
                    "2026-11-20 01:10:00 UTC\n"));
  CHECK(
      contains(m,
               "| Environment | Succeeded | Failed | Refused | Migrations applied | Rolled back | "
               "Migrations failed | Median run | p95 run | Max run | Highest risk executed |\n"
               "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
               "| dev | 1 | 0 | 0 | 0 | 0 | 0 | 500ms | 500ms | 500ms | LOW |\n"
               "| prod | 3 | 1 | 5 | 2 | 1 | 1 | 2.5s | 4s | 4s | HIGH |\n"
               "| qa | 0 | 0 | 1 | 0 | 0 | 0 | - | - | - | - |\n"));
  CHECK(contains(m,
                 "| Environment | Missing permission | Environment locked | Outside window | "
                 "Approvals missing | Risk | Other | Total |\n"));
  CHECK(contains(m, "| prod | 2 | 1 | 1 | 1 | 1 | 1 | 7 |\n"));
  CHECK(contains(m, "| (no environment) | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"));
  CHECK(contains(m, "| prod | 1 | 1 | 1 | 1 | 37m 0s | 2 | 1 |\n"));
  CHECK(contains(m, "| prod | alice | 2 | 2 | 3 |\n"));
  CHECK(contains(m,
                 "### Locked environments (1)\n\n- **prod**: locked by ops since 2026-11-19 "
                 "08:00:00 UTC: release freeze\n"));
  CHECK(contains(m,
                 "### Pending schedules (1)\n\n- \\#1 prod: due 2026-11-20 02:00:00 UTC, by "
                 "dana, request \\#3\n"));

  const std::string hostile = render_report(hostile_report(), ReportFormat::markdown);
  CHECK(contains(hostile, "| =HYPERLINK(\"http://x\",\"y\") | 0 | 0 | 1 |"));
  CHECK(contains(hostile, "| @SUM(A1:A9) | 0 | 0 | 1 |"));
  StateSnapshot pipes;
  pipes.environments = {"a|b"};
  pipes.locks.push_back(EnvironmentLock{"a|b", "<script>", "*bold* [link](x)", at_minute(0)});
  const std::string escaped =
      render_report(build_report({}, ReportFilter{}, pipes), ReportFormat::markdown);
  CHECK(contains(escaped, "| a\\|b | 0 | 0 | 0 |"));
  CHECK(contains(escaped,
                 "- **a\\|b**: locked by \\<script\\> since 2026-11-20 00:00:00 UTC: "
                 "\\*bold\\* \\[link\\](x)\n"));
}

TEST_CASE("json: every number, times as stored") {
  const auto doc = nlohmann::json::parse(render_report(known_report(), ReportFormat::json));
  CHECK(doc["period"]["since"] == "2026-11-20T00:30:00.000Z");
  CHECK(doc["period"]["until"] == "2026-11-20T01:10:00.000Z");
  CHECK(doc["period"]["environment"].is_null());
  CHECK(doc["generated_at"] == "2026-11-20T01:30:00.000Z");
  CHECK(doc["audit_entries"] == 32);
  REQUIRE(doc["environments"].size() == 4);
  const auto& prod = doc["environments"][1];
  CHECK(prod["environment"] == "prod");
  CHECK(prod["configured"] == true);
  CHECK(prod["runs"] == nlohmann::json{{"succeeded", 3}, {"failed", 1}, {"refused", 5}});
  CHECK(prod["migrations"] == nlohmann::json{{"applied", 2},
                                             {"rolled_back", 1},
                                             {"failed", 1},
                                             {"failed_applying", 1},
                                             {"failed_rolling_back", 0}});
  CHECK(prod["run_duration"] == nlohmann::json{{"count", 4},
                                               {"total_ms", 10000},
                                               {"median_ms", 2500},
                                               {"p95_ms", 4000},
                                               {"max_ms", 4000}});
  CHECK(prod["refusals"] == nlohmann::json{{"total", 7},
                                           {"missing_permission", 2},
                                           {"environment_locked", 1},
                                           {"outside_window", 1},
                                           {"approvals_missing", 1},
                                           {"risk", 1},
                                           {"other", 1}});
  CHECK(prod["emergency_runs"] == nlohmann::json{{"total", 2}, {"awaiting_review", 1}});
  CHECK(prod["approval_requests"]["opened"] == 1);
  CHECK(prod["approval_requests"]["approved"] == 1);
  CHECK(prod["approval_requests"]["rejected"] == 1);
  CHECK(prod["approval_requests"]["executed"] == 1);
  CHECK(prod["approval_requests"]["lead_time"]["median_ms"] == 2220000);
  CHECK(prod["highest_risk_executed"] == "HIGH");
  REQUIRE(prod["top_actors"].size() == 5);
  CHECK(prod["top_actors"][0] ==
        nlohmann::json{{"actor", "alice"}, {"runs", 2}, {"migrations", 2}, {"refused", 3}});
  CHECK(prod["last_run"]["succeeded"] == "2026-11-20T00:55:00.000Z");
  CHECK(prod["now"]["locked"] == true);
  CHECK(prod["now"]["lock"]["locked_by"] == "ops");
  CHECK(prod["now"]["open_requests"] == 1);
  CHECK(prod["now"]["pending_schedules"] == 1);
  const auto& qa = doc["environments"][2];
  CHECK(qa["configured"] == false);
  CHECK(qa["run_duration"]["median_ms"].is_null());
  CHECK(qa["highest_risk_executed"].is_null());
  CHECK(qa["last_run"]["succeeded"].is_null());
  CHECK(doc["environments"][3]["environment"] == "");
  CHECK(doc["open_items"]["locked_environments"].size() == 1);
  REQUIRE(doc["open_items"]["open_requests"].size() == 2);
  CHECK(doc["open_items"]["open_requests"][1]["id"] == 3);
  CHECK(doc["open_items"]["open_requests"][1]["migrations"] == 2);
  CHECK(doc["open_items"]["awaiting_post_review"][0]["run_by"] == "eve");
  CHECK(doc["open_items"]["pending_schedules"][0]["request"] == 3);
}

TEST_CASE("csv: one row per environment, RFC 4180, durations in seconds") {
  const std::string c = render_report(known_report(), ReportFormat::csv);
  const std::string header =
      "environment,configured,runs_succeeded,runs_failed,runs_refused,migrations_applied,"
      "migrations_rolled_back,migrations_failed,run_duration_median_s,run_duration_p95_s,"
      "run_duration_max_s,refusals_total,refusals_missing_permission,"
      "refusals_environment_locked,refusals_outside_window,refusals_approvals_missing,"
      "refusals_risk,refusals_other,emergency_runs,emergency_awaiting_review,requests_opened,"
      "requests_approved,requests_rejected,requests_executed,request_lead_time_median_s,"
      "highest_risk_executed,top_actors,locked,locked_by,open_requests,pending_schedules\r\n";
  CHECK(c.starts_with(header));
  CHECK(contains(c,
                 "\r\ndev,true,1,0,0,0,0,0,0.5,0.5,0.5,0,0,0,0,0,0,0,0,0,0,0,0,0,,LOW,"
                 "\"alice (1 runs, 0 migrations, 0 refused)\",false,,1,0\r\n"));
  CHECK(contains(c,
                 "\r\nprod,true,3,1,5,2,1,1,2.5,4,4,7,2,1,1,1,1,1,2,1,1,1,1,1,2220,HIGH,"
                 "alice (2 runs, 2 migrations, 3 refused); bob (1 runs, 1 migrations, 0 "
                 "refused); eve (1 runs, 0 migrations, 0 refused); dave (0 runs, 0 migrations, "
                 "1 refused); frank (0 runs, 0 migrations, 1 refused),true,ops,1,1\r\n") ==
        false);  // the actors' cell holds commas: quoted
  CHECK(contains(c,
                 "\r\nprod,true,3,1,5,2,1,1,2.5,4,4,7,2,1,1,1,1,1,2,1,1,1,1,1,2220,HIGH,"
                 "\"alice (2 runs, 2 migrations, 3 refused); bob (1 runs, 1 migrations, 0 "
                 "refused); eve (1 runs, 0 migrations, 0 refused); dave (0 runs, 0 migrations, "
                 "1 refused); frank (0 runs, 0 migrations, 1 refused)\",true,ops,1,1\r\n"));
  CHECK(contains(c,
                 "\r\nqa,false,0,0,1,0,0,0,,,,1,0,0,0,0,0,1,0,0,0,0,0,0,,,"
                 "\"zed (0 runs, 0 migrations, 1 refused)\",false,,0,0\r\n"));
  CHECK(contains(c, "\r\n,false,0,0,0,0,0,0,,,,1,1,0,0,0,0,0,"));
  CHECK(c.ends_with("\r\n"));
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = c.find("\r\n", at)) != std::string::npos; at += 2) ++rows;
  CHECK(rows == 5);  // the header and four environments
}

TEST_CASE("csv: a cell starting with = + - @ cannot run as a formula") {
  const std::string c = render_report(hostile_report(), ReportFormat::csv);
  CAPTURE(c);
  // The environment, the actors' cell and the lock holder start with an apostrophe.
  CHECK(contains(c, "\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",false,0,0,1,"));
  CHECK(contains(c,
                 ",\"'@SUM(A1:A9) (0 runs, 0 migrations, 1 refused)\",true,'+cmd|' /C "
                 "calc'!A0,0,0\r\n"));
  // No cell of the file starts with a formula sign.
  for (const char* bad : {",=", ",+", ",@", "\n=", "\n+", "\n@", ",\"=", ",\"+", ",\"@", "\n\"="}) {
    CAPTURE(bad);
    CHECK_FALSE(contains(c, bad));
  }
}
