// migcmd.json: a full configuration read back, and each kind of mistake rejected with its JSON
// path and the file name.

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "governance_policy/policy_test_support.hpp"
#include "migcmd/governance/project_config.hpp"

using namespace migcmd::governance;

namespace {

// The problems the loader reports for `text` (none when it loads).
std::vector<ConfigProblem> problems_of(const std::string& text) {
  try {
    (void)project_config_from_json(text, "conf/migcmd.json");
  } catch (const ConfigError& e) {
    CHECK(e.code() == migcmd::ErrorCode::parse_error);
    CHECK(std::string(e.what()).find("conf/migcmd.json") != std::string::npos);
    return e.problems();
  }
  return {};
}

// Exactly one problem, at `path`, whose message contains `words`.
void check_one(const std::string& text, const std::string& path, const std::string& words) {
  CAPTURE(text);
  const auto problems = problems_of(text);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == path);
  CHECK_MESSAGE(problems[0].message.find(words) != std::string::npos, problems[0].message);
}

std::string env_with(const std::string& body) {
  return R"({"environments": {"prod": )" + body + "}}";
}

}  // namespace

TEST_CASE("the sample configuration is read whole") {
  const auto config = project_config_from_json(policy_test::sample_config, "proj/migcmd.json");
  CHECK(config.source == "proj/migcmd.json");
  REQUIRE(config.environments.size() == 4);
  const auto& prod = config.environment("prod");
  CHECK(prod.tier == Tier::production);
  CHECK(prod.url_env == "PROD_DATABASE_URL");
  CHECK(prod.windows == std::vector<std::string>{"weeknights"});
  CHECK(prod.time_zone == "Europe/Paris");
  CHECK(config.environment("dev").tier == Tier::development);
  CHECK(config.environment("staging").tier == Tier::staging);

  REQUIRE(config.roles.size() == 2);
  CHECK(config.roles[0].name == "tech_lead");
  CHECK(config.roles[0].inherits == std::vector<std::string>{"developer"});
  CHECK(config.roles[0].permissions == std::vector<Permission>{Permission::approve_development,
                                                               Permission::approve_staging,
                                                               Permission::approve_production});
  CHECK(config.members.at("carol") == std::vector<std::string>{"tech_lead"});

  REQUIRE(config.approval_rules.size() == 3);
  const auto& high = config.approval_rules[1];
  CHECK(high.tier == Tier::production);
  CHECK(high.risk == RiskLevel::high);
  CHECK(high.match == RiskMatch::at_least);
  CHECK(high.approvals == 3);
  CHECK(high.roles == std::vector<std::string>{"dba", "tech_lead"});
  CHECK(high.expires == std::chrono::hours(24));
  CHECK(config.approval_rules[2].expires == std::chrono::minutes(30));

  REQUIRE(config.windows.size() == 1);
  const auto& w = config.windows[0];
  CHECK(w.from_minute == 22 * 60);
  CHECK(w.to_minute == 2 * 60);
  CHECK(w.days == std::array<bool, 7>{false, true, true, true, true, false, false});
  CHECK(w.time_zone.empty());  // the environment gives it
  CHECK(config.windows_of(prod).at(0).time_zone == "Europe/Paris");
  CHECK(config.windows_of(config.environment("prod-us")).at(0).time_zone == "America/New_York");
  CHECK(config.windows_of(config.environment("dev")).empty());

  // Defaults, relative to the file's directory.
  CHECK(config.state_file == std::filesystem::path("proj/.migcmd/governance.db"));
  CHECK(config.audit.file == std::filesystem::path("proj/.migcmd/audit.db"));
  CHECK(config.audit.hmac_key_env == "MIGCMD_AUDIT_KEY");
}

