#include "migcmd/governance/governance_gate.hpp"

#include <fmt/format.h>

#include "migcmd/governance/authorizer.hpp"
#include "migcmd/governance/pending_plan.hpp"
#include "migcmd/governance/permission.hpp"
#include "migcmd/governance/policy_checks.hpp"
#include "policy/policy_audit.hpp"

namespace migcmd::governance {
namespace {

std::vector<MigrationScript> scripts_of(const Plan& plan) {
  std::vector<MigrationScript> out;
  for (const auto& step : plan.steps) out.push_back(*step.migration);
  return out;
}

RiskReport analyze_plan(const Plan& plan, const Dialect& dialect) {
  if (!plan.steps.empty() && plan.steps.front().direction == Direction::down) {
    RiskReport report;
    for (const auto& step : plan.steps) {
      auto one = analyze(*step.migration, dialect, Direction::down);
      report.findings.insert(report.findings.end(), one.findings.begin(), one.findings.end());
    }
    return report;
  }
  return analyze(scripts_of(plan), dialect);
}

// "MG103 drop_column at db/002.sql:4 (waived: data moved in V041)", one per waived finding, so
// the audit shows every waiver and its reason.
std::string waivers_of(const RiskReport& report) {
  std::string out;
  for (const auto& f : report.findings) {
    if (!f.waiver) continue;
    if (!out.empty()) out += "; ";
    out += fmt::format("{} {} at {} (waived: {})", f.code, f.rule, location(f), *f.waiver);
  }
  return out;
}

Permission maintenance_permission(std::string_view action) {
  if (action == "repair") return Permission::repair;
  if (action == "baseline") return Permission::baseline;
  if (action == "adopt") return Permission::adopt;
  return Permission::lock_release;
}

}  // namespace

GovernanceGate::GovernanceGate(const ProjectConfig& config, StateStore& store, AuditLog& audit,
                               Identity identity, const Dialect& dialect, GateSettings settings,
                               Clock clock)
    : config_(config),
      store_(store),
      audit_(audit),
      identity_(std::move(identity)),
      dialect_(dialect),
      settings_(std::move(settings)),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::system_clock::now(); })),
      approvals_(config, store, &audit, clock_),
      environment_(config.environment(settings_.environment)) {}

AuditEntry GovernanceGate::entry(std::string action, std::string result) const {
  AuditEntry e;
  e.actor = identity_.user;
  e.action = std::move(action);
  e.result = std::move(result);
  e.environment = environment_.name;
  e.plan_checksum = plan_checksum_;
  if (!identity_.source.empty()) e.details["identity_source"] = identity_.source;
  if (settings_.scheduled_run)
    e.details["scheduled_run"] = std::to_string(*settings_.scheduled_run);
  if (!settings_.agent.empty()) e.details["agent"] = settings_.agent;
  return e;
}

void GovernanceGate::notify_hooks(const std::string& event, const AuditEntry& e) {
  std::vector<std::pair<std::string, std::string>> details{{"action", e.action}};
  if (!e.target.empty()) details.emplace_back("migrations", e.target);
  if (!e.plan_checksum.empty()) details.emplace_back("plan_checksum", e.plan_checksum);
  for (const auto& [key, value] : e.details) details.emplace_back(key, value);
  std::string message;
  if (event == "run") {
    message =
        fmt::format("{} {} {} on {}", e.actor, e.action == "rollback" ? "rolled back" : "applied",
                    e.target.empty() ? "nothing" : e.target, e.environment);
  } else {
    message = fmt::format("{} of {} on {} {}: {}", e.action, e.actor, e.environment,
                          event == "refused" ? "was refused" : "failed", e.message);
  }
  auto failures = detail::notify_and_audit(
      config_.notifications,
      Notification{event, e.environment, e.actor, std::move(message), std::move(details), clock_()},
      &audit_);
  notification_failures_.insert(notification_failures_.end(), failures.begin(), failures.end());
}

void GovernanceGate::refuse(AuditEntry e, const Error& error, std::string_view check) {
  e.result = "refused";
  e.message = error.message();
  if (!error.hint().empty()) e.details["hint"] = error.hint();
  e.details["error_code"] = std::string(to_string(error.code()));
  // Which check refused, for reports: a missing permission wherever it was found.
  e.details["refusal"] =
      error.code() == ErrorCode::permission_denied ? "missing_permission" : std::string(check);
  (void)audit_.append(e);
  notify_hooks("refused", e);
}

