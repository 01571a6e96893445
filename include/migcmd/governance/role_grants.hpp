#pragma once
// `roles grant USER ROLE --reason TEXT` / `roles revoke USER ROLE --reason TEXT` as a library
// call: the permission check (roles.manage), the store, the audit entry (action "role_change",
// target "user:role", allowed or refused) and the notification hooks (event "role.change").
//
// Granted roles live in the state store, not in migcmd.json: apply_role_grants adds them to the
// configuration's members, so that every Authorizer built from it afterwards sees them.

#include <string>
#include <vector>

#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/authorizer.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/role_grant.hpp"
#include "migcmd/governance/state_store.hpp"

namespace migcmd::governance {

class RoleGrants {
 public:
  // `config`, `store` and `audit` must outlive this object; `audit` may be null.
  RoleGrants(const ProjectConfig& config, StateStore& store, AuditLog* audit = nullptr,
             Clock clock = {});

  // Needs roles.manage and a reason; the role must be one of the project (built in or custom).
  // Error(refused) for a grant to oneself or a role the user holds by a grant already.
  RoleGrant grant(const Identity& identity, const std::string& user, const std::string& role,
                  const std::string& reason);
  // Needs roles.manage and a reason; returns the grant removed. Error(refused) for oneself, and
  // when the user holds no such grant (roles given in migcmd.json are changed in the file).
  RoleGrant revoke(const Identity& identity, const std::string& user, const std::string& role,
                   const std::string& reason);

  [[nodiscard]] std::vector<RoleGrant> list();

  [[nodiscard]] const std::vector<std::string>& notification_failures() const noexcept {
    return notification_failures_;
  }

 private:
  const ProjectConfig& config_;
  StateStore& store_;
  AuditLog* audit_;
  Clock clock_;
  Authorizer authorizer_;
  std::vector<std::string> notification_failures_;
};

// Adds every stored grant to config.members (a role the user has already is not repeated); grants
// of roles the configuration no longer defines are left out. Returns the grants applied.
std::vector<RoleGrant> apply_role_grants(ProjectConfig& config, StateStore& store);

}  // namespace migcmd::governance
