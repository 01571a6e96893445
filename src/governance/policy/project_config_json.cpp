// migcmd.json: parsing and checking. Every mistake is collected with its JSON pointer so that one
// run of migcmd shows all of them.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/role_catalog.hpp"
#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {
namespace {

// ordered_json: environments, roles and windows keep the order of the file.
using json = nlohmann::ordered_json;

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child(const std::string& path, std::string_view key) {
  return path + "/" + pointer_token(key);
}

std::string child(const std::string& path, std::size_t index) {
  return fmt::format("{}/{}", path, index);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// " (did you mean \"tier\"?)" when one candidate is close.
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = 3;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best.empty() ? std::string() : fmt::format(" (did you mean \"{}\"?)", best);
}

const char* type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "true/false";
    case json::value_t::null:
      return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    default:
      return "something else";
  }
}

bool valid_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

bool valid_variable_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

bool looks_like_url(std::string_view text) {
  return text.find("://") != std::string_view::npos || text.starts_with("sqlite:") ||
         text.starts_with("sqlite3:") || text.find('@') != std::string_view::npos;
}

// Duplicate keys: nlohmann keeps the last one silently, which could quietly replace a stricter
// setting. The parser callback sees every key; this tracks where it is to report them.
class DuplicateKeyFinder {
 public:
  explicit DuplicateKeyFinder(std::vector<ConfigProblem>& problems) : problems_(problems) {}

  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        frames_.push_back({element_path(), event == json::parse_event_t::array_start, 0, {}, {}});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        break;
      case json::parse_event_t::key: {
        Frame& top = frames_.back();
        top.key = parsed.get<std::string>();
        if (!top.keys.insert(top.key).second) {
          problems_.push_back({child(top.path, top.key),
                               "the key appears twice in this object (the last would silently "
                               "win): keep one"});
        }
        break;
      }
      case json::parse_event_t::value:
        (void)element_path();  // counts array elements
        break;
    }
    return true;
  }

 private:
  struct Frame {
    std::string path;
    bool array = false;
    std::size_t count = 0;
    std::set<std::string> keys;
    std::string key;
  };

  // The path of the value starting now, counting it when it is an array element.
  std::string element_path() {
    if (frames_.empty()) return "";
    Frame& top = frames_.back();
    if (top.array) return child(top.path, top.count++);
    return child(top.path, top.key);
  }

  std::vector<ConfigProblem>& problems_;
  std::vector<Frame> frames_;
};

class Parser {
 public:
  Parser(std::string source, std::filesystem::path base_dir)
      : source_(std::move(source)), base_dir_(std::move(base_dir)) {}

  ProjectConfig parse(std::string_view text) {
    json root;
    try {
      DuplicateKeyFinder finder(problems_);
      root = json::parse(
          text.begin(), text.end(),
          [&finder](int depth, json::parse_event_t event, json& parsed) {
            return finder(depth, event, parsed);
          },
          true, true);
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      if (auto bracket = what.find("] ");
          what.starts_with("[json.") && bracket != std::string::npos) {
        what = what.substr(bracket + 2);
      }
      throw ConfigError(source_, {{"", what}});
    }

    ProjectConfig config;
    config.source = source_;
    config.base_dir = base_dir_;
    config.state_file = resolve(std::string(default_state_file));
    config.audit.file = resolve(std::string(default_audit_file));
    config.audit.hmac_key_env = "MIGCMD_AUDIT_KEY";
    if (!root.is_object()) {
      problem("", fmt::format("expected an object, found {}", type_name(root)));
      throw ConfigError(source_, problems_);
    }
    check_keys(root, "",
               {"$schema", "environments", "roles", "members", "default_roles", "approvals",
                "windows", "notifications", "audit", "state_file"});

    // Windows and roles first: environments, members and rules refer to them.
    if (root.contains("windows")) parse_windows(root["windows"], "/windows", config);
    if (root.contains("roles")) parse_roles(root["roles"], "/roles", config);
    catalog_names_ = role_names(config);
    if (root.contains("environments")) {
      parse_environments(root["environments"], "/environments", config);
    }
    if (root.contains("members")) parse_members(root["members"], "/members", config);
    if (root.contains("default_roles")) {
      config.default_roles = role_list(root["default_roles"], "/default_roles");
    }
    if (root.contains("approvals")) parse_approvals(root["approvals"], "/approvals", config);
    if (root.contains("notifications")) {
      parse_notifications(root["notifications"], "/notifications", config);
    }
    if (root.contains("audit")) parse_audit(root["audit"], "/audit", config);
    if (root.contains("state_file")) {
      if (auto file = string_value(root["state_file"], "/state_file")) {
        if (file->empty()) {
          problem("/state_file", "must not be empty");
        } else {
          config.state_file = resolve(*file);
        }
      }
    }
    if (!problems_.empty()) throw ConfigError(source_, problems_);
    return config;
  }