TEST_CASE("the URL comes from the variable url_env names, never from the file") {
  const auto config = project_config_from_json(policy_test::sample_config);
  const auto& dev = config.environment("dev");
  unsetenv("DEV_DATABASE_URL");
  CHECK_THROWS_WITH_AS((void)config.environment_url(dev), doctest::Contains("$DEV_DATABASE_URL"),
                       migcmd::Error);
  setenv("DEV_DATABASE_URL", "sqlite:dev.db", 1);
  CHECK(config.environment_url(dev) == "sqlite:dev.db");
  unsetenv("DEV_DATABASE_URL");
  CHECK_THROWS_WITH_AS((void)config.environment("qa"), doctest::Contains("dev, staging, prod"),
                       migcmd::Error);
}

TEST_CASE("optional sections: notifications, audit, state file, default roles") {
  const auto config = project_config_from_json(R"({
    "environments": {"dev": {"tier": "development", "url_env": "DEV_URL"}},
    "default_roles": ["viewer"],
    "notifications": [{"events": ["request", "approve"], "command": "cat >> hooks.log"},
                      {"events": ["*"], "file": "logs/notify.jsonl"}],
    "audit": {"url_env": "AUDIT_URL", "table": "ops.audit", "hmac_key_env": "AUDIT_KEY"},
    "state_file": "/var/lib/migcmd/state.db"
  })",
                                               "/srv/app/migcmd.json");
  CHECK(config.default_roles == std::vector<std::string>{"viewer"});
  REQUIRE(config.notifications.size() == 2);
  CHECK(config.notifications[0].command == "cat >> hooks.log");
  CHECK(config.notifications[0].wants("approve"));
  CHECK_FALSE(config.notifications[0].wants("reject"));
  CHECK(config.notifications[1].file == std::filesystem::path("/srv/app/logs/notify.jsonl"));
  CHECK(config.notifications[1].wants("env.lock"));
  CHECK(config.audit.url_env == "AUDIT_URL");
  CHECK(config.audit.table == "ops.audit");
  CHECK(config.audit.hmac_key_env == "AUDIT_KEY");
  CHECK(config.state_file == std::filesystem::path("/var/lib/migcmd/state.db"));
}

TEST_CASE("load_project_config reads a file and names it in errors") {
  policy_test::TempDir dir;
  const auto file = dir.path() / "project.json";
  {
    std::ofstream out(file);
    out << R"({"environments": {"prod": {"tier": "prod", "url_env": "X"}}})";
  }
  const std::string expected =
      file.string() + ": /environments/prod/tier: expected one of development, staging, production";
  CHECK_THROWS_WITH_AS((void)load_project_config(file), doctest::Contains(expected.c_str()),
                       ConfigError);
  CHECK_THROWS_AS((void)load_project_config(dir.path() / "missing.json"), migcmd::Error);
  {
    std::ofstream out(file);
    out << R"({"environments": {"prod": {"tier": "production", "url_env": "X"}}})";
  }
  const auto config = load_project_config(file);
  CHECK(config.state_file == dir.path() / ".migcmd/governance.db");
}

