// `roles`: the roles of the project and their permissions; `whoami`: who migcmd thinks is acting,
// with which roles and permissions.

#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/policy_session.hpp"
#include "migcmd/governance/permission.hpp"

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

int run_roles(Context& context, const po::variables_map&) {
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
    out.json_result("roles", {{"roles", roles},
                              {"permissions", permissions},
                              {"members", members},
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
      out.line(fmt::format("  {}: {}", user, fmt::join(roles_of_user, ", ")));
    }
  }
  out.line("permissions:");
  for (auto p : gov::all_permissions()) {
    out.line(fmt::format("  {:<22} {}", to_string(p), describe(p)));
  }
  return 0;
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
          "roles",
          "list roles, their permissions and the members",
          "Lists every role (built in: viewer, developer, dba, admin; and the custom roles of "
          "migcmd.json) with all its permissions, inherited ones included, the members and their "
          "roles, and every permission with what it allows. Needs roles.view when migcmd.json "
          "exists.",
          no_options,
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
