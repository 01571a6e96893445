#pragma once
// The named permissions every entry point checks. Each has a stable dotted name ("run.production")
// used in migcmd.json, in error messages and in the audit trail; the names never change meaning.

#include <optional>
#include <span>
#include <string_view>

#include "migcmd/governance/tier.hpp"

namespace migcmd::governance {

enum class Permission {
  // Looking
  status_view,     // status.view: status, validate, env status
  history_view,    // history.view: the history table
  plan_view,       // plan.view: show a plan, diff, drift
  lint,            // lint: the risk analysis
  approvals_view,  // approvals.view: list approval requests and emergency runs
  schedule_view,   // schedule.view: list scheduled runs
  roles_view,      // roles.view: list roles and their permissions
  // Writing migrations and dry work
  migration_create,  // migration.create: new, add, hash
  dry_run,           // dry_run: run in a transaction rolled back
  script,            // script: print the SQL of a plan
  report_generate,   // report.generate
  // Changing databases
  run_development,       // run.development
  run_staging,           // run.staging
  run_production,        // run.production
  rollback_development,  // rollback.development
  rollback_staging,      // rollback.staging
  rollback_production,   // rollback.production
  repair,                // repair: rewrite checksums, drop failed rows
  baseline,              // baseline: mark versions applied without running them
  adopt,                 // adopt: import another tool's history
  lock_release,          // lock.release: end another runner's migration lock
  // Approvals
  request,              // request: ask for approval of a plan
  approve_development,  // approve.development
  approve_staging,      // approve.staging
  approve_production,   // approve.production
  reject,               // reject: reject a request (with a reason)
  emergency,            // emergency: bypass windows and missing approvals, marked for review
  post_review,          // post_review: sign off an emergency run afterwards
  // Environments and schedules
  env_lock,         // env.lock
  env_unlock,       // env.unlock
  schedule_create,  // schedule.create
  schedule_cancel,  // schedule.cancel
  agent_run,        // agent.run: execute due scheduled runs
  // Audit and administration
  audit_view,       // audit.view
  audit_export,     // audit.export
  audit_verify,     // audit.verify
  roles_manage,     // roles.manage
  settings_manage,  // settings.manage
};

// Every permission, in the order above.
[[nodiscard]] std::span<const Permission> all_permissions() noexcept;

[[nodiscard]] std::string_view to_string(Permission permission) noexcept;  // "run.production"
[[nodiscard]] std::optional<Permission> permission_from_string(std::string_view name) noexcept;
// One line saying what it allows, for `migcmd roles`.
[[nodiscard]] std::string_view describe(Permission permission) noexcept;

// The per-tier permissions.
[[nodiscard]] Permission run_permission(Tier tier) noexcept;
[[nodiscard]] Permission rollback_permission(Tier tier) noexcept;
[[nodiscard]] Permission approve_permission(Tier tier) noexcept;

}  // namespace migcmd::governance
