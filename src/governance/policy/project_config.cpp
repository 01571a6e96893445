#include "migcmd/governance/project_config.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace migcmd::governance {

const EnvironmentConfig* ProjectConfig::find_environment(std::string_view name) const noexcept {
  auto it = std::find_if(environments.begin(), environments.end(),
                         [&](const EnvironmentConfig& e) { return e.name == name; });
  return it == environments.end() ? nullptr : &*it;
}

const EnvironmentConfig& ProjectConfig::environment(std::string_view name) const {
  if (const auto* env = find_environment(name)) return *env;
  std::vector<std::string> names;
  for (const auto& e : environments) names.push_back(e.name);
  throw Error(
      ErrorCode::usage,
      fmt::format("unknown environment \"{}\" ({} declares {})", name,
                  source.empty() ? std::string("the configuration") : source,
                  names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "))),
      "use one of the environments of migcmd.json, or declare it under /environments");
}

std::vector<MaintenanceWindow> ProjectConfig::windows_of(const EnvironmentConfig& env) const {
  std::vector<MaintenanceWindow> out;
  for (const auto& name : env.windows) {
    auto it = std::find_if(windows.begin(), windows.end(),
                           [&](const MaintenanceWindow& w) { return w.name == name; });
    if (it == windows.end()) continue;  // the loader refused such a file
    MaintenanceWindow w = *it;
    if (w.time_zone.empty()) w.time_zone = env.time_zone.empty() ? "UTC" : env.time_zone;
    out.push_back(std::move(w));
  }
  return out;
}

std::string ProjectConfig::environment_url(const EnvironmentConfig& env) const {
  const char* value = env.url_env.empty() ? nullptr : std::getenv(env.url_env.c_str());
  if (!value || !*value) {
    throw Error(
        ErrorCode::usage,
        fmt::format("the URL of environment {} is not set: ${} is empty", env.name, env.url_env),
        fmt::format("export {}=<connection URL> (migcmd.json names the variable, never "
                    "the URL)",
                    env.url_env));
  }
  return value;
}

}  // namespace migcmd::governance
