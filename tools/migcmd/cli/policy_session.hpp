#pragma once
// What the governance commands share: the project configuration (--config), the acting identity
// (--as, $MIGCMD_USER, the OS user), the state store, the audit log, and permission checks that
// audit their outcome.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/authorizer.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/role_grant.hpp"
#include "migcmd/governance/state_store.hpp"

namespace migcmd::cli {

struct PolicySession {
  // The configuration with the granted roles added to its members (apply_role_grants).
  governance::ProjectConfig config;
  bool has_config = false;  // false: no migcmd.json (only where the command allows it)
  governance::Identity identity;
  std::unique_ptr<governance::Authorizer> authorizer;
  std::unique_ptr<governance::AuditLog> audit;     // opened with the configuration
  std::vector<governance::RoleGrant> role_grants;  // those added to config.members

  // The state store, opened on first use.
  [[nodiscard]] governance::StateStore& store();

  std::unique_ptr<governance::StateStore> store_;
};

// Whether the project is governed: --config was given, or ./migcmd.json exists.
[[nodiscard]] bool is_governed_project(const GlobalOptions& options);

// Loads --config (default ./migcmd.json) and resolves the identity. Without the default file and
// with `config_required` false, an empty configuration (built-in roles, no members) and no audit
// log. Error(usage) when the file is required and missing. With a configuration it also audits
// what changed in it since it was last used (record_settings_changes, observed by the identity; a
// note says how many changes) and adds the granted roles to its members.
[[nodiscard]] PolicySession open_policy_session(Context& context, bool config_required = true);

// Throws Error(permission_denied) after auditing the refusal; with `audit_allowed` also audits
// the permission granted. `action` names the command in the audit ("env_status", "approvals");
// `arguments`, when given, are recorded with it (scrubbed of secrets like every audit text).
void require_permission(PolicySession& session, governance::Permission permission,
                        const std::string& action, const std::string& environment = {},
                        bool audit_allowed = true, const std::string& arguments = {});

// Before a command with Command::permission runs in a governed project: that permission for the
// acting identity (--env, when given, is the environment of the entry), audited either way.
// Does nothing outside a governed project.
void check_command_permission(Context& context, std::string_view command,
                              std::string_view permission,
                              const std::vector<std::string>& arguments);

// The environment to act on: `explicit_name` when given, else --env; Error(usage) otherwise.
[[nodiscard]] const governance::EnvironmentConfig& chosen_environment(
    const Context& context, const PolicySession& session,
    const std::optional<std::string>& explicit_name = std::nullopt);

// The URL of `environment`, from the variable its url_env names (Error(usage) when it is not set),
// registered with the output as a secret so that no message shows its password.
[[nodiscard]] std::string environment_url(Context& context, const PolicySession& session,
                                          const governance::EnvironmentConfig& environment);

}  // namespace migcmd::cli