 private:
  void problem(std::string path, std::string message) {
    problems_.push_back({std::move(path), std::move(message)});
  }

  std::filesystem::path resolve(const std::string& path) const {
    std::filesystem::path p(path);
    return p.is_absolute() || base_dir_.empty() ? p : base_dir_ / p;
  }

  void check_keys(const json& object, const std::string& path,
                  std::initializer_list<std::string> allowed) {
    std::vector<std::string> names(allowed);
    for (const auto& [key, value] : object.items()) {
      if (std::find(names.begin(), names.end(), key) != names.end()) continue;
      std::vector<std::string> shown;
      for (const auto& n : names) {
        if (!n.starts_with('$')) shown.push_back(n);
      }
      problem(child(path, key), fmt::format("unknown key{}; expected one of: {}",
                                            suggestion(key, names), fmt::join(shown, ", ")));
    }
  }

  bool expect(const json& value, json::value_t type, const std::string& path, const char* what) {
    const bool ok = value.type() == type ||
                    (type == json::value_t::number_integer && value.is_number_integer());
    if (!ok) problem(path, fmt::format("expected {}, found {}", what, type_name(value)));
    return ok;
  }

  std::optional<std::string> string_value(const json& value, const std::string& path) {
    if (!expect(value, json::value_t::string, path, "a string")) return std::nullopt;
    return value.get<std::string>();
  }

