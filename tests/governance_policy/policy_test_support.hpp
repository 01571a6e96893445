#pragma once
// Shared pieces of the policy tests: a temporary directory, a clock the test moves, a sample
// configuration and plans.

#include <unistd.h>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <doctest/doctest.h>

#include <functional>

#include "migcmd/error.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/plan_fingerprint.hpp"
#include "migcmd/governance/time_text.hpp"

namespace policy_test {

inline migcmd::governance::Identity as(std::string user) {
  return migcmd::governance::Identity{std::move(user), {}, "test"};
}

// The error `action` throws; fails the test when it throws none.
inline migcmd::Error error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const migcmd::Error& e) {
    return e;
  }
  FAIL("no error was thrown");
  return migcmd::Error(migcmd::ErrorCode::internal, "");
}

inline migcmd::ErrorCode code_of(const std::function<void()>& action) {
  return error_of(action).code();
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "migcmd-policy-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A clock the test sets and moves.
struct TestClock {
  migcmd::governance::TimePoint now = migcmd::governance::parse_timestamp("2025-06-02T10:00:00Z");
  [[nodiscard]] migcmd::governance::Clock function() {
    return [this] { return now; };
  }
  void advance(std::chrono::seconds by) { now += by; }
};

inline migcmd::governance::PlanFingerprint plan(std::string environment,
                                                std::string checksum_002 = "c2") {
  migcmd::governance::PlanFingerprint p;
  p.environment = std::move(environment);
  p.migrations = {{"001", "c1"}, {"002", std::move(checksum_002)}};
  return p;
}

// Two production environments, a staging and a development one; custom roles tech_lead and
// release_manager; a matrix asking production HIGH+ for 3 approvals including a DBA and a tech
// lead (24h), production LOW+ for 1 (24h), staging for 1 that expires in 30 minutes.
inline constexpr const char* sample_config = R"json(
// The sample project.
{
  "environments": {
    "dev": {"tier": "development", "url_env": "DEV_DATABASE_URL"},
    "staging": {"tier": "staging", "url_env": "STAGING_DATABASE_URL"},
    "prod": {"tier": "production", "url_env": "PROD_DATABASE_URL", "windows": ["weeknights"],
             "time_zone": "Europe/Paris"},
    /* a second production environment in another zone */
    "prod-us": {"tier": "production", "url_env": "PROD_US_DATABASE_URL",
                "windows": ["weeknights"], "time_zone": "America/New_York"}
  },
  "roles": {
    "tech_lead": {"inherits": ["developer"], "permissions": ["approve.*"],
                  "description": "approves for the team"},
    "release_manager": {"inherits": ["tech_lead"], "permissions": ["env.lock", "env.unlock"]}
  },
  "members": {
    "alice": ["dba"],
    "bob": ["developer"],
    "carol": ["tech_lead"],
    "dave": ["dba"],
    "erin": ["release_manager"],
    "root": ["admin"],
    "victor": ["viewer"]
  },
  "approvals": [
    {"tier": "production", "risk": "low", "approvals": 1, "expires": "24h"},
    {"tier": "production", "risk": "high", "match": "at_least", "approvals": 3,
     "roles": ["dba", "tech_lead"], "expires": "24h"},
    {"tier": "staging", "approvals": 1, "expires": "30m"}
  ],
  "windows": {
    "weeknights": {"days": ["mon-thu"], "from": "22:00", "to": "02:00"}
  }
}
)json";

}  // namespace policy_test
