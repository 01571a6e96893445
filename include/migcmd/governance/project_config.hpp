#pragma once
// The project configuration, migcmd.json (JSON with // and /* */ comments):
//
//   {
//     "environments": {
//       "dev":  {"tier": "development", "url_env": "DEV_DATABASE_URL"},
//       "prod": {"tier": "production", "url_env": "PROD_DATABASE_URL",
//                "windows": ["weeknights"], "time_zone": "Europe/Paris"}
//     },
//     "roles": {"tech_lead": {"inherits": ["developer"], "permissions": ["approve.*"]}},
//     "members": {"alice": ["dba"], "bob": ["developer", "tech_lead"]},
//     "default_roles": ["viewer"],
//     "approvals": [
//       {"tier": "production", "risk": "high", "match": "at_least", "approvals": 3,
//        "roles": ["dba", "tech_lead"], "expires": "24h"}
//     ],
//     "windows": {
//       "weeknights": {"days": ["mon-thu"], "from": "22:00", "to": "02:00",
//                      "time_zone": "Europe/Paris"}
//     },
//     "notifications": [{"events": ["request", "approve"], "command": "notify-team"},
//                       {"events": ["*"], "file": ".migcmd/notifications.log"}],
//     "audit": {"file": ".migcmd/audit.db", "hmac_key_env": "MIGCMD_AUDIT_KEY"},
//     "state_file": ".migcmd/governance.db"
//   }
//
// Every key is checked: an unknown key is an error (a typo must not silently disable a control),
// and every mistake is reported with its JSON path, all of them at once. Connection URLs are never
// written in the file: an environment names the environment variable that holds its URL
// (url_env). Relative paths are relative to the directory of the configuration file.
//
// Details:
// - environments: name -> {tier (required), url_env (required), windows: [window names],
//   time_zone (for its windows that name none; default UTC), description}. Names: letters,
//   digits, '_', '-', '.'.
// - roles: name -> {permissions: [dotted names; "prefix.*" and "*" expand], inherits: [roles],
//   description}. Built-in role names (viewer, developer, dba, admin) cannot be redefined;
//   inheritance cycles are rejected.
// - members: user -> [roles]. default_roles: roles every identity has (e.g. ["viewer"]).
// - approvals: [{tier, risk (default low), match (at_least | exact, default at_least),
//   approvals (>= 1, >= the number of roles), roles, expires (default "24h")}]; see
//   approval_rule.hpp for how rules combine.
// - windows: name -> {days: ["mon", "tue-fri", "daily", "weekdays", "weekends"], from "HH:MM",
//   to "HH:MM" (earlier than from: crosses midnight), time_zone (IANA)}.
// - notifications: [{events: [...], command | file}].
// - audit: {file (default .migcmd/audit.db), url_env + table (a table in that database instead),
//   hmac_key_env}.
// - state_file: locks, approvals, emergencies and schedules (default .migcmd/governance.db).

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/error.hpp"
#include "migcmd/governance/approval_rule.hpp"
#include "migcmd/governance/maintenance_window.hpp"
#include "migcmd/governance/notification.hpp"
#include "migcmd/governance/role.hpp"
#include "migcmd/governance/tier.hpp"

namespace migcmd::governance {

struct EnvironmentConfig {
  std::string name;
  Tier tier = Tier::development;
  std::string url_env;               // the NAME of the environment variable holding the URL
  std::vector<std::string> windows;  // names of maintenance windows
  std::string time_zone;             // for windows that name none; empty: UTC
  std::string description;

  friend bool operator==(const EnvironmentConfig&, const EnvironmentConfig&) = default;
};

struct AuditConfig {
  std::filesystem::path file;  // resolved; used when url_env is empty
  std::string url_env;         // a database for the audit table instead of the file
  std::string table = "migcmd_audit";
  std::string hmac_key_env;  // the NAME of the variable holding the HMAC key; empty: plain SHA-256

  friend bool operator==(const AuditConfig&, const AuditConfig&) = default;
};

struct ProjectConfig {
  std::string source;              // the file name, for messages
  std::filesystem::path base_dir;  // what relative paths were resolved against

  std::vector<EnvironmentConfig> environments;
  std::vector<RoleDefinition> roles;  // custom roles only; see RoleCatalog
  std::map<std::string, std::vector<std::string>> members;
  std::vector<std::string> default_roles;
  std::vector<ApprovalRule> approval_rules;
  std::vector<MaintenanceWindow> windows;  // as declared (time_zone "" when the window names none)
  std::vector<NotificationHook> notifications;
  AuditConfig audit;
  std::filesystem::path state_file;

  [[nodiscard]] const EnvironmentConfig* find_environment(std::string_view name) const noexcept;
  // Throws Error(usage) naming the environments the file declares.
  [[nodiscard]] const EnvironmentConfig& environment(std::string_view name) const;
  // The environment's windows, each with its time zone settled (its own, else the
  // environment's, else UTC).
  [[nodiscard]] std::vector<MaintenanceWindow> windows_of(const EnvironmentConfig& env) const;
  // The URL from the variable named by url_env; Error(usage) when it is not set.
  [[nodiscard]] std::string environment_url(const EnvironmentConfig& env) const;
};

// One mistake: where ("/environments/prod/tier") and what.
struct ConfigProblem {
  std::string path;
  std::string message;
};

// Error(parse_error) with every problem found. what(): "migcmd.json: /environments/prod/tier:
// expected one of development, staging, production" (one problem), or a count followed by one
// line per problem.
class ConfigError : public Error {
 public:
  ConfigError(std::string source, std::vector<ConfigProblem> problems);
  [[nodiscard]] const std::vector<ConfigProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<ConfigProblem> problems_;
};

inline constexpr std::string_view default_config_file = "migcmd.json";
inline constexpr std::string_view default_state_file = ".migcmd/governance.db";
inline constexpr std::string_view default_audit_file = ".migcmd/audit.db";

// Reads and checks the file. Error(io_error) when it cannot be read; ConfigError otherwise.
[[nodiscard]] ProjectConfig load_project_config(const std::filesystem::path& path);
// The same from text; `source` names it in messages and its directory anchors relative paths.
[[nodiscard]] ProjectConfig project_config_from_json(std::string_view text,
                                                     std::string_view source = "migcmd.json");

}  // namespace migcmd::governance
