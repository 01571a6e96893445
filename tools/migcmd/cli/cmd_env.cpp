// `env lock ENV --reason R`, `env unlock ENV`, `env status`: environment locks (a locked
// environment refuses every run) and what each environment looks like now.

#include <fmt/format.h>

#include <chrono>

#include "cli/command.hpp"
#include "cli/policy_output.hpp"
#include "cli/policy_session.hpp"
#include "cli/table.hpp"
#include "migcmd/governance/environment_locks.hpp"
#include "migcmd/governance/maintenance_window.hpp"
#include "migcmd/governance/time_text.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

void env_options(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()
      // clang-format off
      ("action", po::value<std::string>()->value_name("ACTION"), "lock, unlock or status")
      ("environment", po::value<std::string>()->value_name("ENV"),
       "the environment (default: --env)")
      ("reason", po::value<std::string>()->value_name("TEXT"), "lock: why (required)");
  // clang-format on
  pos.add("action", 1).add("environment", 1);
}

std::optional<std::string> positional_environment(const po::variables_map& args) {
  if (args.count("environment")) return args["environment"].as<std::string>();
  return std::nullopt;
}

nlohmann::json lock_json(const gov::EnvironmentLock& lock) {
  return {{"environment", lock.environment},
          {"locked_by", lock.locked_by},
          {"reason", lock.reason},
          {"locked_at", gov::format_utc(lock.locked_at)}};
}

int env_lock(Context& context, const po::variables_map& args) {
  auto session = open_policy_session(context);
  const auto& env = chosen_environment(context, session, positional_environment(args));
  const std::string reason = args.count("reason") ? args["reason"].as<std::string>() : "";
  gov::EnvironmentLocks locks(session.config, session.store(), session.audit.get());
  const auto lock = locks.lock(session.identity, env.name, reason);
  Output& out = context.output();
  warn_notification_failures(out, locks.notification_failures());
  if (out.json()) {
    out.json_result("env lock", {{"lock", lock_json(lock)}});
  } else {
    out.line(fmt::format("locked {}: every run is refused until `migcmd env unlock {}`", env.name,
                         env.name));
  }
  return 0;
}

int env_unlock(Context& context, const po::variables_map& args) {
  auto session = open_policy_session(context);
  const auto& env = chosen_environment(context, session, positional_environment(args));
  gov::EnvironmentLocks locks(session.config, session.store(), session.audit.get());
  const auto removed = locks.unlock(session.identity, env.name);
  Output& out = context.output();
  warn_notification_failures(out, locks.notification_failures());
  if (out.json()) {
    out.json_result("env unlock", {{"environment", env.name},
                                   {"was_locked", removed.has_value()},
                                   {"lock", removed ? lock_json(*removed) : nullptr}});
  } else if (removed) {
    out.line(fmt::format("unlocked {} (locked by {} since {}: {})", env.name, removed->locked_by,
                         gov::format_utc(removed->locked_at), removed->reason));
  } else {
    out.line(fmt::format("{} was not locked; nothing changed", env.name));
  }
  return 0;
}

int env_status(Context& context, const po::variables_map& args) {
  auto session = open_policy_session(context);
  std::vector<const gov::EnvironmentConfig*> chosen;
  if (auto name = positional_environment(args) ? positional_environment(args)
                                               : context.options().environment) {
    chosen.push_back(&session.config.environment(*name));
  } else {
    for (const auto& e : session.config.environments) chosen.push_back(&e);
  }
  require_permission(session, gov::Permission::status_view, "env_status",
                     chosen.size() == 1 ? chosen.front()->name : std::string());
  const auto now = std::chrono::system_clock::now();
  Output& out = context.output();
  nlohmann::json list = nlohmann::json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto* env : chosen) {
    const auto lock = session.store().environment_lock(env->name);
    const auto windows = session.config.windows_of(*env);
    const bool open = gov::is_open(windows, now);
    std::optional<gov::TimePoint> next;
    std::optional<gov::TimePoint> closes;
    if (!windows.empty()) {
      if (open) {
        for (const auto& w : windows) {
          if (auto c = gov::closing_time(w, now); c && (!closes || *c > *closes)) closes = c;
        }
      } else {
        next = gov::next_opening(windows, now);
      }
    }
    nlohmann::json described = nlohmann::json::array();
    for (const auto& w : windows) described.push_back({{"name", w.name}, {"when", describe(w)}});
    list.push_back({{"name", env->name},
                    {"tier", std::string(to_string(env->tier))},
                    {"url_env", env->url_env},
                    {"locked", lock.has_value()},
                    {"lock", lock ? lock_json(*lock) : nullptr},
                    {"windows", described},
                    {"window_open", open},
                    {"next_opening", next ? nlohmann::json(gov::format_utc(*next)) : nullptr},
                    {"closes_at", closes ? nlohmann::json(gov::format_utc(*closes)) : nullptr}});
    std::string window_text = "always open (no windows)";
    if (!windows.empty()) {
      window_text = open   ? fmt::format("open until {}", closes ? gov::format_utc(*closes) : "?")
                    : next ? fmt::format("closed; opens {}", gov::format_utc(*next))
                           : std::string("closed");
    }
    rows.push_back({env->name, std::string(to_string(env->tier)),
                    lock ? fmt::format("locked by {} since {}: {}", lock->locked_by,
                                       gov::format_utc(lock->locked_at), lock->reason)
                         : std::string("unlocked"),
                    window_text});
  }
  if (out.json()) {
    out.json_result("env status", {{"environments", list}});
    return 0;
  }
  if (rows.empty()) {
    out.line(fmt::format("{} declares no environment", session.config.source));
    return 0;
  }
  std::string table = render_table({"ENVIRONMENT", "TIER", "LOCK", "WINDOWS"}, rows);
  table.pop_back();
  out.line(table);
  return 0;
}

int run_env(Context& context, const po::variables_map& args) {
  const std::string action = args.count("action") ? args["action"].as<std::string>() : "";
  if (action == "lock") return env_lock(context, args);
  if (action == "unlock") return env_unlock(context, args);
  if (action == "status") return env_status(context, args);
  throw Error(ErrorCode::usage,
              action.empty() ? std::string("env needs an action")
                             : fmt::format("unknown env action \"{}\"", action),
              "use `migcmd env lock ENV --reason TEXT`, `migcmd env unlock ENV` or "
              "`migcmd env status`");
}

}  // namespace

Command env_command() {
  return {"env",
          "env lock ENV --reason TEXT | env unlock ENV | env status [ENV]",
          "lock, unlock or show environments",
          "`env lock ENV --reason TEXT` locks an environment of migcmd.json: every run against "
          "it is refused, emergencies included, until `env unlock ENV` (permissions env.lock and "
          "env.unlock). `env status` shows each environment's tier, lock (who, since when, why) "
          "and maintenance windows (open now, or when the next opens). Every use is audited, "
          "refusals too.",
          env_options,
          run_env};
}

}  // namespace migcmd::cli
