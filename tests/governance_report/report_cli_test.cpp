// `migcmd report` and `migcmd metrics` through the real binary, on a governed SQLite project: runs
// refused (permission, lock) and run, then the numbers in the JSON report, the CSV file, the
// Prometheus lines; a user without report.generate is refused (exit 8) and audited.

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_fixture.hpp"
#include "migcmd/governance/audit_log.hpp"

using migcmd_test::CliFixture;
using migcmd_test::CliResult;
namespace gov = migcmd::governance;

namespace {

constexpr int refused = 8;
constexpr int usage = 2;

constexpr const char* project_json = R"json({
  "environments": {
    "dev": {"tier": "development", "url_env": "REPORT_CLI_DEV_URL"},
    "prod": {"tier": "production", "url_env": "REPORT_CLI_PROD_URL"}
  },
  "members": {"dana": ["dba"], "devi": ["developer"], "victor": ["viewer"]}
})json";

struct Project : CliFixture {
  Project() {
    write_migration("20250101000000_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);",
                    "DROP TABLE users;");
    write_migration("20250102000000_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);",
                    "DROP TABLE orders;");
    REQUIRE(run({"hash"}).status == 0);
    std::ofstream(root() / "migcmd.json") << project_json;
    setenv("REPORT_CLI_DEV_URL", ("sqlite:" + (root() / "dev.db").string()).c_str(), 1);
    setenv("REPORT_CLI_PROD_URL", ("sqlite:" + (root() / "prod.db").string()).c_str(), 1);
    unsetenv("MIGCMD_AUDIT");
    unsetenv("MIGCMD_AUDIT_KEY");
  }

  // `migcmd --as USER args...`, without DATABASE_URL: the environments name their URLs.
  CliResult as(const std::string& user, std::vector<std::string> args) const {
    args.insert(args.begin(), {"--as", user});
    return run_with_env(args, std::nullopt);
  }

  [[nodiscard]] std::vector<gov::AuditEntry> audit(const std::string& action = {}) const {
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

bool has_line(const std::string& text, const std::string& line) {
  return text.starts_with(line + "\n") || contains(text, "\n" + line + "\n");
}

std::vector<std::string> results_of(const std::vector<gov::AuditEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.actor + ":" + e.result);
  return out;
}

}  // namespace