void GovernanceGate::authorize(const Plan& plan) {
  const PlanFingerprint fingerprint = plan_fingerprint(environment_.name, plan);
  plan_checksum_ = fingerprint.checksum();
  const bool down = !plan.steps.empty() && plan.steps.front().direction == Direction::down;
  AuditEntry e = entry(plan.dry_run ? "dry_run" : (down ? "rollback" : "run"), "allowed");
  std::vector<std::string> versions;
  for (const auto& [version, checksum] : fingerprint.migrations) versions.push_back(version);
  e.target = fmt::format("{}", fmt::join(versions, ","));
  std::string_view check = "missing_permission";
  try {
    const Authorizer& authorizer = approvals_.authorizer();
    authorizer.require(identity_, plan.dry_run ? Permission::dry_run
                                  : down       ? rollback_permission(environment_.tier)
                                               : run_permission(environment_.tier));
    check = "environment_locked";
    require_unlocked(store_, environment_.name);
    check = "other";
    risk_ = analyze_plan(plan, dialect_);
    e.details["risk"] = std::string(to_string(risk_.level()));
    if (const auto waived = waivers_of(risk_); !waived.empty()) e.details["waivers"] = waived;
    if (!plan.dry_run) {
      if (settings_.emergency_reason) {
        // Checks the emergency permission and audits the override itself.
        emergency_id_ =
            approvals_.record_emergency(identity_, fingerprint, *settings_.emergency_reason);
        e.details["emergency"] = *settings_.emergency_reason;
        e.message = fmt::format(
            "emergency run #{}: windows and approvals bypassed, marked for "
            "post-review",
            emergency_id_);
      } else {
        check = "outside_window";
        require_window_open(config_, environment_, clock_());
        check = "approvals_missing";
        const ApprovalDecision decision = approvals_.check(fingerprint, risk_.level());
        require_approved(decision);
        request_id_ = decision.request_id;
        e.message = decision.message;
        if (request_id_ != 0) e.details["request"] = std::to_string(request_id_);
      }
    }
  } catch (const Error& error) {
    refuse(std::move(e), error, check);
    throw;
  }
  (void)audit_.append(std::move(e));
  started_ = std::chrono::steady_clock::now();
}

void GovernanceGate::authorize_maintenance(std::string_view action,
                                           const std::vector<std::string>& versions) {
  AuditEntry e = entry(std::string(action), "allowed");
  e.target = fmt::format("{}", fmt::join(versions, ","));
  try {
    approvals_.authorizer().require(identity_, maintenance_permission(action));
    require_unlocked(store_, environment_.name);
  } catch (const Error& error) {
    refuse(std::move(e), error, "environment_locked");
    throw;
  }
  (void)audit_.append(std::move(e));
}

void GovernanceGate::migration_done(const PlannedStep& step, std::chrono::milliseconds elapsed) {
  AuditEntry e = entry("migration", "succeeded");
  e.target = step.migration->display_name();
  e.duration_ms = elapsed.count();
  e.details["direction"] = step.direction == Direction::up ? "up" : "down";
  (void)audit_.append(std::move(e));
}

void GovernanceGate::migration_failed(const PlannedStep& step, const std::string& error,
                                      int statement) {
  AuditEntry e = entry("migration", "failed");
  e.target = step.migration->display_name();
  e.message = error;
  e.details["statement"] = std::to_string(statement);
  e.details["direction"] = step.direction == Direction::up ? "up" : "down";
  (void)audit_.append(std::move(e));
}

void GovernanceGate::run_finished(const Plan& plan, const std::vector<std::string>& done,
                                  const std::string& error) {
  const bool down = !plan.steps.empty() && plan.steps.front().direction == Direction::down;
  AuditEntry e = entry(plan.dry_run ? "dry_run" : (down ? "rollback" : "run"),
                       error.empty() ? "succeeded" : "failed");
  e.target = fmt::format("{}", fmt::join(done, ","));
  e.message = error;
  e.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started_)
                      .count();
  if (!plan.dry_run && error.empty() && request_id_ != 0) {
    (void)store_.mark_request_executed(request_id_, identity_.user, fmt::format("ran {}", e.target),
                                       clock_());
    e.details["request"] = std::to_string(request_id_);
  }
  if (emergency_id_ != 0) {
    store_.set_emergency_outcome(emergency_id_, error.empty() ? "succeeded" : "failed: " + error);
    e.details["emergency_run"] = std::to_string(emergency_id_);
  }
  (void)audit_.append(e);
  if (!plan.dry_run) notify_hooks(error.empty() ? "run" : "run.failed", e);
}

}  // namespace migcmd::governance
