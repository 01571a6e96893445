#include "migcmd/governance/settings_changes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "migcmd/governance/maintenance_window.hpp"
#include "migcmd/governance/risk_level.hpp"
#include "migcmd/governance/tier.hpp"
#include "policy_audit.hpp"

namespace migcmd::governance {
namespace {

using nlohmann::json;

std::vector<std::string> strings(const json& list) {
  std::vector<std::string> out;
  if (list.is_array()) {
    for (const auto& item : list) out.push_back(item.is_string() ? item.get<std::string>() : "?");
  }
  return out;
}

std::string listed(const json& list) {
  const auto items = strings(list);
  return items.empty() ? std::string("none") : fmt::format("{}", fmt::join(items, ", "));
}

std::string text_of(const json& item, const char* key) {
  if (!item.is_object() || !item.contains(key)) return {};
  const auto& value = item.at(key);
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// The items of one section (an object name -> canonical JSON) in both fingerprints, each
// difference told by `added`, `removed` and `changed`.
template <typename Added, typename Removed, typename Changed>
void compare_section(const json& before, const json& after, const char* section,
                     std::vector<std::string>& out, Added added, Removed removed, Changed changed) {
  const json empty = json::object();
  const json& a = before.contains(section) ? before.at(section) : empty;
  const json& b = after.contains(section) ? after.at(section) : empty;
  for (const auto& [name, item] : b.items()) {
    if (!a.contains(name)) {
      out.push_back(added(name, item));
    } else if (a.at(name) != item) {
      out.push_back(changed(name, a.at(name), item));
    }
  }
  for (const auto& [name, item] : a.items()) {
    if (!b.contains(name)) out.push_back(removed(name, item));
  }
}

std::string role_change(const std::string& name, const json& was, const json& is) {
  std::vector<std::string> parts;
  const auto old_permissions = strings(was.value("permissions", json::array()));
  const auto new_permissions = strings(is.value("permissions", json::array()));
  std::vector<std::string> added;
  std::vector<std::string> removed;
  for (const auto& p : new_permissions) {
    if (std::find(old_permissions.begin(), old_permissions.end(), p) == old_permissions.end()) {
      added.push_back(p);
    }
  }
  for (const auto& p : old_permissions) {
    if (std::find(new_permissions.begin(), new_permissions.end(), p) == new_permissions.end()) {
      removed.push_back(p);
    }
  }
  if (!added.empty()) parts.push_back(fmt::format("permissions added {}", fmt::join(added, " ")));
  if (!removed.empty()) {
    parts.push_back(fmt::format("permissions removed {}", fmt::join(removed, " ")));
  }
  if (was.value("inherits", json::array()) != is.value("inherits", json::array())) {
    parts.push_back(fmt::format("inherits {} -> {}", listed(was.value("inherits", json::array())),
                                listed(is.value("inherits", json::array()))));
  }
  if (parts.empty()) parts.emplace_back("changed");
  return fmt::format("role {}: {}", name, fmt::join(parts, "; "));
}

std::string environment_change(const std::string& name, const json& was, const json& is) {
  std::vector<std::string> parts;
  if (text_of(was, "tier") != text_of(is, "tier")) {
    parts.push_back(fmt::format("tier {} -> {}", text_of(was, "tier"), text_of(is, "tier")));
  }
  if (was.value("windows", json::array()) != is.value("windows", json::array())) {
    parts.push_back(fmt::format("windows {} -> {}", listed(was.value("windows", json::array())),
                                listed(is.value("windows", json::array()))));
  }
  if (text_of(was, "time_zone") != text_of(is, "time_zone")) {
    const auto zone = [](std::string z) { return z.empty() ? std::string("UTC") : z; };
    parts.push_back(fmt::format("time zone {} -> {}", zone(text_of(was, "time_zone")),
                                zone(text_of(is, "time_zone"))));
  }
  if (parts.empty()) parts.emplace_back("changed");
  return fmt::format("environment {}: {}", name, fmt::join(parts, "; "));
}

}  // namespace

std::string settings_fingerprint(const ProjectConfig& config) {
  json roles = json::object();
  for (const auto& role : config.roles) {
    std::vector<std::string> permissions;
    for (auto p : role.permissions) permissions.emplace_back(to_string(p));
    std::sort(permissions.begin(), permissions.end());
    permissions.erase(std::unique(permissions.begin(), permissions.end()), permissions.end());
    roles[role.name] = {{"permissions", permissions}, {"inherits", role.inherits}};
  }
  json members = json::object();
  for (const auto& [user, member_roles] : config.members) members[user] = member_roles;
  // Rules are named by tier and risk, as people speak of them; a second rule for the same pair
  // gets its position.
  json approvals = json::object();
  for (const auto& rule : config.approval_rules) {
    std::string name = fmt::format("{} {}", to_string(rule.tier), to_string(rule.risk));
    for (int n = 2; approvals.contains(name); ++n) {
      name = fmt::format("{} {} ({})", to_string(rule.tier), to_string(rule.risk), n);
    }
    approvals[name] = {{"match", rule.match == RiskMatch::exact ? "exact" : "at_least"},
                       {"approvals", rule.approvals},
                       {"roles", rule.roles},
                       {"expires_seconds", rule.expires.count()},
                       {"described", rule.describe()}};
  }
  json windows = json::object();
  for (const auto& window : config.windows) windows[window.name] = describe(window);
  json environments = json::object();
  for (const auto& env : config.environments) {
    environments[env.name] = {{"tier", std::string(to_string(env.tier))},
                              {"windows", env.windows},
                              {"time_zone", env.time_zone}};
  }
  const json fingerprint = {{"version", 1},
                            {"roles", roles},
                            {"members", members},
                            {"default_roles", config.default_roles},
                            {"approvals", approvals},
                            {"windows", windows},
                            {"environments", environments}};
  return fingerprint.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<std::string> settings_differences(const std::string& before, const std::string& after) {
  json a;
  json b;
  try {
    a = json::parse(before);
    b = json::parse(after);
  } catch (const json::exception&) {
    return {"the settings stored last could not be read; the current ones replace them"};
  }
  if (!a.is_object() || !b.is_object() || a.value("version", 0) != b.value("version", 0)) {
    return {"the settings stored last are of another form; the current ones replace them"};
  }
  std::vector<std::string> out;
  compare_section(
      a, b, "roles", out,
      [](const std::string& name, const json& item) {
        return fmt::format("role {} added: permissions {}{}", name,
                           listed(item.value("permissions", json::array())),
                           item.value("inherits", json::array()).empty()
                               ? std::string()
                               : ", inherits " + listed(item.value("inherits", json::array())));
      },
      [](const std::string& name, const json&) { return fmt::format("role {} removed", name); },
      role_change);
  compare_section(
      a, b, "members", out,
      [](const std::string& user, const json& roles) {
        return fmt::format("member {} added: roles {}", user, listed(roles));
      },
      [](const std::string& user, const json& roles) {
        return fmt::format("member {} removed (had roles {})", user, listed(roles));
      },
      [](const std::string& user, const json& was, const json& is) {
        return fmt::format("member {}: roles {} -> {}", user, listed(was), listed(is));
      });
  const json none = json::array();
  const json& default_before = a.contains("default_roles") ? a.at("default_roles") : none;
  const json& default_after = b.contains("default_roles") ? b.at("default_roles") : none;
  if (default_before != default_after) {
    out.push_back(
        fmt::format("default roles: {} -> {}", listed(default_before), listed(default_after)));
  }
  compare_section(
      a, b, "approvals", out,
      [](const std::string& name, const json& rule) {
        return fmt::format("approval rule for {} added: {}", name, text_of(rule, "described"));
      },
      [](const std::string& name, const json& rule) {
        return fmt::format("approval rule for {} removed (was: {})", name,
                           text_of(rule, "described"));
      },
      [](const std::string& name, const json& was, const json& is) {
        return fmt::format("approval rule for {} changed: {} -> {}", name,
                           text_of(was, "described"), text_of(is, "described"));
      });
  compare_section(
      a, b, "windows", out,
      [](const std::string& name, const json& when) {
        return fmt::format("window {} added: {}", name, when.get<std::string>());
      },
      [](const std::string& name, const json& when) {
        return fmt::format("window {} removed (was {})", name, when.get<std::string>());
      },
      [](const std::string& name, const json& was, const json& is) {
        return fmt::format("window {}: {} -> {}", name, was.get<std::string>(),
                           is.get<std::string>());
      });
  compare_section(
      a, b, "environments", out,
      [](const std::string& name, const json& env) {
        return fmt::format("environment {} added: tier {}", name, text_of(env, "tier"));
      },
      [](const std::string& name, const json& env) {
        return fmt::format("environment {} removed (tier {})", name, text_of(env, "tier"));
      },
      environment_change);
  return out;
}

std::vector<std::string> record_settings_changes(const ProjectConfig& config, StateStore& store,
                                                 AuditLog* audit, const Identity& observer,
                                                 TimePoint now) {
  const std::string current = settings_fingerprint(config);
  if (store.settings_fingerprint() == current) return {};
  const auto previous = store.swap_settings_fingerprint(current, now);
  // The first time, or another process recorded this very change a moment ago.
  if (!previous || *previous == current) return {};
  auto differences = settings_differences(*previous, current);
  if (differences.empty()) return {};
  if (audit) {
    auto entry = detail::audit_entry(observer, "settings_change", "", "", config.source);
    entry.result = audit_result::succeeded;
    entry.message = fmt::format("{} changed since it was last used: {}", config.source,
                                fmt::join(differences, "; "));
    entry.details["changes"] = std::to_string(differences.size());
    audit->append(entry);
  }
  return differences;
}

}  // namespace migcmd::governance
