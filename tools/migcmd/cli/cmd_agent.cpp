// `agent [--once]`: execute the scheduled runs that are due, each behind the governance gate and
// acting as the person who scheduled it; without --once, keep polling until SIGINT or SIGTERM.

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <thread>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/policy_output.hpp"
#include "cli/policy_session.hpp"
#include "cli/progress.hpp"
#include "migcmd/governance/governance_gate.hpp"
#include "migcmd/governance/pending_plan.hpp"
#include "migcmd/governance/schedule_agent.hpp"
#include "migcmd/governance/schedules.hpp"
#include "migcmd/governance/time_text.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

volatile std::sig_atomic_t stop_requested = 0;

extern "C" void request_stop(int) {
  stop_requested = 1;
}

// SIGINT and SIGTERM end the polling after the run in progress (never in the middle of one);
// the previous handlers come back when the agent returns.
class StopSignals {
 public:
  StopSignals() {
    stop_requested = 0;
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

void agent_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("once", po::bool_switch(), "execute what is due now, then exit (for cron)")
      ("interval", po::value<std::string>()->value_name("DURATION")->default_value("30s"),
       "how often to look for due runs: \"30s\", \"5m\"")
      ("name", po::value<std::string>()->value_name("NAME"),
       "this agent's name in the schedules and the audit (default host:pid)");
  // clang-format on
}

std::string default_agent_name() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return fmt::format("{}:{}", host[0] ? host : "localhost", getpid());
}

// Runs one claimed schedule: the plan must still be the one scheduled, then `up` behind a gate
// acting as the person who scheduled it.
std::string execute(Context& context, PolicySession& session, const std::string& agent,
                    const gov::ScheduledRun& run) {
  context.check_sum_file();
  const auto& env = session.config.environment(run.environment);
  const auto target = gov::schedule_target(run);
  const std::string url = environment_url(context, session, env);
  const Provider& provider = context.providers().for_url(url);
  auto connection = provider.connect(url);
  ProgressListener listener(context.output(), false);
  gov::GateSettings settings{env.name, std::nullopt, run.id, agent};
  gov::GovernanceGate gate(session.config, session.store(), *session.audit,
                           gov::scheduled_identity(run), provider.dialect(), settings);
  MigratorOptions options = context.base_migrator_options(&listener);
  options.gate = &gate;
  Migrator migrator(*connection, provider, context.migrations(), options);

  const auto plan = gov::pending_plan(env.name, migrator.status(), target);
  if (plan.checksum() != run.plan_checksum) {
    std::vector<std::string> changes;
    if (run.request_id) {
      changes = gov::plan_differences(session.store().request(*run.request_id).plan, plan);
    }
    if (changes.empty()) changes.push_back("its migrations are not the ones scheduled");
    throw Error(ErrorCode::refused,
                fmt::format("scheduled run #{} was not run: the plan changed since it was "
                            "scheduled ({})",
                            run.id, fmt::join(changes, "; ")),
                "request approval of the new plan and schedule it again");
  }
  UpOptions up;
  up.target = target;
  const RunResult result = migrator.up(up);
  warn_notification_failures(context.output(), gate.notification_failures());
  if (result.applied.empty()) return "nothing to apply";
  return fmt::format("applied {}", fmt::join(result.applied, ", "));
}

int run_agent(Context& context, const po::variables_map& args) {
  auto session = open_policy_session(context);
  const bool once = args["once"].as<bool>();
  const auto interval = gov::parse_duration(args["interval"].as<std::string>());
  if (!interval) {
    throw Error(ErrorCode::usage,
                fmt::format("--interval {} is not a duration", args["interval"].as<std::string>()),
                "e.g. --interval 30s or --interval 5m");
  }
  const std::string name =
      args.count("name") ? args["name"].as<std::string>() : default_agent_name();
  gov::ScheduleAgent agent(session.config, session.store(), session.audit.get(), session.identity,
                           name);
  Output& out = context.output();
  for (const auto& run : agent.interrupted()) {
    out.warning(fmt::format(
        "scheduled run #{} on {} has been running under {} since {}: that agent stopped "
        "during the run. It is never run again; check the database (`migcmd status`), then "
        "record what happened",
        run.id, run.environment, run.claimed_by,
        run.claimed_at ? gov::format_utc(*run.claimed_at) : "?"));
  }

  StopSignals signals;
  nlohmann::json done = nlohmann::json::array();
  bool any_failed = false;
  for (;;) {
    const auto outcomes = agent.run_due([&](const gov::ScheduledRun& run) {
      if (!out.json()) {
        out.line(fmt::format("running scheduled run #{} on {} (due {}, scheduled by {})", run.id,
                             run.environment, gov::format_utc(run.at), run.created_by));
      }
      return execute(context, session, name, run);
    });
    for (const auto& o : outcomes) {
      any_failed = any_failed || !o.succeeded;
      done.push_back({{"id", o.run.id},
                      {"environment", o.run.environment},
                      {"succeeded", o.succeeded},
                      {"message", o.run.message}});
      if (!out.json()) {
        out.line(fmt::format("scheduled run #{} {}: {}", o.run.id, o.succeeded ? "done" : "failed",
                             o.run.message));
      }
    }
    if (once || stop_requested) break;
    const auto until = std::chrono::steady_clock::now() + *interval;
    while (!stop_requested && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    if (stop_requested) break;
  }
  if (out.json()) out.json_result("agent", {{"agent", name}, {"runs", done}});
  return any_failed ? to_int(ExitCode::migration_failed) : 0;
}

}  // namespace

Command agent_command() {
  return {"agent",
          "agent [--once] [--interval DURATION] [--name NAME]",
          "execute scheduled runs when they are due",
          "Executes the runs recorded by `migcmd schedule` once they are due, soonest first, each "
          "with `up` behind the governance gate acting as the person who scheduled it (their "
          "roles, the environment lock, the window, the approvals of exactly that plan); a plan "
          "that changed since it was scheduled is not run. Each run is claimed atomically, so "
          "several agents, or an agent restarted after a crash, never execute a run twice; a run "
          "whose agent stopped half way is reported, never retried. --once executes what is due "
          "and exits (for cron); otherwise the agent polls every --interval until SIGINT or "
          "SIGTERM, which end it after the run in progress. Exit status 1 when a run failed. "
          "Needs agent.run; every run is audited.",
          agent_options,
          run_agent};
}

}  // namespace migcmd::cli
