#include "policy_audit.hpp"

namespace migcmd::governance::detail {

AuditEntry audit_entry(const Identity& identity, std::string action, std::string environment,
                       std::string plan_checksum, std::string target) {
  AuditEntry entry;
  entry.actor = identity.user;
  entry.action = std::move(action);
  entry.environment = std::move(environment);
  entry.plan_checksum = std::move(plan_checksum);
  entry.target = std::move(target);
  if (!identity.source.empty()) entry.details["identity_source"] = identity.source;
  return entry;
}

std::vector<std::string> notify_and_audit(std::span<const NotificationHook> hooks,
                                          const Notification& notification, AuditLog* log) {
  auto failures = notify(hooks, notification);
  if (log) {
    for (const auto& failure : failures) {
      AuditEntry entry;
      entry.actor = notification.actor;
      entry.action = "notify";
      entry.result = audit_result::failed;
      entry.environment = notification.environment;
      entry.target = notification.event;
      entry.message = failure;
      log->append(entry);
    }
  }
  return failures;
}

}  // namespace migcmd::governance::detail
