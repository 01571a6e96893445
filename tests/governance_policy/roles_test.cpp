// Every built-in role against every permission, exactly as role.hpp documents them; custom roles
// and their inheritance; the Authorizer's answers and refusals.

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "governance_policy/policy_test_support.hpp"
#include "migcmd/governance/authorizer.hpp"
#include "migcmd/governance/permission.hpp"
#include "migcmd/governance/role_catalog.hpp"

using namespace migcmd::governance;

namespace {

// The matrix of role.hpp, written out again by hand: V viewer, D developer, B dba, A admin. A
// letter means the role has the permission.
const std::map<std::string, std::string> documented_matrix = {
    {"status.view", "VDBA"},
    {"history.view", "VDBA"},
    {"plan.view", "VDBA"},
    {"lint", "VDBA"},
    {"approvals.view", "VDBA"},
    {"schedule.view", "VDBA"},
    {"roles.view", "VDBA"},
    {"migration.create", "DBA"},
    {"dry_run", "DBA"},
    {"script", "DBA"},
    {"report.generate", "DBA"},
    {"run.development", "DBA"},
    {"run.staging", "BA"},
    {"run.production", "BA"},
    {"rollback.development", "DBA"},
    {"rollback.staging", "BA"},
    {"rollback.production", "BA"},
    {"repair", "BA"},
    {"baseline", "BA"},
    {"adopt", "BA"},
    {"lock.release", "BA"},
    {"request", "DBA"},
    {"approve.development", "DBA"},
    {"approve.staging", "BA"},
    {"approve.production", "BA"},
    {"reject", "DBA"},
    {"emergency", "BA"},
    {"post_review", "BA"},
    {"env.lock", "BA"},
    {"env.unlock", "BA"},
    {"schedule.create", "BA"},
    {"schedule.cancel", "BA"},
    {"agent.run", "BA"},
    {"audit.view", "BA"},
    {"audit.export", "BA"},
    {"audit.verify", "BA"},
    {"roles.manage", "A"},
    {"settings.manage", "A"},
};

const std::map<char, std::string> role_letters = {
    {'V', "viewer"}, {'D', "developer"}, {'B', "dba"}, {'A', "admin"}};

Identity as(std::string user, std::vector<std::string> roles = {}) {
  return Identity{std::move(user), std::move(roles), "test"};
}

}  // namespace

TEST_CASE("at least 30 permissions, each with a stable dotted name that reads back") {
  const auto all = all_permissions();
  CHECK(all.size() >= 30);
  std::set<std::string> names;
  for (Permission p : all) {
    const std::string name(to_string(p));
    CHECK(names.insert(name).second);  // unique
    CHECK(permission_from_string(name) == p);
    CHECK_FALSE(describe(p).empty());
  }
  CHECK_FALSE(permission_from_string("run.prod").has_value());
  CHECK(to_string(run_permission(Tier::production)) == std::string_view("run.production"));
  CHECK(to_string(rollback_permission(Tier::staging)) == std::string_view("rollback.staging"));
  CHECK(to_string(approve_permission(Tier::development)) ==
        std::string_view("approve.development"));
}

TEST_CASE("every built-in role has exactly the documented permissions (compared both ways)") {
  const RoleCatalog catalog;
  // Every permission is in the documented table, and the table names only real permissions.
  std::set<std::string> listed;
  for (Permission p : all_permissions()) {
    CAPTURE(to_string(p));
    CHECK(documented_matrix.count(std::string(to_string(p))) == 1);
    listed.insert(std::string(to_string(p)));
  }
  for (const auto& [name, letters] : documented_matrix) {
    CAPTURE(name);
    CHECK(listed.count(name) == 1);
  }
  // Each (role, permission) pair: allowed exactly where the table says, and the Authorizer agrees
  // for a member holding only that role.
  ProjectConfig config;
  const Authorizer authorizer(config);
  for (const auto& [letter, role] : role_letters) {
    const auto granted = catalog.permissions(role);
    for (Permission p : all_permissions()) {
      const std::string name(to_string(p));
      const bool documented = documented_matrix.at(name).find(letter) != std::string::npos;
      CAPTURE(role);
      CAPTURE(name);
      CHECK(granted.count(p) == (documented ? 1U : 0U));
      CHECK(authorizer.allowed(as("someone", {role}), p) == documented);
    }
  }
  CHECK(catalog.permissions("admin").size() == all_permissions().size());
}

