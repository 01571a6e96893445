#include "migcmd/governance/permission.hpp"

#include <array>

namespace migcmd::governance {
namespace {

struct PermissionInfo {
  Permission permission;
  std::string_view name;
  std::string_view description;
};

// The one table of names: they are part of migcmd.json and the audit trail, never renamed.
constexpr std::array permission_table{
    PermissionInfo{Permission::status_view, "status.view",
                   "see migration status, validate, environment status"},
    PermissionInfo{Permission::history_view, "history.view", "read the history table"},
    PermissionInfo{Permission::plan_view, "plan.view", "see plans, diffs and drift"},
    PermissionInfo{Permission::lint, "lint", "run the risk analysis"},
    PermissionInfo{Permission::approvals_view, "approvals.view",
                   "list approval requests and emergency runs"},
    PermissionInfo{Permission::schedule_view, "schedule.view", "list scheduled runs"},
    PermissionInfo{Permission::roles_view, "roles.view", "list roles and their permissions"},
    PermissionInfo{Permission::migration_create, "migration.create",
                   "create migrations (new, add, hash)"},
    PermissionInfo{Permission::dry_run, "dry_run", "run migrations in a transaction rolled back"},
    PermissionInfo{Permission::script, "script", "print the SQL of a plan"},
    PermissionInfo{Permission::report_generate, "report.generate", "generate reports"},
    PermissionInfo{Permission::run_development, "run.development",
                   "apply migrations to development environments"},
    PermissionInfo{Permission::run_staging, "run.staging",
                   "apply migrations to staging environments"},
    PermissionInfo{Permission::run_production, "run.production",
                   "apply migrations to production environments"},
    PermissionInfo{Permission::rollback_development, "rollback.development",
                   "roll back migrations in development environments"},
    PermissionInfo{Permission::rollback_staging, "rollback.staging",
                   "roll back migrations in staging environments"},
    PermissionInfo{Permission::rollback_production, "rollback.production",
                   "roll back migrations in production environments"},
    PermissionInfo{Permission::repair, "repair",
                   "re-record checksums of changed migrations, remove failed rows"},
    PermissionInfo{Permission::baseline, "baseline",
                   "mark migrations applied without running them"},
    PermissionInfo{Permission::adopt, "adopt", "import another tool's migration history"},
    PermissionInfo{Permission::lock_release, "lock.release", "end another runner's migration lock"},
    PermissionInfo{Permission::request, "request", "ask for approval of a plan"},
    PermissionInfo{Permission::approve_development, "approve.development",
                   "approve plans for development environments"},
    PermissionInfo{Permission::approve_staging, "approve.staging",
                   "approve plans for staging environments"},
    PermissionInfo{Permission::approve_production, "approve.production",
                   "approve plans for production environments"},
    PermissionInfo{Permission::reject, "reject", "reject approval requests"},
    PermissionInfo{Permission::emergency, "emergency",
                   "run outside windows and without approvals, marked for post-review"},
    PermissionInfo{Permission::post_review, "post_review", "review emergency runs afterwards"},
    PermissionInfo{Permission::env_lock, "env.lock", "lock an environment against every run"},
    PermissionInfo{Permission::env_unlock, "env.unlock", "unlock an environment"},
    PermissionInfo{Permission::schedule_create, "schedule.create", "schedule approved runs"},
    PermissionInfo{Permission::schedule_cancel, "schedule.cancel", "cancel scheduled runs"},
    PermissionInfo{Permission::agent_run, "agent.run", "run the agent that executes schedules"},
    PermissionInfo{Permission::audit_view, "audit.view", "read the audit trail"},
    PermissionInfo{Permission::audit_export, "audit.export", "export the audit trail"},
    PermissionInfo{Permission::audit_verify, "audit.verify", "verify the audit trail's chain"},
    PermissionInfo{Permission::roles_manage, "roles.manage", "change roles and members"},
    PermissionInfo{Permission::settings_manage, "settings.manage",
                   "change the project's governance settings"},
};

constexpr std::array<Permission, permission_table.size()> make_all() {
  std::array<Permission, permission_table.size()> all{};
  for (std::size_t i = 0; i < permission_table.size(); ++i) all[i] = permission_table[i].permission;
  return all;
}

constexpr auto all = make_all();

const PermissionInfo& info(Permission permission) noexcept {
  for (const auto& entry : permission_table) {
    if (entry.permission == permission) return entry;
  }
  return permission_table.back();  // unreachable: the table lists every enumerator
}

}  // namespace

std::span<const Permission> all_permissions() noexcept {
  return all;
}

std::string_view to_string(Permission permission) noexcept {
  return info(permission).name;
}

std::string_view describe(Permission permission) noexcept {
  return info(permission).description;
}

std::optional<Permission> permission_from_string(std::string_view name) noexcept {
  for (const auto& entry : permission_table) {
    if (entry.name == name) return entry.permission;
  }
  return std::nullopt;
}

namespace {

// The permission of one family (run, rollback, approve) for a tier.
Permission for_tier(Tier tier, Permission development, Permission staging,
                    Permission production) noexcept {
  switch (tier) {
    case Tier::development:
      return development;
    case Tier::staging:
      return staging;
    case Tier::production:
      return production;
  }
  return production;  // the strictest for a value outside the enum
}

}  // namespace

Permission run_permission(Tier tier) noexcept {
  return for_tier(tier, Permission::run_development, Permission::run_staging,
                  Permission::run_production);
}

Permission rollback_permission(Tier tier) noexcept {
  return for_tier(tier, Permission::rollback_development, Permission::rollback_staging,
                  Permission::rollback_production);
}

Permission approve_permission(Tier tier) noexcept {
  return for_tier(tier, Permission::approve_development, Permission::approve_staging,
                  Permission::approve_production);
}

}  // namespace migcmd::governance
