#pragma once
// The approval workflow and emergency overrides, with their permission checks and audit entries.
// Every call checks the identity's permission first; a refusal throws Error(permission_denied) or
// Error(refused) after it was appended to the audit log (when one is given), as is every action
// allowed. Successful actions also go to the project's notification hooks.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/governance/approval_decision.hpp"
#include "migcmd/governance/approval_request.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/authorizer.hpp"
#include "migcmd/governance/emergency_run.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/plan_fingerprint.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/state_store.hpp"

namespace migcmd::governance {

class Approvals {
 public:
  // `config`, `store` and `audit` must outlive this object; `audit` may be null (nothing is
  // recorded). `clock` gives "now" (default: the system clock).
  Approvals(const ProjectConfig& config, StateStore& store, AuditLog* audit = nullptr,
            Clock clock = {});

  [[nodiscard]] const Authorizer& authorizer() const noexcept { return authorizer_; }

  // Needs `request`; the environment must be declared in the configuration. Returns the id.
  std::int64_t request(const Identity& identity, const PlanFingerprint& plan, RiskLevel risk,
                       const std::string& reason);
  // Needs approve.<tier of the request's environment>. Refused (Error(refused)) for the
  // requester, and for a request that was rejected or executed. Approving again renews the
  // approval (the same person still counts once).
  ApprovalRequest approve(const Identity& identity, std::int64_t id, const std::string& comment);
  // Needs `reject` and a reason. The request is closed for good.
  ApprovalRequest reject(const Identity& identity, std::int64_t id, const std::string& reason);

  // evaluate() for a stored request against the plan about to run, with the environment's tier
  // from the configuration.
  [[nodiscard]] ApprovalDecision evaluate(std::int64_t id, RiskLevel risk,
                                          const PlanFingerprint& current);
  // The open requests for exactly `plan`, each evaluated, the approved ones first.
  [[nodiscard]] std::vector<ApprovalDecision> decisions_for(const PlanFingerprint& plan,
                                                            RiskLevel risk);
  // What the gate asks before a run: is `plan` (at `risk`) approved? Approved when no rule of the
  // matrix applies (request_id 0), or when an open request for exactly this plan satisfies every
  // rule. Otherwise the decision says exactly what is missing: the approvals still needed; or,
  // when the environment's open requests are for another plan, what changed since (a new
  // request is needed); or that there is no request yet (with the rules that apply). Records
  // nothing: the gate audits its own decision.
  [[nodiscard]] ApprovalDecision check(const PlanFingerprint& plan, RiskLevel risk);

  // Needs `emergency` and a reason. Returns the emergency run's id (listed by
  // pending_post_reviews() until reviewed).
  std::int64_t record_emergency(const Identity& identity, const PlanFingerprint& plan,
                                const std::string& reason);
  [[nodiscard]] std::vector<EmergencyRun> pending_post_reviews();
  // Needs `post_review`; refused for the person who ran it and for one reviewed already.
  EmergencyRun post_review(const Identity& identity, std::int64_t id, const std::string& comment);

  // Notification hooks that failed during the last call (they never make the call fail).
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