TEST_CASE("custom roles inherit, transitively, and add their own") {
  const auto config = project_config_from_json(policy_test::sample_config);
  const Authorizer authorizer(config);
  const RoleCatalog& catalog = authorizer.catalog();

  // tech_lead = developer + approve.*; release_manager = tech_lead + env.lock/unlock.
  const auto lead = catalog.permissions("tech_lead");
  CHECK(lead.count(Permission::approve_production) == 1);
  CHECK(lead.count(Permission::request) == 1);      // from developer
  CHECK(lead.count(Permission::status_view) == 1);  // from viewer, through developer
  CHECK(lead.count(Permission::run_production) == 0);
  CHECK(lead.count(Permission::env_lock) == 0);
  const auto release = catalog.permissions("release_manager");
  CHECK(release.count(Permission::env_lock) == 1);
  CHECK(release.count(Permission::approve_production) == 1);  // from tech_lead
  CHECK(release.count(Permission::migration_create) == 1);    // from developer, two levels up
  CHECK(release.count(Permission::run_production) == 0);

  CHECK(catalog.includes("release_manager", "tech_lead"));
  CHECK(catalog.includes("release_manager", "viewer"));
  CHECK_FALSE(catalog.includes("tech_lead", "release_manager"));
  CHECK_FALSE(catalog.includes("admin", "dba"));  // admin has every permission, not every role
  CHECK(catalog.roles_granting(Permission::env_lock) ==
        std::vector<std::string>{"dba", "admin", "release_manager"});

  CHECK(authorizer.allowed(as("erin"), Permission::env_unlock));
  CHECK(authorizer.has_role(as("erin"), "tech_lead"));
  CHECK(authorizer.has_role(as("erin"), "developer"));
  CHECK_FALSE(authorizer.has_role(as("erin"), "dba"));
}

TEST_CASE("a catalog built in code refuses cycles, unknown parents and redefinitions") {
  CHECK_THROWS_WITH_AS(RoleCatalog({{"a", "", {}, {"b"}, false}, {"b", "", {}, {"a"}, false}}),
                       doctest::Contains("cycle: a -> b -> a"), migcmd::Error);
  CHECK_THROWS_WITH_AS(RoleCatalog({{"a", "", {}, {"nobody"}, false}}),
                       doctest::Contains("unknown role nobody"), migcmd::Error);
  CHECK_THROWS_WITH_AS(RoleCatalog({{"viewer", "", {}, {}, false}}), doctest::Contains("built in"),
                       migcmd::Error);
  // A diamond is no cycle.
  const RoleCatalog diamond({{"x", "", {Permission::lint}, {"viewer"}, false},
                             {"y", "", {Permission::repair}, {"viewer"}, false},
                             {"z", "", {}, {"x", "y"}, false}});
  CHECK(diamond.permissions("z").count(Permission::repair) == 1);
  CHECK(diamond.permissions("z").count(Permission::lint) == 1);
}

TEST_CASE("an identity's roles: members, default roles, and roles its provider vouches for") {
  auto config = project_config_from_json(policy_test::sample_config);
  config.default_roles = {"viewer"};
  const Authorizer authorizer(config);
  CHECK(authorizer.roles_of(as("bob")) == std::vector<std::string>{"viewer", "developer"});
  CHECK(authorizer.roles_of(as("stranger")) == std::vector<std::string>{"viewer"});
  // SSO groups: known role names count, others are ignored.
  CHECK(authorizer.roles_of(as("stranger", {"dba", "everyone@corp"})) ==
        std::vector<std::string>{"viewer", "dba"});
  CHECK(authorizer.allowed(as("stranger", {"dba"}), Permission::run_production));
  CHECK_FALSE(authorizer.allowed(as("stranger"), Permission::run_development));
}

TEST_CASE("require() names the user, the missing permission and the roles that grant it") {
  const auto config = project_config_from_json(policy_test::sample_config);
  const Authorizer authorizer(config);
  CHECK_NOTHROW(authorizer.require(as("alice"), Permission::run_production));
  try {
    authorizer.require(as("bob"), Permission::run_production);
    FAIL("bob may not run in production");
  } catch (const migcmd::Error& e) {
    CHECK(e.code() == migcmd::ErrorCode::permission_denied);
    CHECK(e.message().find("bob") != std::string::npos);
    CHECK(e.message().find("run.production") != std::string::npos);
    CHECK(e.message().find("(developer)") != std::string::npos);
    CHECK(e.hint().find("dba, admin") != std::string::npos);
  }
  CHECK_THROWS_WITH_AS(authorizer.require(as("nobody"), Permission::status_view),
                       doctest::Contains("nobody has no role"), migcmd::Error);
}