  std::vector<std::string> string_list(const json& value, const std::string& path) {
    std::vector<std::string> out;
    if (!expect(value, json::value_t::array, path, "an array of strings")) return out;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (auto s = string_value(value[i], child(path, i))) out.push_back(*s);
    }
    return out;
  }

  std::vector<std::string> role_names(const ProjectConfig& config) const {
    std::vector<std::string> names;
    for (const auto& r : builtin_roles()) names.push_back(r.name);
    for (const auto& r : config.roles) names.push_back(r.name);
    return names;
  }

  std::vector<std::string> role_list(const json& value, const std::string& path) {
    std::vector<std::string> out;
    if (!expect(value, json::value_t::array, path, "an array of role names")) return out;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string item_path = child(path, i);
      auto name = string_value(value[i], item_path);
      if (!name) continue;
      if (std::find(catalog_names_.begin(), catalog_names_.end(), *name) == catalog_names_.end()) {
        problem(item_path,
                fmt::format("unknown role \"{}\"{}; the roles are: {}", *name,
                            suggestion(*name, catalog_names_), fmt::join(catalog_names_, ", ")));
        continue;
      }
      out.push_back(*name);
    }
    return out;
  }

  // --- windows
  void parse_windows(const json& value, const std::string& path, ProjectConfig& config) {
    if (!expect(value, json::value_t::object, path, "an object of windows by name")) return;
    for (const auto& [name, body] : value.items()) {
      const std::string wpath = child(path, name);
      if (!valid_name(name)) {
        problem(wpath, "a window name is letters, digits, '_', '-' or '.'");
        continue;
      }
      if (!expect(body, json::value_t::object, wpath, "an object")) continue;
      check_keys(body, wpath, {"days", "from", "to", "time_zone", "description"});
      MaintenanceWindow w;
      w.name = name;
      w.time_zone.clear();
      if (!body.contains("days")) {
        problem(wpath, "missing \"days\" (e.g. [\"mon-fri\"] or [\"daily\"])");
      } else {
        parse_days(body["days"], child(wpath, "days"), w);
      }
      for (const char* key : {"from", "to"}) {
        const std::string tpath = child(wpath, key);
        if (!body.contains(key)) {
          problem(wpath, fmt::format("missing \"{}\" (a time of day, \"HH:MM\")", key));
          continue;
        }
        auto text = string_value(body[key], tpath);
        if (!text) continue;
        auto minute = parse_time_of_day(*text);
        if (!minute || (std::string_view(key) == "from" && *minute == 1440)) {
          problem(tpath, fmt::format("expected a time of day \"HH:MM\" (00:00 to 23:59{}), found "
                                     "\"{}\"",
                                     std::string_view(key) == "to" ? ", or 24:00" : "", *text));
          continue;
        }
        (std::string_view(key) == "from" ? w.from_minute : w.to_minute) = *minute;
      }
      if (body.contains("time_zone")) {
        if (auto zone = time_zone(body["time_zone"], child(wpath, "time_zone"))) {
          w.time_zone = *zone;
        }
      }
      if (body.contains("description"))
        (void)string_value(body["description"], child(wpath, "description"));
      config.windows.push_back(std::move(w));
    }
  }

  void parse_days(const json& value, const std::string& path, MaintenanceWindow& w) {
    if (!expect(value, json::value_t::array, path, "an array of days")) return;
    if (value.empty()) problem(path, "a window needs at least one day");
    static const std::vector<std::string> short_names{"sun", "mon", "tue", "wed",
                                                      "thu", "fri", "sat"};
    static const std::vector<std::string> long_names{"sunday",   "monday", "tuesday", "wednesday",
                                                     "thursday", "friday", "saturday"};
    auto day_index = [&](std::string text) -> std::optional<unsigned> {
      std::transform(text.begin(), text.end(), text.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      for (unsigned i = 0; i < 7; ++i) {
        if (text == short_names[i] || text == long_names[i]) return i;
      }
      return std::nullopt;
    };
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string dpath = child(path, i);
      auto text = string_value(value[i], dpath);
      if (!text) continue;
      if (*text == "daily" || *text == "*") {
        w.days.fill(true);
        continue;
      }
      if (*text == "weekdays") {
        for (unsigned d = 1; d <= 5; ++d) w.days[d] = true;
        continue;
      }
      if (*text == "weekends") {
        w.days[0] = w.days[6] = true;
        continue;
      }
      const auto dash = text->find('-');
      auto first = day_index(text->substr(0, dash));
      auto last = dash == std::string::npos ? first : day_index(text->substr(dash + 1));
      if (!first || !last) {
        problem(dpath, fmt::format("expected a day (mon, tue, wed, thu, fri, sat, sun), a range "
                                   "(\"mon-fri\"), \"daily\", \"weekdays\" or \"weekends\"; "
                                   "found \"{}\"",
                                   *text));
        continue;
      }
      // A range may wrap round the week ("fri-mon").
      for (unsigned d = *first;; d = (d + 1) % 7) {
        w.days[d] = true;
        if (d == *last) break;
      }
    }
  }

  std::optional<std::string> time_zone(const json& value, const std::string& path) {
    auto zone = string_value(value, path);
    if (!zone) return std::nullopt;
    if (!is_known_time_zone(*zone)) {
      problem(path, fmt::format("unknown time zone \"{}\"; use an IANA name such as UTC, "
                                "Europe/Paris or America/New_York",
                                *zone));
      return std::nullopt;
    }
    return zone;
  }

  // --- roles
  void parse_roles(const json& value, const std::string& path, ProjectConfig& config) {
    if (!expect(value, json::value_t::object, path, "an object of roles by name")) return;
    std::vector<std::string> builtin_names;
    for (const auto& r : builtin_roles()) builtin_names.push_back(r.name);
    std::vector<std::string> permission_names;
    for (Permission p : all_permissions()) permission_names.emplace_back(to_string(p));

    for (const auto& [name, body] : value.items()) {
      const std::string rpath = child(path, name);
      if (std::find(builtin_names.begin(), builtin_names.end(), name) != builtin_names.end()) {
        problem(rpath, fmt::format("{} is a built-in role and cannot be redefined; define a role "
                                   "with another name that inherits it",
                                   name));
        continue;
      }
      if (!valid_name(name)) {
        problem(rpath, "a role name is letters, digits, '_', '-' or '.'");
        continue;
      }
      if (!expect(body, json::value_t::object, rpath, "an object")) continue;
      check_keys(body, rpath, {"permissions", "inherits", "description"});
      RoleDefinition role;
      role.name = name;
      if (body.contains("description")) {
        role.description =
            string_value(body["description"], child(rpath, "description")).value_or("");
      }
      if (body.contains("permissions")) {
        const std::string ppath = child(rpath, "permissions");
        const auto& list = body["permissions"];
        if (expect(list, json::value_t::array, ppath, "an array of permission names")) {
          for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string item_path = child(ppath, i);
            auto text = string_value(list[i], item_path);
            if (!text) continue;
            const auto matched = expand_permission(*text);
            if (matched.empty()) {
              problem(item_path, fmt::format("unknown permission \"{}\"{}; run `migcmd roles` "
                                             "for the list",
                                             *text, suggestion(*text, permission_names)));
            }
            for (Permission p : matched) {
              if (std::find(role.permissions.begin(), role.permissions.end(), p) ==
                  role.permissions.end()) {
                role.permissions.push_back(p);
              }
            }
          }
        }
      }
      if (body.contains("inherits")) {
        role.inherits = string_list(body["inherits"], child(rpath, "inherits"));
      }
      config.roles.push_back(std::move(role));
    }

    // Inheritance: unknown parents, then cycles.
    auto names = role_names(config);
    for (auto& role : config.roles) {
      const std::string ipath = child(child(path, role.name), "inherits");
      std::vector<std::string> known;
      for (std::size_t i = 0; i < role.inherits.size(); ++i) {
        const auto& parent = role.inherits[i];
        if (std::find(names.begin(), names.end(), parent) == names.end()) {
          problem(child(ipath, i), fmt::format("unknown role \"{}\"{}; the roles are: {}", parent,
                                               suggestion(parent, names), fmt::join(names, ", ")));
        } else {
          known.push_back(parent);
        }
      }
      role.inherits = known;
    }
    try {
      RoleCatalog catalog(config.roles);
    } catch (const Error& e) {
      // Only a cycle is left to find; name the first role on it.
      std::string first = e.message();
      if (auto colon = first.find(": "); colon != std::string::npos)
        first = first.substr(colon + 2);
      first = first.substr(0, first.find(' '));
      problem(child(child(path, first), "inherits"), e.message());
      for (auto& role : config.roles) role.inherits.clear();  // invalid anyway; keeps names
    }
  }

  static std::vector<Permission> expand_permission(const std::string& text) {
    std::vector<Permission> out;
    if (text == "*") {
      const auto all = all_permissions();
      return {all.begin(), all.end()};
    }
    if (text.size() > 2 && text.ends_with(".*")) {
      const std::string prefix = text.substr(0, text.size() - 1);  // keeps the dot
      for (Permission p : all_permissions()) {
        if (to_string(p).starts_with(prefix)) out.push_back(p);
      }
      return out;
    }
    if (auto p = permission_from_string(text)) out.push_back(*p);
    return out;
  }

  // --- environments
  void parse_environments(const json& value, const std::string& path, ProjectConfig& config) {
    if (!expect(value, json::value_t::object, path, "an object of environments by name")) return;
    std::vector<std::string> window_names;
    for (const auto& w : config.windows) window_names.push_back(w.name);
    for (const auto& [name, body] : value.items()) {
      const std::string epath = child(path, name);
      if (!valid_name(name)) {
        problem(epath, "an environment name is letters, digits, '_', '-' or '.'");
        continue;
      }
      if (!expect(body, json::value_t::object, epath, "an object")) continue;
      if (body.contains("url")) {
        // The value is not repeated: it may hold a password.
        problem(child(epath, "url"),
                "connection URLs are never written in migcmd.json; put the URL in an environment "
                "variable and name that variable with \"url_env\" (e.g. \"url_env\": "
                "\"PROD_DATABASE_URL\")");
      }
      check_keys(body, epath, {"tier", "url_env", "url", "windows", "time_zone", "description"});
      EnvironmentConfig env;
      env.name = name;
      if (!body.contains("tier")) {
        problem(epath, "missing \"tier\" (development, staging or production)");
      } else if (auto tier = string_value(body["tier"], child(epath, "tier"))) {
        if (auto t = tier_from_string(*tier)) {
          env.tier = *t;
        } else {
          problem(child(epath, "tier"), fmt::format("expected one of development, staging, "
                                                    "production; found \"{}\"",
                                                    *tier));
        }
      }
      if (!body.contains("url_env")) {
        problem(epath,
                "missing \"url_env\" (the name of the environment variable holding the "
                "connection URL)");
      } else if (auto var = string_value(body["url_env"], child(epath, "url_env"))) {
        if (looks_like_url(*var)) {
          problem(child(epath, "url_env"),
                  "this looks like a connection URL; url_env is the NAME of an environment "
                  "variable holding it (e.g. \"PROD_DATABASE_URL\"), so the URL is never stored "
                  "in the file");
        } else if (!valid_variable_name(*var)) {
          problem(child(epath, "url_env"),
                  fmt::format("\"{}\" is not an environment variable name (letters, digits and "
                              "'_', not starting with a digit)",
                              *var));
        } else {
          env.url_env = *var;
        }
      }
      if (body.contains("windows")) {
        const std::string wpath = child(epath, "windows");
        const auto names = string_list(body["windows"], wpath);
        for (std::size_t i = 0; i < names.size(); ++i) {
          if (std::find(window_names.begin(), window_names.end(), names[i]) == window_names.end()) {
            problem(child(wpath, i),
                    fmt::format(
                        "unknown window \"{}\"{}; {}", names[i], suggestion(names[i], window_names),
                        window_names.empty()
                            ? std::string("declare it under /windows")
                            : fmt::format("the windows are: {}", fmt::join(window_names, ", "))));
          } else {
            env.windows.push_back(names[i]);
          }
        }
      }
      if (body.contains("time_zone")) {
        env.time_zone = time_zone(body["time_zone"], child(epath, "time_zone")).value_or("");
      }
      if (body.contains("description")) {
        env.description =
            string_value(body["description"], child(epath, "description")).value_or("");
      }
      config.environments.push_back(std::move(env));
    }
  }

  // --- members
  void parse_members(const json& value, const std::string& path, ProjectConfig& config) {
    if (!expect(value, json::value_t::object, path, "an object: user -> [roles]")) return;
    for (const auto& [user, roles] : value.items()) {
      if (user.empty()) {
        problem(child(path, user), "a user name must not be empty");
        continue;
      }
      config.members[user] = role_list(roles, child(path, user));
    }
  }

  // --- approvals
  void parse_approvals(const json& value, const std::string& path, ProjectConfig& config) {
    if (!expect(value, json::value_t::array, path, "an array of rules")) return;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string rpath = child(path, i);
      const json& body = value[i];
      if (!expect(body, json::value_t::object, rpath, "an object")) continue;
      check_keys(body, rpath, {"tier", "risk", "match", "approvals", "roles", "expires"});
      ApprovalRule rule;
      bool ok = true;
      if (!body.contains("tier")) {
        problem(rpath, "missing \"tier\" (development, staging or production)");
        ok = false;
      } else if (auto tier = string_value(body["tier"], child(rpath, "tier"))) {
        if (auto t = tier_from_string(*tier)) {
          rule.tier = *t;
        } else {
          problem(child(rpath, "tier"), fmt::format("expected one of development, staging, "
                                                    "production; found \"{}\"",
                                                    *tier));
          ok = false;
        }
      }
      if (body.contains("risk")) {
        if (auto risk = string_value(body["risk"], child(rpath, "risk"))) {
          if (auto r = risk_level_from_string(*risk)) {
            rule.risk = *r;
          } else {
            problem(
                child(rpath, "risk"),
                fmt::format("expected one of low, medium, high, critical; found \"{}\"", *risk));
            ok = false;
          }
        }
      }
      if (body.contains("match")) {
        if (auto match = string_value(body["match"], child(rpath, "match"))) {
          if (*match == "at_least") {
            rule.match = RiskMatch::at_least;
          } else if (*match == "exact") {
            rule.match = RiskMatch::exact;
          } else {
            problem(child(rpath, "match"),
                    fmt::format("expected at_least or exact; found \"{}\"", *match));
            ok = false;
          }
        }
      }
      if (body.contains("approvals")) {
        const std::string apath = child(rpath, "approvals");
        const json& count = body["approvals"];
        if (!count.is_number_integer()) {
          problem(apath,
                  fmt::format("expected an integer from 1 to 20, found {}", type_name(count)));
          ok = false;
        } else if (count.get<long long>() < 1 || count.get<long long>() > 20) {
          problem(apath, fmt::format("expected an integer from 1 to 20, found {} (a rule that "
                                     "asks for no approval is no rule: remove it)",
                                     count.get<long long>()));
          ok = false;
        } else {
          rule.approvals = static_cast<int>(count.get<long long>());
        }
      }
      if (body.contains("roles")) {
        rule.roles = role_list(body["roles"], child(rpath, "roles"));
        if (ok && static_cast<int>(rule.roles.size()) > rule.approvals) {
          problem(child(rpath, "approvals"),
                  fmt::format("{} approval{} cannot include {} required roles (one approver per "
                              "role): raise \"approvals\" to at least {}",
                              rule.approvals, rule.approvals == 1 ? "" : "s", rule.roles.size(),
                              rule.roles.size()));
        }
      }
      if (body.contains("expires")) {
        const std::string epath = child(rpath, "expires");
        if (auto text = string_value(body["expires"], epath)) {
          if (auto d = parse_duration(*text)) {
            rule.expires = *d;
          } else {
            problem(epath, fmt::format("expected a duration such as \"24h\", \"30m\", \"7d\" or "
                                       "\"1h30m\"; found \"{}\"",
                                       *text));
          }
        }
      }
      config.approval_rules.push_back(std::move(rule));
    }
  }

  // --- notifications
  void parse_notifications(const json& value, const std::string& path, ProjectConfig& config) {
    if (!expect(value, json::value_t::array, path, "an array of hooks")) return;
    std::vector<std::string> event_names;
    for (auto e : notification_events()) event_names.emplace_back(e);
    for (std::size_t i = 0; i < value.size(); ++i) {
      const std::string hpath = child(path, i);
      const json& body = value[i];
      if (!expect(body, json::value_t::object, hpath, "an object")) continue;
      check_keys(body, hpath, {"events", "command", "file"});
      NotificationHook hook;
      if (!body.contains("events")) {
        problem(hpath, "missing \"events\" (e.g. [\"request\", \"approve\"] or [\"*\"])");
      } else {
        const std::string epath = child(hpath, "events");
        hook.events = string_list(body["events"], epath);
        if (body["events"].is_array() && body["events"].empty()) {
          problem(epath, "a hook needs at least one event");
        }
        for (std::size_t j = 0; j < hook.events.size(); ++j) {
          const auto& e = hook.events[j];
          if (e != "*" &&
              std::find(event_names.begin(), event_names.end(), e) == event_names.end()) {
            problem(child(epath, j),
                    fmt::format("unknown event \"{}\"{}; the events are: {}, or *", e,
                                suggestion(e, event_names), fmt::join(event_names, ", ")));
          }
        }
      }
      const bool has_command = body.contains("command");
      const bool has_file = body.contains("file");
      if (has_command == has_file) {
        problem(hpath,
                "a hook has exactly one of \"command\" (run with /bin/sh) and \"file\" "
                "(appended to)");
      } else if (has_command) {
        hook.command = string_value(body["command"], child(hpath, "command")).value_or("");
        if (hook.command.empty() && body["command"].is_string()) {
          problem(child(hpath, "command"), "must not be empty");
        }
      } else if (auto file = string_value(body["file"], child(hpath, "file"))) {
        if (file->empty()) {
          problem(child(hpath, "file"), "must not be empty");
        } else {
          hook.file = resolve(*file);
        }
      }
      config.notifications.push_back(std::move(hook));
    }
  }

  // --- audit
  void parse_audit(const json& value, const std::string& path, ProjectConfig& config) {
    if (!expect(value, json::value_t::object, path, "an object")) return;
    check_keys(value, path, {"file", "url_env", "table", "hmac_key_env"});
    if (value.contains("file")) {
      if (auto file = string_value(value["file"], child(path, "file"))) {
        if (file->empty()) {
          problem(child(path, "file"), "must not be empty");
        } else {
          config.audit.file = resolve(*file);
        }
      }
    }
    if (value.contains("url_env")) {
      const std::string upath = child(path, "url_env");
      if (auto var = string_value(value["url_env"], upath)) {
        if (looks_like_url(*var)) {
          problem(upath,
                  "this looks like a connection URL; url_env is the NAME of an "
                  "environment variable holding it");
        } else if (!valid_variable_name(*var)) {
          problem(upath, fmt::format("\"{}\" is not an environment variable name", *var));
        } else {
          config.audit.url_env = *var;
        }
      }
      if (value.contains("file")) {
        problem(path,
                "give either \"file\" (an SQLite file) or \"url_env\" (a database), not "
                "both");
      }
    }
    if (value.contains("table")) {
      const std::string tpath = child(path, "table");
      if (auto table = string_value(value["table"], tpath)) {
        if (!value.contains("url_env")) {
          problem(tpath, "a table is only used with \"url_env\" (the file store has its own)");
        } else if (table->empty() || table->front() == '.' || table->back() == '.') {
          problem(tpath, "expected a table name, optionally schema-qualified (\"ops.audit\")");
        } else {
          config.audit.table = *table;
        }
      }
    }
    if (value.contains("hmac_key_env")) {
      const std::string kpath = child(path, "hmac_key_env");
      if (auto var = string_value(value["hmac_key_env"], kpath)) {
        if (!valid_variable_name(*var)) {
          problem(kpath, fmt::format("\"{}\" is not an environment variable name; the key itself "
                                     "never goes in the file",
                                     *var));
        } else {
          config.audit.hmac_key_env = *var;
        }
      }
    }
  }

  std::string source_;
  std::filesystem::path base_dir_;
  std::vector<ConfigProblem> problems_;
  std::vector<std::string> catalog_names_;
};

