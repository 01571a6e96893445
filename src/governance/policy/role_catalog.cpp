#include "migcmd/governance/role_catalog.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "migcmd/error.hpp"

namespace migcmd::governance {

RoleCatalog::RoleCatalog() : roles_(builtin_roles()) {}

RoleCatalog::RoleCatalog(const std::vector<RoleDefinition>& custom) : roles_(builtin_roles()) {
  for (const auto& role : custom) {
    if (const RoleDefinition* existing = find(role.name)) {
      throw Error(ErrorCode::usage,
                  existing->builtin
                      ? fmt::format("role {} is built in and cannot be redefined", role.name)
                      : fmt::format("role {} is defined twice", role.name),
                  "give the custom role another name (it can inherit the built-in one)");
    }
    roles_.push_back(role);
    roles_.back().builtin = false;
  }
  for (const auto& role : roles_) {
    for (const auto& parent : role.inherits) {
      if (!find(parent)) {
        throw Error(ErrorCode::usage,
                    fmt::format("role {} inherits unknown role {}", role.name, parent));
      }
    }
  }
  // Depth-first search for a cycle, reporting the first one as a path.
  std::vector<std::string> stack;
  std::vector<std::string> done;
  std::function<void(const RoleDefinition&)> visit = [&](const RoleDefinition& role) {
    if (std::find(done.begin(), done.end(), role.name) != done.end()) return;
    if (auto it = std::find(stack.begin(), stack.end(), role.name); it != stack.end()) {
      std::string cycle;
      for (; it != stack.end(); ++it) cycle += *it + " -> ";
      throw Error(ErrorCode::usage,
                  fmt::format("roles inherit each other in a cycle: {}{}", cycle, role.name),
                  "remove one of the inherits entries");
    }
    stack.push_back(role.name);
    for (const auto& parent : role.inherits) visit(*find(parent));
    stack.pop_back();
    done.push_back(role.name);
  };
  for (const auto& role : roles_) visit(role);
}

const RoleDefinition* RoleCatalog::find(std::string_view name) const noexcept {
  auto it = std::find_if(roles_.begin(), roles_.end(),
                         [&](const RoleDefinition& r) { return r.name == name; });
  return it == roles_.end() ? nullptr : &*it;
}

std::set<Permission> RoleCatalog::permissions(std::string_view role) const {
  std::set<Permission> out;
  std::vector<std::string_view> seen;
  // The constructor rejected cycles; `seen` also keeps a diamond from being walked twice.
  std::function<void(std::string_view)> collect = [&](std::string_view name) {
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) return;
    seen.push_back(name);
    const RoleDefinition* r = find(name);
    if (!r) return;
    out.insert(r->permissions.begin(), r->permissions.end());
    for (const auto& parent : r->inherits) collect(parent);
  };
  collect(role);
  return out;
}

bool RoleCatalog::includes(std::string_view role, std::string_view other) const {
  const RoleDefinition* r = find(role);
  if (!r) return false;
  if (role == other) return true;
  return std::any_of(r->inherits.begin(), r->inherits.end(),
                     [&](const std::string& parent) { return includes(parent, other); });
}

std::vector<std::string> RoleCatalog::roles_granting(Permission permission) const {
  std::vector<std::string> out;
  for (const auto& role : roles_) {
    if (permissions(role.name).count(permission)) out.push_back(role.name);
  }
  return out;
}

}  // namespace migcmd::governance
