// The whole flow on PostgreSQL, through the migcmd binary as separate processes: a developer
// requests, two approvers approve, the run happens in the window, and the audit tells the story.

#include <doctest/doctest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>

#include "cli/cli_fixture.hpp"
#include "migcmd/providers/postgres.hpp"

using migcmd_test::CliFixture;
using migcmd_test::CliResult;

namespace {

std::string hhmm(std::chrono::system_clock::time_point t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(t - day).count();
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

// migcmd.json with production open from `from` to `to` (UTC, any day) and two approvals from a
// DBA and a tech lead for any risk.
void write_config(const CliFixture& cli, const std::string& from, const std::string& to) {
  std::ofstream(cli.root() / "migcmd.json")
      << R"({
    "environments": {"prod": {"tier": "production", "url_env": "GOV_E2E_PROD_URL",
                              "windows": ["release"]}},
    "roles": {"tech_lead": {"inherits": ["developer"], "permissions": ["approve.production"]}},
    "members": {"devi": ["developer"], "dana": ["dba"], "tom": ["tech_lead"]},
    "approvals": [{"tier": "production", "risk": "low", "approvals": 2,
                   "roles": ["dba", "tech_lead"], "expires": "24h"}],
    "windows": {"release": {"days": ["daily"], "from": ")"
      << from << R"(", "to": ")" << to << R"(", "time_zone": "UTC"}}
  })";
}

CliResult as(const CliFixture& cli, const std::string& user, std::vector<std::string> args) {
  args.insert(args.begin(), {"--as", user, "--env", "prod"});
  return cli.run_with_env(args, std::nullopt);
}

}  // namespace

TEST_CASE("PostgreSQL, end to end: request, two approvals, a run in the window, the audit") {
  const char* base = std::getenv("MIGCMD_TEST_POSTGRES_URL");
  REQUIRE_MESSAGE((base && *base), "MIGCMD_TEST_POSTGRES_URL is not set (tools/dev/dbs.sh env)");
  auto admin = migcmd::postgres::connect(base);
  admin->execute("DROP SCHEMA IF EXISTS gov_e2e CASCADE");
  admin->execute("CREATE SCHEMA gov_e2e");
  const std::string url = std::string(base) + "?options=-csearch_path%3Dgov_e2e";
  ::setenv("GOV_E2E_PROD_URL", url.c_str(), 1);

  CliFixture cli;
  cli.write_migration("20250101000000_accounts.sql",
                      "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);",
                      "DROP TABLE accounts;");
  cli.write_migration("20250102000000_accounts_email.sql",
                      "CREATE UNIQUE INDEX accounts_email ON accounts (email);",
                      "DROP INDEX accounts_email;");
  REQUIRE(cli.run({"hash"}).status == 0);
  const auto now = std::chrono::system_clock::now();
  using std::chrono::hours;

  write_config(cli, hhmm(now - hours(1)), hhmm(now + hours(1)));  // open now
  CliResult r = as(cli, "devi", {"up"});
  CHECK(r.status == 8);  // a developer may not run production at all
  CHECK(r.err.find("run.production") != std::string::npos);

  r = as(cli, "devi", {"--json", "request", "--reason", "release 1.4"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  const auto id = std::to_string(nlohmann::json::parse(r.out)["request"]["id"].get<long long>());

  r = as(cli, "dana", {"up"});
  CHECK(r.status == 8);  // no approvals yet
  CHECK_MESSAGE(r.err.find("2 more approvals") != std::string::npos, r.err);
  CHECK(as(cli, "devi", {"approve", id}).status == 8);  // nobody approves their own request
  REQUIRE(as(cli, "dana", {"approve", id, "--comment", "looks fine"}).status == 0);
  REQUIRE(as(cli, "tom", {"approve", id}).status == 0);

  // Approved, but the window is closed now (it opens in two hours).
  write_config(cli, hhmm(now + hours(2)), hhmm(now + hours(3)));
  r = as(cli, "dana", {"up"});
  CHECK(r.status == 8);  // approved, but outside the window
  CHECK(r.err.find("maintenance window") != std::string::npos);
  CHECK(admin
            ->query("SELECT 1 FROM pg_tables WHERE schemaname = 'gov_e2e' AND tablename = "
                    "'accounts'")
            .rows.empty());

  // Inside the window: it runs, once.
  write_config(cli, hhmm(now - hours(1)), hhmm(now + hours(1)));
  r = as(cli, "dana", {"up"});
  REQUIRE_MESSAGE(r.status == 0, r.err);
  CHECK(admin
            ->query("SELECT 1 FROM pg_indexes WHERE schemaname = 'gov_e2e' AND indexname = "
                    "'accounts_email'")
            .rows.size() == 1);
  CHECK(admin->query("SELECT count(*) FROM gov_e2e.migcmd_history").rows[0][0] == "2");

  // The audit: intact, and it tells the story in order.
  r = cli.run_with_env({"--as", "dana", "audit", "verify"}, std::nullopt);
  CHECK_MESSAGE(r.status == 0, std::string(r.out + r.err));
  r = cli.run_with_env({"--as", "dana", "audit", "export", "--format", "json"}, std::nullopt);
  REQUIRE_MESSAGE(r.status == 0, r.err);
  std::vector<std::string> story;
  for (const auto& e : nlohmann::json::parse(r.out)) {
    story.push_back(e["actor"].get<std::string>() + " " + e["action"].get<std::string>() + " " +
                    e["result"].get<std::string>());
  }
  auto find = [&](const std::string& line, std::size_t from) {
    for (std::size_t i = from; i < story.size(); ++i) {
      if (story[i] == line) return i;
    }
    FAIL_CHECK("the audit lacks \"" << line << "\" after entry " << from);
    return story.size();
  };
  std::size_t at = 0;
  for (const char* line :
       {"devi run refused", "devi request allowed", "dana run refused", "devi approve refused",
        "dana approve allowed", "tom approve allowed", "dana run refused", "dana run allowed",
        "dana migration succeeded", "dana migration succeeded", "dana run succeeded"}) {
    at = find(line, at) + 1;
  }
  // No password in the audit file.
  std::ifstream file(cli.root() / ".migcmd" / "audit.db", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  CHECK(bytes.find("migcmd:migcmd@") == std::string::npos);
  admin->execute("DROP SCHEMA gov_e2e CASCADE");
}
