// `schedule` and `agent` through the real binary on SQLite: a run scheduled only once its plan is
// approved; agents before it is due do nothing; several agents racing when it is due apply it
// exactly once, as the person who scheduled it; a restarted agent finds nothing more to do; a
// plan changed after scheduling is not run; a cancelled run is not run.

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/cli_fixture.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/state_store.hpp"

using migcmd_test::CliFixture;
using migcmd_test::CliResult;
namespace gov = migcmd::governance;
namespace fs = std::filesystem;

namespace {

constexpr int refused = 8;

constexpr const char* project_json = R"json({
  "environments": {"prod": {"tier": "production", "url_env": "SCHEDULE_CLI_PROD_URL"}},
  "members": {"alice": ["dba"], "dave": ["dba"], "bob": ["developer"], "victor": ["viewer"]},
  "approvals": [{"tier": "production", "risk": "low", "approvals": 1, "expires": "24h"}]
})json";

struct Project : CliFixture {
  Project() {
    std::ofstream(root() / "migcmd.json") << project_json;
    setenv("SCHEDULE_CLI_PROD_URL", url().c_str(), 1);
    write_migration("20250101000000_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);",
                    "DROP TABLE users;");
    write_migration("20250102000000_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);",
                    "DROP TABLE orders;");
  }
  CliResult as(const std::string& user, std::vector<std::string> args) const {
    args.insert(args.begin(), {"--as", user, "--env", "prod"});
    return run(args);
  }
  // Requests approval of the pending plan as bob, approved by dave.
  void approve_pending() const {
    const auto r = as("bob", {"--json", "request", "--reason", "release"});
    REQUIRE(r.status == 0);
    const auto id = nlohmann::json::parse(r.out)["request"]["id"].get<std::int64_t>();
    REQUIRE(as("dave", {"approve", std::to_string(id)}).status == 0);
  }
  [[nodiscard]] gov::ScheduledRun schedule(std::int64_t id) const {
    gov::StateStore store(root() / ".migcmd" / "governance.db");
    return *store.find_schedule(id);
  }
  [[nodiscard]] std::vector<gov::AuditEntry> audit(const std::string& action) const {
    auto log = gov::open_audit_log(root() / ".migcmd" / "audit.db");
    CHECK(log.verify().ok);
    gov::AuditFilter filter;
    filter.action = action;
    return log.entries(filter);
  }
  // Starts `migcmd --as alice agent --once --name NAME` with its own output files.
  [[nodiscard]] pid_t start_agent(const std::string& name) const {
    const std::string out = (root() / (name + ".out")).string();
    const pid_t pid = fork();
    if (pid == 0) {
      if (chdir(root().c_str()) != 0) _exit(127);
      const int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (fd < 0) _exit(127);
      dup2(fd, 1);
      dup2(fd, 2);
      execl(MIGCMD_CLI_BINARY, MIGCMD_CLI_BINARY, "--as", "alice", "agent", "--once", "--name",
            name.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    return pid;
  }
};

// "2026-11-21T10:00:03Z", `seconds` from now.
std::string utc_in(int seconds) {
  const std::time_t t = std::time(nullptr) + seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a scheduled run is executed exactly once by racing agents, as who scheduled it") {
  Project p;
  const std::string at = utc_in(3);
  CliResult r = p.as("bob", {"schedule", "--at", at});
  CHECK(r.status == refused);
  CHECK(contains(r.err, "schedule.create"));
  r = p.as("alice", {"schedule", "--at", at});
  CHECK(r.status == refused);  // nothing approved yet
  CHECK(contains(r.err, "approv"));
  CHECK(p.as("alice", {"schedule"}).status == 2);  // neither --at nor --next-window

  p.approve_pending();
  r = p.as("alice", {"--json", "schedule", "--at", at});
  REQUIRE(r.status == 0);
  const auto scheduled = nlohmann::json::parse(r.out)["schedule"];
  CHECK(scheduled["id"] == 1);
  CHECK(scheduled["status"] == "pending");
  CHECK(scheduled["created_by"] == "alice");

  r = p.as("victor", {"schedule", "list"});
  REQUIRE(r.status == 0);
  CHECK(contains(r.out, "#1"));
  CHECK(contains(r.out, "pending"));

  // Not due yet: an agent does nothing.
  r = p.run({"--as", "alice", "agent", "--once"});
  CHECK(r.status == 0);
  CHECK_FALSE(p.table_exists("users"));
  CHECK(p.as("victor", {"agent", "--once"}).status == refused);  // no agent.run

  std::this_thread::sleep_for(std::chrono::seconds(4));
  std::vector<pid_t> agents;
  for (int i = 0; i < 4; ++i) agents.push_back(p.start_agent("agent-" + std::to_string(i)));
  int done_lines = 0;
  for (int i = 0; i < 4; ++i) {
    int status = 0;
    REQUIRE(waitpid(agents[i], &status, 0) == agents[i]);
    const std::string out = p.read(p.root() / ("agent-" + std::to_string(i) + ".out"));
    CHECK_MESSAGE(WEXITSTATUS(status) == 0, out);
    if (contains(out, "scheduled run #1 done: applied 20250101000000, 20250102000000")) {
      ++done_lines;
    }
  }
  CHECK(done_lines == 1);
  CHECK(p.table_exists("users"));
  CHECK(p.table_exists("orders"));
  CHECK(p.history_versions() == std::vector<std::string>{"20250101000000", "20250102000000"});
  const auto run = p.schedule(1);
  CHECK(run.status == gov::ScheduleStatus::done);
  CHECK(run.claimed_by.rfind("agent-", 0) == 0);

  // The gate ran it as alice, who scheduled it; the agent's outcome is audited too.
  const auto runs = p.audit("run");
  REQUIRE(runs.size() == 2);  // allowed, succeeded
  CHECK(runs[1].actor == "alice");
  CHECK(runs[1].result == "succeeded");
  CHECK(runs[1].details.at("scheduled_run") == "1");
  CHECK(runs[1].details.at("agent") == run.claimed_by);
  const auto outcomes = p.audit("schedule_run");
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].result == "succeeded");