TEST_CASE("environment mistakes") {
  check_one(env_with(R"({"tier": "prod", "url_env": "P"})"), "/environments/prod/tier",
            "expected one of development, staging, production");
  check_one(env_with(R"({"url_env": "P"})"), "/environments/prod", "missing \"tier\"");
  check_one(env_with(R"({"tier": 3, "url_env": "P"})"), "/environments/prod/tier",
            "expected a string, found an integer");
  // A clear-text URL is refused, and its value (with its password) is not repeated.
  const auto url = problems_of(
      env_with(R"({"tier": "production", "url_env": "P", "url": "postgres://u:s3cret@h/db"})"));
  REQUIRE(url.size() == 1);
  CHECK(url[0].path == "/environments/prod/url");
  CHECK(url[0].message.find("url_env") != std::string::npos);
  CHECK(url[0].message.find("s3cret") == std::string::npos);
  check_one(env_with(R"({"tier": "production", "url_env": "postgres://u:p@h/db"})"),
            "/environments/prod/url_env", "NAME of an environment variable");
  check_one(env_with(R"({"tier": "production", "url_env": "1X"})"), "/environments/prod/url_env",
            "not an environment variable name");
  check_one(env_with(R"({"tier": "production", "url_env": "P", "tiers": "x"})"),
            "/environments/prod/tiers", "unknown key (did you mean \"tier\"?)");
  check_one(env_with(R"({"tier": "production", "url_env": "P", "windows": ["nights"]})"),
            "/environments/prod/windows/0", "unknown window \"nights\"");
  check_one(env_with(R"({"tier": "production", "url_env": "P", "windows": "nights"})"),
            "/environments/prod/windows", "expected an array of strings, found a string");
  check_one(env_with(R"({"tier": "production", "url_env": "P", "time_zone": "Mars/Olympus"})"),
            "/environments/prod/time_zone", "unknown time zone \"Mars/Olympus\"");
  check_one(R"({"environments": {"bad name": {"tier": "production", "url_env": "P"}}})",
            "/environments/bad name", "an environment name is");
  check_one(R"({"environments": []})", "/environments", "expected an object");
}

TEST_CASE("unknown keys anywhere are errors, with a suggestion") {
  check_one(R"({"enviroments": {}})", "/enviroments", "did you mean \"environments\"?");
  check_one(R"({"approvals": [{"tier": "production", "aprovals": 2}]})", "/approvals/0/aprovals",
            "did you mean \"approvals\"?");
  check_one(R"({"windows": {"w": {"days": ["mon"], "from": "01:00", "to": "02:00", "tz": "UTC"}}})",
            "/windows/w/tz", "unknown key");
  check_one(R"({"audit": {"files": "a.db"}})", "/audit/files", "did you mean \"file\"?");
}

TEST_CASE("duplicate keys are reported instead of the last one silently winning") {
  check_one(R"({"environments": {"prod": {"tier": "production", "tier": "development",
                "url_env": "P"}}})",
            "/environments/prod/tier", "appears twice");
  check_one(R"({"approvals": [{"tier": "staging"}, {"tier": "production", "approvals": 2,
                "approvals": 1}]})",
            "/approvals/1/approvals", "appears twice");
}

TEST_CASE("role mistakes") {
  check_one(R"({"roles": {"ops": {"permissions": ["run.production", "aprove.production"]}}})",
            "/roles/ops/permissions/1",
            "unknown permission \"aprove.production\" (did you mean "
            "\"approve.production\"?)");
  check_one(R"({"roles": {"ops": {"permissions": ["nothing.*"]}}})", "/roles/ops/permissions/0",
            "unknown permission");
  check_one(R"({"roles": {"ops": {"inherits": ["dbas"]}}})", "/roles/ops/inherits/0",
            "unknown role \"dbas\" (did you mean \"dba\"?)");
  check_one(R"({"roles": {"dba": {"permissions": []}}})", "/roles/dba",
            "built-in role and cannot be redefined");
  check_one(R"({"roles": {"a": {"inherits": ["b"]}, "b": {"inherits": ["c"]},
                          "c": {"inherits": ["a"]}}})",
            "/roles/a/inherits", "cycle: a -> b -> c -> a");
  check_one(R"({"roles": {"a": {"inherits": ["a"]}}})", "/roles/a/inherits", "cycle: a -> a");
  check_one(R"({"members": {"bob": ["developer", "developper"]}})", "/members/bob/1",
            "unknown role \"developper\"");
  check_one(R"({"members": {"bob": "developer"}})", "/members/bob",
            "expected an array of role names, found a string");
  check_one(R"({"default_roles": ["guest"]})", "/default_roles/0", "unknown role \"guest\"");
}

TEST_CASE("approval rule mistakes") {
  check_one(R"({"approvals": [{"tier": "production", "approvals": 0}]})", "/approvals/0/approvals",
            "expected an integer from 1 to 20");
  check_one(R"({"approvals": [{"tier": "production", "approvals": "two"}]})",
            "/approvals/0/approvals", "found a string");
  check_one(R"({"approvals": [{"tier": "production", "approvals": 1, "roles": ["dba", "admin"]}]})",
            "/approvals/0/approvals", "1 approval cannot include 2 required roles");
  check_one(R"({"approvals": [{"tier": "production", "roles": ["dbaa"]}]})", "/approvals/0/roles/0",
            "unknown role \"dbaa\"");
  check_one(R"({"approvals": [{"tier": "production", "risk": "severe"}]})", "/approvals/0/risk",
            "expected one of low, medium, high, critical");
  check_one(R"({"approvals": [{"tier": "production", "match": "above"}]})", "/approvals/0/match",
            "expected at_least or exact");
  check_one(R"({"approvals": [{"tier": "production", "expires": "24 hours"}]})",
            "/approvals/0/expires", "expected a duration");
  check_one(R"({"approvals": [{"risk": "high"}]})", "/approvals/0", "missing \"tier\"");
  check_one(R"({"approvals": [{"tier": "live"}]})", "/approvals/0/tier", "expected one of");
}

