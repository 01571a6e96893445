#include "migcmd/governance/authorizer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/error.hpp"

namespace migcmd::governance {

Authorizer::Authorizer(const ProjectConfig& config)
    : catalog_(config.roles), members_(config.members), default_roles_(config.default_roles) {}

std::vector<std::string> Authorizer::roles_of(const Identity& identity) const {
  std::vector<std::string> wanted = default_roles_;
  if (auto it = members_.find(identity.user); it != members_.end()) {
    wanted.insert(wanted.end(), it->second.begin(), it->second.end());
  }
  wanted.insert(wanted.end(), identity.roles.begin(), identity.roles.end());
  std::vector<std::string> out;
  for (const auto& role : catalog_.roles()) {
    if (std::find(wanted.begin(), wanted.end(), role.name) != wanted.end()) {
      out.push_back(role.name);
    }
  }
  return out;
}

std::set<Permission> Authorizer::permissions_of(const Identity& identity) const {
  std::set<Permission> out;
  for (const auto& role : roles_of(identity)) {
    const auto granted = catalog_.permissions(role);
    out.insert(granted.begin(), granted.end());
  }
  return out;
}

bool Authorizer::has_role(const Identity& identity, std::string_view role) const {
  const auto roles = roles_of(identity);
  return std::any_of(roles.begin(), roles.end(),
                     [&](const std::string& held) { return catalog_.includes(held, role); });
}

bool Authorizer::allowed(const Identity& identity, Permission permission) const {
  return permissions_of(identity).count(permission) > 0;
}

void Authorizer::require(const Identity& identity, Permission permission) const {
  if (allowed(identity, permission)) return;
  const auto roles = roles_of(identity);
  const std::string held = roles.empty() ? fmt::format("{} has no role", identity.user)
                                         : fmt::format("none of {}'s roles ({}) grants it",
                                                       identity.user, fmt::join(roles, ", "));
  throw Error(
      ErrorCode::permission_denied,
      fmt::format("{} may not {}: permission {} is missing; {}", identity.user,
                  describe(permission), to_string(permission), held),
      fmt::format(
          "{} is granted by the roles: {} (given in migcmd.json or by `migcmd roles grant`)",
          to_string(permission), fmt::join(catalog_.roles_granting(permission), ", ")));
}

}  // namespace migcmd::governance
