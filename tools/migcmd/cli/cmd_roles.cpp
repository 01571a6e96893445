// `roles`: the roles of the project, their permissions and the members (granted roles marked);
// `roles grant USER ROLE --reason TEXT` / `roles revoke USER ROLE --reason TEXT`: roles given in
// the state store, audited; `whoami`: who migcmd thinks is acting, with which roles and
// permissions.

#include <fmt/format.h>

#include <algorithm>

#include "cli/command.hpp"
#include "cli/policy_output.hpp"
#include "cli/policy_session.hpp"
#include "migcmd/governance/permission.hpp"
#include "migcmd/governance/role_grants.hpp"
#include "migcmd/governance/time_text.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

std::vector<std::string> names(const std::set<gov::Permission>& permissions) {
  // In the order of all_permissions(), which groups them by subject.
  std::vector<std::string> out;
  for (gov::Permission p : gov::all_permissions()) {
    if (permissions.count(p)) out.emplace_back(to_string(p));
  }
  return out;
}

void roles_options(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()
      // clang-format off
      ("action", po::value<std::string>()->value_name("ACTION"), "list (default), grant or revoke")
      ("user", po::value<std::string>()->value_name("USER"), "grant, revoke: the member")
      ("role", po::value<std::string>()->value_name("ROLE"), "grant, revoke: the role")
      ("reason", po::value<std::string>()->value_name("TEXT"), "grant, revoke: why (required)");
  // clang-format on
  pos.add("action", 1).add("user", 1).add("role", 1);
}

nlohmann::json grant_json(const gov::RoleGrant& grant) {
  return {{"user", grant.user},
          {"role", grant.role},
          {"granted_by", grant.granted_by},
          {"reason", grant.reason},
          {"granted_at", gov::format_utc(grant.granted_at)}};
}

const gov::RoleGrant* find_grant(const std::vector<gov::RoleGrant>& grants, const std::string& user,
                                 const std::string& role) {
  auto it = std::find_if(grants.begin(), grants.end(),
                         [&](const gov::RoleGrant& g) { return g.user == user && g.role == role; });
  return it == grants.end() ? nullptr : &*it;
}

int change_role(Context& context, const po::variables_map& args, bool granting) {
  const char* verb = granting ? "grant" : "revoke";
  if (!args.count("user") || !args.count("role")) {
    throw Error(ErrorCode::usage, fmt::format("roles {} needs a user and a role", verb),
                fmt::format("migcmd roles {} USER ROLE --reason TEXT", verb));
  }
  const std::string user = args["user"].as<std::string>();
  const std::string role = args["role"].as<std::string>();
  const std::string reason = args.count("reason") ? args["reason"].as<std::string>() : "";
  auto session = open_policy_session(context);
  gov::RoleGrants grants(session.config, session.store(), session.audit.get());
  const auto grant = granting ? grants.grant(session.identity, user, role, reason)
                              : grants.revoke(session.identity, user, role, reason);
  Output& out = context.output();
  warn_notification_failures(out, grants.notification_failures());
  if (out.json()) {
    out.json_result(granting ? "roles grant" : "roles revoke", {{"grant", grant_json(grant)}});
  } else if (granting) {
    out.line(fmt::format("granted role {} to {}: {}", role, user, reason));
  } else {
    out.line(fmt::format("revoked role {} from {} (granted by {} at {}): {}", role, user,
                         grant.granted_by, gov::format_utc(grant.granted_at), reason));
  }
  return 0;
}