TEST_CASE("window mistakes") {
  check_one(R"({"windows": {"w": {"days": ["mon"], "from": "25:00", "to": "02:00"}}})",
            "/windows/w/from", "expected a time of day \"HH:MM\"");
  check_one(R"({"windows": {"w": {"days": ["mon"], "from": "22:00", "to": "2am"}}})",
            "/windows/w/to", "found \"2am\"");
  check_one(R"({"windows": {"w": {"days": ["mon", "funday"], "from": "22:00", "to": "23:00"}}})",
            "/windows/w/days/1", "found \"funday\"");
  check_one(R"({"windows": {"w": {"days": [], "from": "22:00", "to": "23:00"}}})",
            "/windows/w/days", "at least one day");
  check_one(R"({"windows": {"w": {"from": "22:00", "to": "23:00"}}})", "/windows/w",
            "missing \"days\"");
  check_one(R"({"windows": {"w": {"days": ["mon"], "from": "22:00", "to": "23:00",
                                  "time_zone": "Europe/Pariss"}}})",
            "/windows/w/time_zone", "unknown time zone");
}

TEST_CASE("notification, audit and state file mistakes") {
  check_one(R"({"notifications": [{"events": ["aprove"], "command": "true"}]})",
            "/notifications/0/events/0", "unknown event \"aprove\" (did you mean \"approve\"?)");
  check_one(R"({"notifications": [{"events": ["request"], "command": "true", "file": "x"}]})",
            "/notifications/0", "exactly one of");
  check_one(R"({"notifications": [{"events": ["request"]}]})", "/notifications/0",
            "exactly one of");
  check_one(R"({"notifications": [{"command": "true"}]})", "/notifications/0",
            "missing \"events\"");
  check_one(R"({"audit": {"table": "audit"}})", "/audit/table", "only used with \"url_env\"");
  check_one(R"({"audit": {"hmac_key_env": "my secret key"}})", "/audit/hmac_key_env",
            "not an environment variable name");
  check_one(R"({"audit": {"url_env": "sqlite:audit.db"}})", "/audit/url_env", "connection URL");
  check_one(R"({"state_file": ""})", "/state_file", "must not be empty");
  check_one(R"({"state_file": 1})", "/state_file", "expected a string");
}

TEST_CASE("every problem is reported at once, each with its path") {
  const std::string text = R"({
    "environments": {"prod": {"tier": "prod", "url_env": "P"}},
    "roles": {"ops": {"permissions": ["deploy"]}},
    "approvals": [{"tier": "production", "approvals": 0}]
  })";
  const auto problems = problems_of(text);
  REQUIRE(problems.size() == 3);
  std::vector<std::string> paths;
  for (const auto& p : problems) paths.push_back(p.path);
  CHECK(std::find(paths.begin(), paths.end(), "/environments/prod/tier") != paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "/roles/ops/permissions/0") != paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "/approvals/0/approvals") != paths.end());
  CHECK_THROWS_WITH_AS((void)project_config_from_json(text, "migcmd.json"),
                       doctest::Contains("migcmd.json: 3 problems:\n  /"), ConfigError);
}

TEST_CASE("syntax errors say where; comments are allowed") {
  const auto problems = problems_of("{\n  \"environments\": {,}\n}");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("line 2") != std::string::npos);
  CHECK(problems_of("// only a comment\n{ /* nothing */ }").empty());
  check_one("[1, 2]", "", "expected an object, found an array");
}
