// Roles granted and revoked through RoleGrants: who may (roles.manage), with a reason, never for
// oneself, only roles the project has, not twice; what the Authorizer sees after
// apply_role_grants; the audit entries and the notification.

#include <doctest/doctest.h>

#include <fstream>
#include <functional>

#include "governance_policy/policy_test_support.hpp"
#include "migcmd/governance/authorizer.hpp"
#include "migcmd/governance/role_grants.hpp"

using namespace migcmd::governance;
using migcmd::ErrorCode;
using policy_test::as;
using policy_test::code_of;
using policy_test::contains;

namespace {

std::string message_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const migcmd::Error& e) {
    return std::string(e.what()) + " / " + e.hint();
  }
  FAIL("no error was thrown");
  return {};
}

// What an Authorizer built from the file plus the stored grants allows.
bool allowed_after_grants(StateStore& store, const std::string& user, Permission permission) {
  auto config = project_config_from_json(policy_test::sample_config);
  (void)apply_role_grants(config, store);
  return Authorizer(config).allowed(as(user), permission);
}

struct Fixture {
  policy_test::TempDir dir;
  ProjectConfig config = project_config_from_json(policy_test::sample_config);
  StateStore store{dir.path() / "governance.db"};
  AuditLog audit = open_audit_log(dir.path() / "audit.db");
  policy_test::TestClock clock;

  std::vector<AuditEntry> role_changes() {
    AuditFilter filter;
    filter.action = "role_change";
    return audit.entries(filter);
  }
};

}  // namespace

TEST_CASE("granting needs roles.manage, a reason, a role of the project, someone else") {
  Fixture f;
  RoleGrants grants(f.config, f.store, &f.audit, f.clock.function());
  // A DBA may do almost anything, but not hand out roles.
  CHECK(code_of([&] { grants.grant(as("alice"), "bob", "dba", "on call"); }) ==
        ErrorCode::permission_denied);
  CHECK(code_of([&] { grants.grant(as("bob"), "bob", "dba", "on call"); }) ==
        ErrorCode::permission_denied);
  CHECK(code_of([&] { grants.grant(as("root"), "bob", "dba", ""); }) == ErrorCode::usage);
  CHECK(code_of([&] { grants.grant(as("root"), "bob", "dba", "  "); }) == ErrorCode::usage);
  CHECK(contains(message_of([&] { grants.grant(as("root"), "bob", "superuser", "x"); }),
                 "there is no role \"superuser\""));
  CHECK(code_of([&] { grants.grant(as("root"), "root", "dba", "x"); }) == ErrorCode::refused);
  CHECK(contains(message_of([&] { grants.grant(as("root"), "root", "dba", "x"); }),
                 "root may not grant a role for themselves"));
  CHECK(f.store.role_grants().empty());

  const auto granted = grants.grant(as("root"), "bob", "dba", "on call this week");
  CHECK(granted.user == "bob");
  CHECK(granted.role == "dba");
  CHECK(granted.granted_by == "root");
  CHECK(granted.reason == "on call this week");
  CHECK(granted.granted_at == f.clock.now);
  // A custom role can be granted too.
  grants.grant(as("root"), "victor", "tech_lead", "covers for carol");
  REQUIRE(grants.list().size() == 2);
  CHECK(grants.list()[0] == granted);  // by user: bob before victor

  // Twice is refused, naming the first grant.
  f.clock.advance(std::chrono::hours(1));
  const auto again = message_of([&] { grants.grant(as("root"), "bob", "dba", "again"); });
  CHECK(contains(again,
                 "bob already holds role dba, granted by root at 2025-06-02 10:00:00 UTC: on call "
                 "this week"));
  CHECK(code_of([&] { grants.grant(as("root"), "bob", "dba", "again"); }) == ErrorCode::refused);
  CHECK(grants.list().size() == 2);
}