std::string render_problems(const std::string& source, const std::vector<ConfigProblem>& problems) {
  auto one = [](const ConfigProblem& p) {
    return p.path.empty() ? p.message : fmt::format("{}: {}", p.path, p.message);
  };
  if (problems.size() == 1) return fmt::format("{}: {}", source, one(problems.front()));
  std::string text = fmt::format("{}: {} problems:", source, problems.size());
  for (const auto& p : problems) text += "\n  " + one(p);
  return text;
}

}  // namespace

ConfigError::ConfigError(std::string source, std::vector<ConfigProblem> problems)
    : Error(ErrorCode::parse_error, render_problems(source, problems),
            "fix the configuration: every key is checked, and each problem is shown with its JSON "
            "path"),
      problems_(std::move(problems)) {}

ProjectConfig project_config_from_json(std::string_view text, std::string_view source) {
  const std::string name(source);
  return Parser(name, std::filesystem::path(name).parent_path()).parse(text);
}

ProjectConfig load_project_config(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorCode::io_error, fmt::format("cannot read {}", path.string()),
                "pass --config FILE, or create migcmd.json in the project directory");
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::error_code ec;
  auto absolute = std::filesystem::absolute(path, ec);
  return Parser(path.string(), ec ? path.parent_path() : absolute.parent_path()).parse(text.str());
}

}  // namespace migcmd::governance