TEST_CASE("report and metrics over a governed project's runs, refusals and lock") {
  Project p;
  const auto start = std::chrono::system_clock::now();
  CHECK(p.as("devi", {"--env", "prod", "up"}).status == refused);  // no run.production
  REQUIRE(p.as("dana", {"env", "lock", "prod", "--reason", "freeze"}).status == 0);
  CliResult r = p.as("dana", {"--env", "prod", "up"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "locked"));
  REQUIRE(p.as("dana", {"env", "unlock", "prod"}).status == 0);
  r = p.as("dana", {"--env", "prod", "up"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  r = p.as("devi", {"--env", "dev", "up"});
  REQUIRE_MESSAGE(r.status == 0, r.err);

  // A viewer may not: exit 8, and the refusal is in the audit.
  r = p.as("victor", {"report"});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "report.generate"));
  CHECK(results_of(p.audit("report")) == std::vector<std::string>{"victor:refused"});

  r = p.as("devi", {"report", "--format", "json"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto doc = nlohmann::json::parse(r.out);
  // Everything in the trail, the report's own permission check included.
  CHECK(doc["audit_entries"] == p.audit().size());
  REQUIRE(doc["environments"].size() == 3);
  const auto& dev = doc["environments"][0];
  const auto& prod = doc["environments"][1];
  const auto& none = doc["environments"][2];
  CHECK(dev["environment"] == "dev");
  CHECK(dev["runs"] == nlohmann::json{{"succeeded", 1}, {"failed", 0}, {"refused", 0}});
  CHECK(dev["migrations"]["applied"] == 2);
  CHECK(prod["environment"] == "prod");
  CHECK(prod["runs"] == nlohmann::json{{"succeeded", 1}, {"failed", 0}, {"refused", 2}});
  CHECK(prod["migrations"]["applied"] == 2);
  CHECK(prod["migrations"]["failed"] == 0);
  CHECK(prod["run_duration"]["count"] == 1);
  CHECK(prod["refusals"] == nlohmann::json{{"total", 2},
                                           {"missing_permission", 1},
                                           {"environment_locked", 1},
                                           {"outside_window", 0},
                                           {"approvals_missing", 0},
                                           {"risk", 0},
                                           {"other", 0}});
  CHECK(prod["highest_risk_executed"] == "LOW");
  REQUIRE(prod["top_actors"].size() == 2);
  CHECK(prod["top_actors"][0] ==
        nlohmann::json{{"actor", "dana"}, {"runs", 1}, {"migrations", 2}, {"refused", 1}});
  CHECK(prod["top_actors"][1] ==
        nlohmann::json{{"actor", "devi"}, {"runs", 0}, {"migrations", 0}, {"refused", 1}});
  CHECK(prod["now"]["locked"] == false);
  // victor's refused `report`: no environment.
  CHECK(none["environment"] == "");
  CHECK(none["refusals"]["missing_permission"] == 1);
  CHECK(doc["open_items"]["locked_environments"].empty());

  // --env, --since and a CSV file.
  const std::string since = gov::format_audit_time(start - std::chrono::hours(1));
  r = p.as("devi", {"--env", "prod", "report", "--since", since, "--format", "csv", "--output",
                    "reports/prod.csv"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "wrote the governance report to reports/prod.csv (csv, 1 environment(s))"));
  const std::string csv = p.read(p.root() / "reports" / "prod.csv");
  CHECK(csv.starts_with("environment,configured,runs_succeeded,runs_failed,runs_refused,"));
  CHECK(contains(csv, "\r\nprod,true,1,0,2,2,0,0,"));
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 2);
  // A period before anything happened.
  r = p.as("devi", {"report", "--format", "json", "--until", "2020-01-01"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(nlohmann::json::parse(r.out)["audit_entries"] == 0);
  // Text by default, for people.
  r = p.as("devi", {"report"});
  REQUIRE(r.status == 0);
  CHECK(r.out.starts_with("GOVERNANCE REPORT\n"));
  CHECK(contains(r.out,
                 "\nENVIRONMENT prod\n  Runs                    1 succeeded, 0 failed, "
                 "2 refused\n"));
  // Under --json, one document on stdout.
  r = p.as("devi", {"--json", "report", "--env", "dev"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(nlohmann::json::parse(r.out)["report"]["environments"][0]["environment"] == "dev");
  r = p.as("devi", {"--json", "report", "--format", "markdown"});
  REQUIRE(r.status == 0);
  CHECK(nlohmann::json::parse(r.out)["document"].get<std::string>().starts_with(
      "# Governance report\n"));

  // Bad input: usage errors naming the option.
  r = p.as("devi", {"report", "--since", "last week"});
  CHECK(r.status == usage);
  CHECK(contains(r.err, "--since"));
  r = p.as("devi", {"report", "--until", "2026-13-01"});
  CHECK(r.status == usage);
  CHECK(contains(r.err, "--until"));
  r = p.as("devi", {"report", "--since", "2026-02-01", "--until", "2026-01-01"});
  CHECK(r.status == usage);
  CHECK(contains(r.err, "--since"));
  r = p.as("devi", {"report", "--format", "html"});
  CHECK(r.status == usage);
  CHECK(contains(r.err, "--format"));
  r = p.as("devi", {"--env", "qa", "report"});
  CHECK(r.status == usage);
  CHECK(contains(r.err, "qa"));

  // Metrics.
  r = p.as("devi", {"metrics"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  for (const char* line : {
           R"(migcmd_runs_total{environment="prod",result="succeeded"} 1)",
           R"(migcmd_runs_total{environment="prod",result="refused"} 2)",
           R"(migcmd_runs_total{environment="dev",result="succeeded"} 1)",
           R"(migcmd_migrations_total{environment="prod",direction="up",result="succeeded"} 2)",
           R"(migcmd_refusals_total{environment="prod",reason="missing_permission"} 1)",
           R"(migcmd_refusals_total{environment="prod",reason="environment_locked"} 1)",
           R"(migcmd_refusals_total{environment="",reason="missing_permission"} 1)",
           R"(migcmd_run_duration_seconds_count{environment="prod"} 1)",
           R"(migcmd_environment_locked{environment="dev"} 0)",
           R"(migcmd_environment_locked{environment="prod"} 0)",
           R"(migcmd_post_reviews_pending 0)",
           R"(migcmd_schedules{status="pending"} 0)",
           R"(migcmd_audit_chain_ok 1)",
           "# TYPE migcmd_run_duration_seconds summary",
       }) {
    CAPTURE(line);
    CHECK(has_line(r.out, line));
  }
  CHECK(has_line(r.out, "migcmd_audit_entries_total " + std::to_string(p.audit().size())));

  // Into a file, atomically, for the textfile collector; the lock shows.
  REQUIRE(p.as("dana", {"env", "lock", "prod", "--reason", "quarter close"}).status == 0);
  r = p.as("devi", {"metrics", "--output", "textfile/migcmd.prom"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(contains(r.out, "wrote the governance metrics to textfile/migcmd.prom"));
  const std::string prom = p.read(p.root() / "textfile" / "migcmd.prom");
  CHECK(has_line(prom, R"(migcmd_environment_locked{environment="prod"} 1)"));
  std::size_t files = 0;
  for (const auto& f : std::filesystem::directory_iterator(p.root() / "textfile")) {
    CHECK(f.path().filename() == "migcmd.prom");  // no temporary file left behind
    ++files;
  }
  CHECK(files == 1);
  r = p.as("devi", {"--env", "prod", "metrics"});
  CHECK(r.status == usage);
  CHECK(contains(r.err, "--env"));

  CHECK(p.as("victor", {"metrics"}).status == refused);
  CHECK(results_of(p.audit("metrics")) ==
        std::vector<std::string>{"devi:allowed", "devi:allowed", "victor:refused"});
  const auto reports = p.audit("report");
  REQUIRE(reports.size() >= 2);
  CHECK(reports.front().result == "refused");
  CHECK(reports.front().target == "report.generate");
  CHECK(reports[1].actor == "devi");
  CHECK(reports[1].result == "allowed");
}
