#include "migcmd/governance/role.hpp"

namespace migcmd::governance {

const std::vector<RoleDefinition>& builtin_roles() {
  using P = Permission;
  // Each built-in role lists only what it adds; the one before it comes through `inherits`. The
  // comment in role.hpp is the documentation of this table: keep both in step (the tests compare
  // every role with every permission).
  static const std::vector<RoleDefinition> roles = [] {
    std::vector<RoleDefinition> r;
    r.push_back({"viewer",
                 "reads status, history, plans, approvals and schedules",
                 {P::status_view, P::history_view, P::plan_view, P::lint, P::approvals_view,
                  P::schedule_view, P::roles_view},
                 {},
                 true});
    r.push_back(
        {"developer",
         "writes migrations, runs them in development, asks for approvals",
         {P::migration_create, P::dry_run, P::script, P::report_generate, P::run_development,
          P::rollback_development, P::request, P::approve_development, P::reject},
         {"viewer"},
         true});
    r.push_back({"dba",
                 "runs and approves everywhere, locks environments, emergencies, audit",
                 {P::run_staging,
                  P::run_production,
                  P::rollback_staging,
                  P::rollback_production,
                  P::repair,
                  P::baseline,
                  P::adopt,
                  P::lock_release,
                  P::approve_staging,
                  P::approve_production,
                  P::emergency,
                  P::post_review,
                  P::env_lock,
                  P::env_unlock,
                  P::schedule_create,
                  P::schedule_cancel,
                  P::agent_run,
                  P::audit_view,
                  P::audit_export,
                  P::audit_verify},
                 {"developer"},
                 true});
    const auto every = all_permissions();
    r.push_back({"admin",
                 "every permission, including managing roles and settings",
                 {every.begin(), every.end()},
                 {},
                 true});
    return r;
  }();
  return roles;
}

}  // namespace migcmd::governance
