#include "migcmd/governance/role_grants.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "migcmd/governance/role_catalog.hpp"
#include "policy_audit.hpp"

namespace migcmd::governance {
namespace {

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

// The checks grant and revoke share, in the order a refusal is most useful.
void check_change(const Authorizer& authorizer, const Identity& identity, const std::string& user,
                  const std::string& role, const std::string& reason, std::string_view verb) {
  authorizer.require(identity, Permission::roles_manage);
  if (user.empty()) throw Error(ErrorCode::usage, fmt::format("{} needs a user", verb));
  if (!authorizer.catalog().find(role)) {
    std::vector<std::string> names;
    for (const auto& r : authorizer.catalog().roles()) names.push_back(r.name);
    throw Error(ErrorCode::usage, fmt::format("there is no role \"{}\"", role),
                fmt::format("the roles are: {}", fmt::join(names, ", ")));
  }
  if (user == identity.user) {
    throw Error(ErrorCode::refused,
                fmt::format("{} may not {} a role for themselves", identity.user, verb),
                "ask another member with roles.manage");
  }
  if (blank(reason)) {
    throw Error(
        ErrorCode::usage, fmt::format("{}ing a role needs a reason", verb),
        fmt::format("e.g. migcmd roles {} {} {} --reason \"on call this week\"", verb, user, role));
  }
}

}  // namespace

RoleGrants::RoleGrants(const ProjectConfig& config, StateStore& store, AuditLog* audit, Clock clock)
    : config_(config),
      store_(store),
      audit_(audit),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::system_clock::now(); })),
      authorizer_(config) {}

RoleGrant RoleGrants::grant(const Identity& identity, const std::string& user,
                            const std::string& role, const std::string& reason) {
  notification_failures_.clear();
  auto entry = detail::audit_entry(identity, "role_change", "", "", user + ":" + role);
  entry.details["change"] = "granted";
  entry.details["reason"] = reason;
  auto granted = detail::audited(audit_, entry, [&](AuditEntry& e) {
    check_change(authorizer_, identity, user, role, reason, "grant");
    auto stored = store_.add_role_grant({user, role, identity.user, reason, clock_()});
    e.message = fmt::format("{} granted role {} to {}: {}", identity.user, role, user, reason);
    return stored;
  });
  notification_failures_ = detail::notify_and_audit(
      config_.notifications,
      Notification{"role.change",
                   "",
                   identity.user,
                   fmt::format("{} granted role {} to {}: {}", identity.user, role, user, reason),
                   {{"user", user}, {"role", role}, {"change", "granted"}},
                   clock_()},
      audit_);
  return granted;
}

RoleGrant RoleGrants::revoke(const Identity& identity, const std::string& user,
                             const std::string& role, const std::string& reason) {
  notification_failures_.clear();
  auto entry = detail::audit_entry(identity, "role_change", "", "", user + ":" + role);
  entry.details["change"] = "revoked";
  entry.details["reason"] = reason;
  auto removed = detail::audited(audit_, entry, [&](AuditEntry& e) {
    check_change(authorizer_, identity, user, role, reason, "revoke");
    auto held = store_.remove_role_grant(user, role);
    if (!held) {
      const bool in_file =
          std::any_of(config_.members.begin(), config_.members.end(), [&](const auto& member) {
            return member.first == user && std::find(member.second.begin(), member.second.end(),
                                                     role) != member.second.end();
          });
      throw Error(ErrorCode::refused, fmt::format("{} holds no granted role {}", user, role),
                  in_file
                      ? fmt::format("{} gives {} that role: change the file", config_.source, user)
                      : std::string("`migcmd roles` lists the granted roles"));
    }
    e.message = fmt::format("{} revoked role {} from {} (granted by {} at {}): {}", identity.user,
                            role, user, held->granted_by, format_utc(held->granted_at), reason);
    return *held;
  });
  notification_failures_ = detail::notify_and_audit(
      config_.notifications,
      Notification{"role.change",
                   "",
                   identity.user,
                   fmt::format("{} revoked role {} from {}: {}", identity.user, role, user, reason),
                   {{"user", user}, {"role", role}, {"change", "revoked"}},
                   clock_()},
      audit_);
  return removed;
}

std::vector<RoleGrant> RoleGrants::list() {
  return store_.role_grants();
}

std::vector<RoleGrant> apply_role_grants(ProjectConfig& config, StateStore& store) {
  const RoleCatalog catalog(config.roles);
  std::vector<RoleGrant> applied;
  for (auto& grant : store.role_grants()) {
    if (!catalog.find(grant.role)) continue;
    auto& roles = config.members[grant.user];
    if (std::find(roles.begin(), roles.end(), grant.role) == roles.end()) {
      roles.push_back(grant.role);
    }
    applied.push_back(std::move(grant));
  }
  return applied;
}

}  // namespace migcmd::governance
