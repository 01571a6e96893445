#pragma once
// All roles of a project, the built-in ones and the custom ones, with inheritance resolved.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/governance/role.hpp"

namespace migcmd::governance {

class RoleCatalog {
 public:
  // The built-in roles only.
  RoleCatalog();
  // Built-in roles plus `custom`. Throws Error(usage) for a custom role that redefines a built-in
  // one, is defined twice, inherits an unknown role, or takes part in an inheritance cycle (the
  // message shows the cycle: "a -> b -> a"). The configuration loader reports the same mistakes
  // with their JSON paths before it gets here.
  explicit RoleCatalog(const std::vector<RoleDefinition>& custom);

  // Built-in roles first, then custom ones in the order given.
  [[nodiscard]] const std::vector<RoleDefinition>& roles() const noexcept { return roles_; }
  [[nodiscard]] const RoleDefinition* find(std::string_view name) const noexcept;

  // Its own permissions and everything it inherits, transitively. Empty for an unknown role.
  [[nodiscard]] std::set<Permission> permissions(std::string_view role) const;
  // `role` is `other`, or inherits it (transitively). Unknown roles include nothing.
  [[nodiscard]] bool includes(std::string_view role, std::string_view other) const;
  // The roles whose permissions contain `permission`, in catalog order.
  [[nodiscard]] std::vector<std::string> roles_granting(Permission permission) const;

 private:
  std::vector<RoleDefinition> roles_;
};

}  // namespace migcmd::governance