  // Restarted: nothing more to do.
  r = p.run({"--as", "alice", "agent", "--once"});
  CHECK(r.status == 0);
  CHECK_FALSE(contains(r.out, "scheduled run #1"));
  CHECK(p.audit("schedule_run").size() == 1);
}

TEST_CASE("a plan changed after scheduling is not run; a cancelled run is not run") {
  Project p;
  p.approve_pending();
  REQUIRE(p.as("alice", {"schedule", "--next-window"}).status == 0);  // no windows: now
  REQUIRE(p.as("alice", {"schedule", "--at", utc_in(5)}).status == 0);
  p.write_migration("20250102000000_orders.sql",
                    "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER);",
                    "DROP TABLE orders;");
  CliResult r = p.as("bob", {"schedule", "cancel", "2", "--reason", "moved"});
  CHECK(r.status == refused);
  r = p.as("dave", {"schedule", "cancel", "2", "--reason", "release moved"});
  CHECK(r.status == 0);
  CHECK(p.schedule(2).status == gov::ScheduleStatus::cancelled);

  r = p.run({"--as", "alice", "agent", "--once"});
  CHECK(r.status == 1);
  CHECK(contains(r.out, "scheduled run #1 failed"));
  CHECK(contains(r.out, "the plan changed since it was scheduled"));
  CHECK(contains(r.out, "migration 20250102000000 changed"));
  CHECK_FALSE(p.table_exists("users"));
  const auto run = p.schedule(1);
  CHECK(run.status == gov::ScheduleStatus::failed);
  CHECK(contains(run.message, "the plan changed"));
  r = p.as("victor", {"--json", "schedule", "list", "--all"});
  REQUIRE(r.status == 0);
  const auto list = nlohmann::json::parse(r.out)["schedules"];
  REQUIRE(list.size() == 2);
  CHECK(list[0]["status"] == "failed");
  CHECK(list[1]["status"] == "cancelled");
}
