#include "migcmd/governance/environment_locks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "policy_audit.hpp"

namespace migcmd::governance {

EnvironmentLocks::EnvironmentLocks(const ProjectConfig& config, StateStore& store, AuditLog* audit,
                                   Clock clock)
    : config_(config),
      store_(store),
      audit_(audit),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::system_clock::now(); })),
      authorizer_(config) {}

EnvironmentLock EnvironmentLocks::lock(const Identity& identity, const std::string& environment,
                                       const std::string& reason) {
  notification_failures_.clear();
  auto entry = detail::audit_entry(identity, "env_lock", environment, "", environment);
  entry.details["reason"] = reason;
  auto lock = detail::audited(audit_, entry, [&](AuditEntry& e) {
    authorizer_.require(identity, Permission::env_lock);
    (void)config_.environment(environment);
    if (std::all_of(reason.begin(), reason.end(),
                    [](unsigned char c) { return std::isspace(c) != 0; })) {
      throw Error(ErrorCode::usage, "locking an environment needs a reason",
                  fmt::format("e.g. migcmd env lock {} --reason \"release freeze\"", environment));
    }
    auto taken = store_.lock_environment(environment, identity.user, reason, clock_());
    e.message = fmt::format("{} locked {}: {}", identity.user, environment, reason);
    return taken;
  });
  notification_failures_ = detail::notify_and_audit(
      config_.notifications,
      Notification{"env.lock",
                   environment,
                   identity.user,
                   fmt::format("{} locked {}: {}", identity.user, environment, reason),
                   {},
                   clock_()},
      audit_);
  return lock;
}

std::optional<EnvironmentLock> EnvironmentLocks::unlock(const Identity& identity,
                                                        const std::string& environment) {
  notification_failures_.clear();
  auto entry = detail::audit_entry(identity, "env_unlock", environment, "", environment);
  auto removed = detail::audited(audit_, entry, [&](AuditEntry& e) {
    authorizer_.require(identity, Permission::env_unlock);
    (void)config_.environment(environment);
    auto held = store_.unlock_environment(environment);
    e.message =
        held ? fmt::format("{} unlocked {} (locked by {} since {}: {})", identity.user, environment,
                           held->locked_by, format_utc(held->locked_at), held->reason)
             : fmt::format("{} unlocked {}, which was not locked", identity.user, environment);
    return held;
  });
  if (removed) {
    notification_failures_ = detail::notify_and_audit(
        config_.notifications,
        Notification{"env.unlock",
                     environment,
                     identity.user,
                     fmt::format("{} unlocked {}", identity.user, environment),
                     {},
                     clock_()},
        audit_);
  }
  return removed;
}

std::optional<EnvironmentLock> EnvironmentLocks::status(const std::string& environment) {
  return store_.environment_lock(environment);
}

}  // namespace migcmd::governance
