#pragma once
// A role: a named set of permissions, possibly inheriting other roles' permissions. Four roles are
// built in; a project adds its own in migcmd.json.
//
// The built-in roles (each includes the one before it, except where noted):
//   viewer:    status.view, history.view, plan.view, lint, approvals.view, schedule.view,
//              roles.view
//   developer: viewer + migration.create, dry_run, script, report.generate, run.development,
//              rollback.development, request, approve.development, reject
//   dba:       developer + run.staging, run.production, rollback.staging, rollback.production,
//              repair, baseline, adopt, lock.release, approve.staging, approve.production,
//              emergency, post_review, env.lock, env.unlock, schedule.create, schedule.cancel,
//              agent.run, audit.view, audit.export, audit.verify
//   admin:     every permission (dba + roles.manage, settings.manage)

#include <string>
#include <vector>

#include "migcmd/governance/permission.hpp"

namespace migcmd::governance {

struct RoleDefinition {
  std::string name;  // lower case: "dba", "tech_lead"
  std::string description;
  std::vector<Permission> permissions;  // its own, without the inherited ones
  std::vector<std::string> inherits;    // roles whose permissions it also has
  bool builtin = false;
};

// viewer, developer, dba, admin, as documented above.
[[nodiscard]] const std::vector<RoleDefinition>& builtin_roles();

}  // namespace migcmd::governance
