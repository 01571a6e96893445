#include "cli/policy_session.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>

#include "migcmd/governance/audit_store.hpp"
#include "migcmd/governance/role_grants.hpp"
#include "migcmd/governance/settings_changes.hpp"
#include "migcmd/url.hpp"

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

std::optional<std::string> variable(const std::string& name) {
  if (name.empty()) return std::nullopt;
  const char* value = std::getenv(name.c_str());
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

void register_url_secret(Output& output, const std::string& url) {
  output.add_secret(url, redact_url(url));
  try {
    const DatabaseUrl parsed = parse_url(url);
    if (parsed.password.size() >= 3) output.add_secret(parsed.password);
  } catch (const std::exception&) {
    // A malformed URL is reported by whoever connects with it.
  }
}

QualifiedName table_name(const std::string& text) {
  const auto dot = text.find('.');
  if (dot == std::string::npos) return QualifiedName(text);
  return QualifiedName(text.substr(0, dot), text.substr(dot + 1));
}

std::unique_ptr<gov::AuditLog> open_audit(Context& context, const gov::ProjectConfig& config) {
  const auto key = variable(config.audit.hmac_key_env);
  if (!config.audit.url_env.empty()) {
    const auto url = variable(config.audit.url_env);
    if (!url) {
      throw Error(
          ErrorCode::usage,
          fmt::format("the audit database URL is not set: ${} is empty", config.audit.url_env),
          fmt::format("export {}=<connection URL> ({} names the variable)", config.audit.url_env,
                      config.source));
    }
    register_url_secret(context.output(), *url);
    const Provider& provider = context.providers().for_url(*url);
    gov::AuditOptions options;
    options.hmac_key = key;
    return std::make_unique<gov::AuditLog>(
        gov::open_table_audit_store(provider.connect(*url), provider,
                                    table_name(config.audit.table)),
        std::move(options));
  }
  return std::make_unique<gov::AuditLog>(gov::open_audit_log(config.audit.file, key));
}

}  // namespace

gov::StateStore& PolicySession::store() {
  if (!store_) store_ = std::make_unique<gov::StateStore>(config.state_file);
  return *store_;
}

PolicySession open_policy_session(Context& context, bool config_required) {
  const GlobalOptions& g = context.options();
  PolicySession session;
  std::error_code ec;
  const bool exists = std::filesystem::exists(g.config, ec);
  if (exists || g.config_given || config_required) {
    if (!exists) {
      throw Error(ErrorCode::usage,
                  fmt::format("no project configuration: {} does not exist", g.config.string()),
                  "governance commands need migcmd.json (environments, roles, members, "
                  "approvals); pass --config FILE or create it");
    }
    session.config = gov::load_project_config(g.config);
    session.has_config = true;
  }
  session.identity = gov::cli_identity(g.as_user);
  if (session.has_config) {
    session.audit = open_audit(context, session.config);
    // The file as written: granted roles are audited when granted, not as edits.
    const auto changes = gov::record_settings_changes(session.config, session.store(),
                                                      session.audit.get(), session.identity);
    if (!changes.empty()) {
      context.output().warning(
          fmt::format("{} changed since it was last used: {} change(s), audited",
                      g.config.filename().string(), changes.size()));
    }
    session.role_grants = gov::apply_role_grants(session.config, session.store());
  }
  session.authorizer = std::make_unique<gov::Authorizer>(session.config);
  return session;
}

void require_permission(PolicySession& session, gov::Permission permission,
                        const std::string& action, const std::string& environment,
                        bool audit_allowed, const std::string& arguments) {
  const bool allowed = session.authorizer->allowed(session.identity, permission);
  if (session.audit && (audit_allowed || !allowed)) {
    gov::AuditEntry entry;
    entry.actor = session.identity.user;
    entry.action = action;
    entry.result = allowed ? gov::audit_result::allowed : gov::audit_result::refused;
    entry.environment = environment;
    entry.target = std::string(to_string(permission));
    entry.message = allowed
                        ? fmt::format("{} used {}", session.identity.user, action)
                        : fmt::format("{} lacks {}", session.identity.user, to_string(permission));
    entry.details["identity_source"] = session.identity.source;
    if (!arguments.empty()) entry.details["arguments"] = arguments;
    if (!allowed) entry.details["error_code"] = "permission_denied";
    session.audit->append(entry);
  }
  if (!allowed) session.authorizer->require(session.identity, permission);  // throws
}

bool is_governed_project(const GlobalOptions& options) {
  std::error_code ec;
  return options.config_given || std::filesystem::exists(options.config, ec);
}

void check_command_permission(Context& context, std::string_view command,
                              std::string_view permission,
                              const std::vector<std::string>& arguments) {
  if (!is_governed_project(context.options())) return;
  const auto needed = gov::permission_from_string(permission);
  if (!needed) {
    throw Error(ErrorCode::internal,
                fmt::format("command {} names an unknown permission \"{}\"", command, permission));
  }
  auto session = std::make_shared<PolicySession>(open_policy_session(context, true));
  require_permission(*session, *needed, std::string(command),
                     context.options().environment.value_or(""), true,
                     fmt::format("{}", fmt::join(arguments, " ")));
  context.keep_policy_session(std::move(session));
}

const gov::EnvironmentConfig& chosen_environment(const Context& context,
                                                 const PolicySession& session,
                                                 const std::optional<std::string>& explicit_name) {
  const auto& name = explicit_name ? explicit_name : context.options().environment;
  if (!name) {
    std::vector<std::string> names;
    for (const auto& e : session.config.environments) names.push_back(e.name);
    throw Error(ErrorCode::usage, "which environment? none was given",
                fmt::format("pass --env NAME ({} declares: {})", session.config.source,
                            names.empty() ? std::string("none")
                                          : fmt::format("{}", fmt::join(names, ", "))));
  }
  return session.config.environment(*name);
}

std::string environment_url(Context& context, const PolicySession& session,
                            const gov::EnvironmentConfig& environment) {
  std::string url = session.config.environment_url(environment);
  register_url_secret(context.output(), url);
  return url;
}

}  // namespace migcmd::cli
