#pragma once
// The governance gate: what the migrator consults (MigratorOptions::gate) before it changes an
// environment. For the final plan, taken under the migration lock, it checks in order: the acting
// identity's permission (run, rollback or dry run for the environment's tier), the environment
// lock, the risk of every statement, then — unless it is a dry run — the maintenance window and
// the approvals bound to exactly this plan, or an emergency override (its own permission, a
// reason, marked for post-review). Every decision, allowed or refused, each migration's outcome
// and the run's result go to the audit trail.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/dialect.hpp"
#include "migcmd/governance/approvals.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/risk.hpp"
#include "migcmd/governance/state_store.hpp"
#include "migcmd/migrator/run_gate.hpp"

namespace migcmd::governance {

struct GateSettings {
  std::string environment;                      // declared in the project configuration
  std::optional<std::string> emergency_reason;  // --emergency "reason"
  // A run executed by `migcmd agent`: the schedule it runs and the agent (both in the audit and
  // the notifications).
  std::optional<std::int64_t> scheduled_run;
  std::string agent;
};

class GovernanceGate final : public RunGate {
 public:
  // Everything given must outlive the gate. `clock` gives "now" (default: the system clock).
  GovernanceGate(const ProjectConfig& config, StateStore& store, AuditLog& audit, Identity identity,
                 const Dialect& dialect, GateSettings settings, Clock clock = {});

  void authorize(const Plan& plan) override;
  void authorize_maintenance(std::string_view action,
                             const std::vector<std::string>& versions) override;
  void migration_done(const PlannedStep& step, std::chrono::milliseconds elapsed) override;
  void migration_failed(const PlannedStep& step, const std::string& error, int statement) override;
  void run_finished(const Plan& plan, const std::vector<std::string>& done,
                    const std::string& error) override;

  // After authorize(): the plan's risk analysis (waived findings included).
  [[nodiscard]] const RiskReport& risk() const noexcept { return risk_; }

  // Notification hooks that failed so far (they never stop a run; each is audited too).
  [[nodiscard]] const std::vector<std::string>& notification_failures() const noexcept {
    return notification_failures_;
  }

 private:
  [[nodiscard]] AuditEntry entry(std::string action, std::string result) const;
  // Audits and notifies the refusal; `check` names the check that refused ("outside_window"...).
  void refuse(AuditEntry entry, const Error& error, std::string_view check);
  // Sends `event` ("refused", "run", "run.failed") to the hooks of the configuration.
  void notify_hooks(const std::string& event, const AuditEntry& entry);

  const ProjectConfig& config_;
  StateStore& store_;
  AuditLog& audit_;
  Identity identity_;
  const Dialect& dialect_;
  GateSettings settings_;
  Clock clock_;
  Approvals approvals_;
  const EnvironmentConfig& environment_;

  // The authorised run, for its outcome.
  std::string plan_checksum_;
  RiskReport risk_;
  std::int64_t request_id_ = 0;
  std::int64_t emergency_id_ = 0;
  std::chrono::steady_clock::time_point started_{};
  std::vector<std::string> notification_failures_;
};

}  // namespace migcmd::governance
