#pragma once
// `env lock` / `env unlock` as a library call: permission checks (env.lock, env.unlock), the
// store, the audit entry (allowed or refused) and the notification hooks.

#include <optional>
#include <string>
#include <vector>

#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/authorizer.hpp"
#include "migcmd/governance/environment_lock.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/state_store.hpp"

namespace migcmd::governance {

class EnvironmentLocks {
 public:
  // `config`, `store` and `audit` must outlive this object; `audit` may be null.
  EnvironmentLocks(const ProjectConfig& config, StateStore& store, AuditLog* audit = nullptr,
                   Clock clock = {});

  // Needs env.lock and a reason; the environment must be declared. Error(refused) when it is
  // locked already (naming who, since when, why).
  EnvironmentLock lock(const Identity& identity, const std::string& environment,
                       const std::string& reason);
  // Needs env.unlock. The lock removed, or std::nullopt when it was not locked.
  std::optional<EnvironmentLock> unlock(const Identity& identity, const std::string& environment);

  [[nodiscard]] std::optional<EnvironmentLock> status(const std::string& environment);

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

}  // namespace migcmd::governance