TEST_CASE("a granted role gives its permissions to the Authorizer; a revoked one no longer") {
  Fixture f;
  RoleGrants grants(f.config, f.store, &f.audit, f.clock.function());
  CHECK_FALSE(allowed_after_grants(f.store, "bob", Permission::run_production));
  CHECK_FALSE(allowed_after_grants(f.store, "victor", Permission::approve_production));

  grants.grant(as("root"), "bob", "dba", "on call");
  grants.grant(as("root"), "victor", "tech_lead", "covers for carol");
  CHECK(allowed_after_grants(f.store, "bob", Permission::run_production));
  CHECK(allowed_after_grants(f.store, "victor", Permission::approve_production));
  CHECK_FALSE(allowed_after_grants(f.store, "bob", Permission::roles_manage));
  {
    auto config = project_config_from_json(policy_test::sample_config);
    const auto applied = apply_role_grants(config, f.store);
    CHECK(applied.size() == 2);
    CHECK(config.members.at("bob") == std::vector<std::string>{"developer", "dba"});
    // Applied twice, a role is not repeated.
    (void)apply_role_grants(config, f.store);
    CHECK(config.members.at("bob") == std::vector<std::string>{"developer", "dba"});
  }
  {
    // A grant of a role the configuration no longer defines is left out.
    auto config = project_config_from_json(
        R"({"environments": {"dev": {"tier": "development", "url_env": "X"}},
            "members": {"bob": ["developer"]}})");
    const auto applied = apply_role_grants(config, f.store);
    REQUIRE(applied.size() == 1);
    CHECK(applied[0].role == "dba");
    CHECK(config.members.count("victor") == 0);
  }

  CHECK(code_of([&] { (void)grants.revoke(as("alice"), "bob", "dba", "done"); }) ==
        ErrorCode::permission_denied);
  CHECK(code_of([&] { (void)grants.revoke(as("root"), "bob", "dba", ""); }) == ErrorCode::usage);
  CHECK(code_of([&] { (void)grants.revoke(as("root"), "root", "admin", "x"); }) ==
        ErrorCode::refused);
  CHECK(allowed_after_grants(f.store, "bob", Permission::run_production));

  const auto removed = grants.revoke(as("root"), "bob", "dba", "rotation over");
  CHECK(removed.granted_by == "root");
  CHECK(removed.reason == "on call");
  CHECK_FALSE(allowed_after_grants(f.store, "bob", Permission::run_production));
  CHECK(allowed_after_grants(f.store, "victor", Permission::approve_production));
  // Nothing left to revoke; a role given by migcmd.json is changed in the file.
  CHECK(code_of([&] { (void)grants.revoke(as("root"), "bob", "dba", "again"); }) ==
        ErrorCode::refused);
  CHECK(contains(message_of([&] { (void)grants.revoke(as("root"), "alice", "dba", "x"); }),
                 "migcmd.json gives alice that role"));
  CHECK(allowed_after_grants(f.store, "alice", Permission::run_production));
}

TEST_CASE("every grant and revocation is audited as role_change, refusals too, and notified") {
  Fixture f;
  f.config.notifications.push_back(
      NotificationHook{{"role.change"}, "", f.dir.path() / "notifications.log"});
  RoleGrants grants(f.config, f.store, &f.audit, f.clock.function());
  CHECK_THROWS(grants.grant(as("alice"), "bob", "dba", "please"));
  grants.grant(as("root"), "bob", "dba", "on call");
  CHECK_THROWS(grants.grant(as("root"), "root", "dba", "me"));
  (void)grants.revoke(as("root"), "bob", "dba", "rotation over");
  CHECK(grants.notification_failures().empty());

  const auto entries = f.role_changes();
  REQUIRE(entries.size() == 4);
  std::vector<std::string> results;
  for (const auto& e : entries) results.push_back(e.actor + ":" + e.result + ":" + e.target);
  CHECK(results == std::vector<std::string>{"alice:refused:bob:dba", "root:allowed:bob:dba",
                                            "root:refused:root:dba", "root:allowed:bob:dba"});
  CHECK(entries[1].details.at("change") == "granted");
  CHECK(entries[1].details.at("reason") == "on call");
  CHECK(entries[1].message == "root granted role dba to bob: on call");
  CHECK(entries[3].details.at("change") == "revoked");
  CHECK(entries[3].details.at("reason") == "rotation over");
  CHECK(contains(entries[3].message, "root revoked role dba from bob (granted by root"));
  CHECK(f.audit.verify().ok);

  // One line per change that went through, none for refusals.
  std::ifstream in(f.dir.path() / "notifications.log");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 2);
  CHECK(contains(lines[0], "\"event\":\"role.change\""));
  CHECK(contains(lines[0], "root granted role dba to bob"));
  CHECK(contains(lines[1], "root revoked role dba from bob"));
  // migcmd.json may ask for the event.
  CHECK_NOTHROW((void)project_config_from_json(
      R"({"notifications": [{"events": ["role.change"], "file": "n.log"}]})"));
}
