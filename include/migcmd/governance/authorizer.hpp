#pragma once
// Who may do what: an identity's roles are those migcmd.json gives the user (members), the
// default roles, and the roles its provider vouches for (Identity::roles, unknown names ignored);
// its permissions are those of its roles, inherited ones included.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/permission.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/role_catalog.hpp"

namespace migcmd::governance {

class Authorizer {
 public:
  // Copies what it needs: the configuration may go away.
  explicit Authorizer(const ProjectConfig& config);

  [[nodiscard]] const RoleCatalog& catalog() const noexcept { return catalog_; }

  // The identity's roles (known ones only), without duplicates, in catalog order.
  [[nodiscard]] std::vector<std::string> roles_of(const Identity& identity) const;
  [[nodiscard]] std::set<Permission> permissions_of(const Identity& identity) const;
  // Holds `role` directly or through a role that inherits it.
  [[nodiscard]] bool has_role(const Identity& identity, std::string_view role) const;

  [[nodiscard]] bool allowed(const Identity& identity, Permission permission) const;
  // Throws Error(permission_denied): "bob may not run.production: none of bob's roles (developer)
  // grants it", hint naming the roles that do ("granted by: dba, admin").
  void require(const Identity& identity, Permission permission) const;

 private:
  RoleCatalog catalog_;
  std::map<std::string, std::vector<std::string>> members_;
  std::vector<std::string> default_roles_;
};

}  // namespace migcmd::governance