int list_roles(Context& context) {
  auto session = open_policy_session(context, false);
  // Without migcmd.json there is no member to check: the built-in roles are public knowledge.
  if (session.has_config) {
    require_permission(session, gov::Permission::roles_view, "roles");
  }
  const auto& catalog = session.authorizer->catalog();
  Output& out = context.output();
  if (out.json()) {
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& role : catalog.roles()) {
      std::vector<std::string> own;
      for (auto p : role.permissions) own.emplace_back(to_string(p));
      roles.push_back({{"name", role.name},
                       {"builtin", role.builtin},
                       {"description", role.description},
                       {"inherits", role.inherits},
                       {"own_permissions", own},
                       {"permissions", names(catalog.permissions(role.name))}});
    }
    nlohmann::json permissions = nlohmann::json::array();
    for (auto p : gov::all_permissions()) {
      permissions.push_back({{"name", std::string(to_string(p))},
                             {"description", std::string(describe(p))},
                             {"roles", catalog.roles_granting(p)}});
    }
    nlohmann::json members = nlohmann::json::object();
    for (const auto& [user, roles_of_user] : session.config.members) members[user] = roles_of_user;
    nlohmann::json grants = nlohmann::json::array();
    for (const auto& grant : session.role_grants) grants.push_back(grant_json(grant));
    out.json_result("roles", {{"roles", roles},
                              {"permissions", permissions},
                              {"members", members},
                              {"granted", grants},
                              {"default_roles", session.config.default_roles}});
    return 0;
  }
  for (const auto& role : catalog.roles()) {
    std::string head = fmt::format(
        "{} ({}{})", role.name, role.builtin ? "built in" : "custom",
        role.inherits.empty() ? std::string()
                              : fmt::format(", inherits {}", fmt::join(role.inherits, ", ")));
    out.line(head + (role.description.empty() ? "" : ": " + role.description));
    out.line(fmt::format("  {}", fmt::join(names(catalog.permissions(role.name)), " ")));
  }
  if (!session.config.members.empty()) {
    out.line("members:");
    for (const auto& [user, roles_of_user] : session.config.members) {
      std::vector<std::string> shown;
      for (const auto& role : roles_of_user) {
        const auto* grant = find_grant(session.role_grants, user, role);
        shown.push_back(grant ? fmt::format("{} (granted by {} at {}: {})", role, grant->granted_by,
                                            gov::format_utc(grant->granted_at), grant->reason)
                              : role);
      }
      out.line(fmt::format("  {}: {}", user, fmt::join(shown, ", ")));
    }
  }
  out.line("permissions:");
  for (auto p : gov::all_permissions()) {
    out.line(fmt::format("  {:<22} {}", to_string(p), describe(p)));
  }
  return 0;
}

int run_roles(Context& context, const po::variables_map& args) {
  const std::string action = args.count("action") ? args["action"].as<std::string>() : "list";
  if (action == "list") return list_roles(context);
  if (action == "grant") return change_role(context, args, true);
  if (action == "revoke") return change_role(context, args, false);
  throw Error(ErrorCode::usage, fmt::format("unknown roles action \"{}\"", action),
              "use `migcmd roles`, `migcmd roles grant USER ROLE --reason TEXT` or "
              "`migcmd roles revoke USER ROLE --reason TEXT`");
}

int run_whoami(Context& context, const po::variables_map&) {
  auto session = open_policy_session(context, false);
  const auto roles = session.authorizer->roles_of(session.identity);
  const auto permissions = names(session.authorizer->permissions_of(session.identity));
  Output& out = context.output();
  if (out.json()) {
    out.json_result("whoami", {{"user", session.identity.user},
                               {"source", session.identity.source},
                               {"roles", roles},
                               {"permissions", permissions}});
    return 0;
  }
  out.line(fmt::format("{} (from {})", session.identity.user, session.identity.source));
  out.line(fmt::format("roles: {}", roles.empty() ? std::string("none")
                                                  : fmt::format("{}", fmt::join(roles, ", "))));
  out.line(fmt::format("permissions: {}", permissions.empty()
                                              ? std::string("none")
                                              : fmt::format("{}", fmt::join(permissions, " "))));
  if (!session.has_config) out.line("(no migcmd.json: nobody has a role)");
  return 0;
}

}  // namespace

Command roles_command() {
  return {"roles",
          "roles | roles grant USER ROLE --reason TEXT | roles revoke USER ROLE --reason TEXT",
          "list roles and members; grant or revoke a role",
          "Lists every role (built in: viewer, developer, dba, admin; and the custom roles of "
          "migcmd.json) with all its permissions, inherited ones included, the members and their "
          "roles (those granted with `roles grant` marked, with who granted them, when and why), "
          "and every permission with what it allows. Needs roles.view when migcmd.json exists. "
          "`roles grant USER ROLE --reason TEXT` gives a member a role of the project, kept in "
          "the state file beside migcmd.json's members, and `roles revoke USER ROLE --reason TEXT` "
          "takes a granted role back; both need roles.manage, nobody changes their own roles, and "
          "every attempt is audited (role_change), refusals too.",
          roles_options,
          run_roles};
}

Command whoami_command() {
  return {"whoami",
          "whoami",
          "show the acting user, their roles and permissions",
          "Shows who migcmd takes to be acting (--as, else $MIGCMD_USER, else the OS user), with "
          "the roles migcmd.json gives them and every permission those roles grant.",
          no_options,
          run_whoami};
}

}  // namespace migcmd::cli
