// `metrics`: the governance numbers in the Prometheus text format, on stdout or written atomically
// to a file for node_exporter's textfile collector. Reads the project's whole audit trail (and
// verifies its chain) and the state store; needs report.generate.

#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "cli/command.hpp"
#include "cli/policy_session.hpp"
#include "migcmd/file_write.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/metrics.hpp"
#include "migcmd/governance/state_snapshot.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

void metrics_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write the metrics to FILE atomically instead of stdout (for node_exporter's textfile"
       " collector: FILE.prom in its --collector.textfile.directory)");
  // clang-format on
}

int run_metrics(Context& context, const po::variables_map& args) {
  if (context.options().environment) {
    throw Error(ErrorCode::usage, "--env: metrics always cover every environment",
                "drop --env; each sample carries an environment label");
  }
  PolicySession session = open_policy_session(context);
  require_permission(session, gov::Permission::report_generate, "metrics");
  const auto entries = session.audit->entries();
  const bool chain_ok = session.audit->verify().ok;
  const auto state =
      gov::take_state_snapshot(session.config, session.store(), std::chrono::system_clock::now());
  const std::string text = gov::prometheus_metrics(entries, state, chain_ok);

  Output& out = context.output();
  if (args.count("output")) {
    const std::filesystem::path file = args["output"].as<std::string>();
    write_file_atomically(file, text);
    if (out.json()) {
      out.json_result("metrics", {{"file", file.string()}, {"audit_chain_ok", chain_ok}});
    } else {
      out.line(fmt::format("wrote the governance metrics to {}", file.string()));
    }
    return 0;
  }
  if (out.json()) {
    out.json_result("metrics", {{"audit_chain_ok", chain_ok}, {"exposition", text}});
    return 0;
  }
  out.out_stream() << text << std::flush;
  return 0;
}

}  // namespace

Command metrics_command() {
  return {"metrics",
          "metrics [--output FILE]",
          "governance metrics in the Prometheus text format",
          "Prints the governance metrics in the Prometheus text exposition format 0.0.4: runs, "
          "migrations, refusals by reason and emergency runs per environment (counters over the "
          "whole audit trail), run durations (a summary), and the state now: post-reviews "
          "pending, open approval requests, locked environments (0/1 for every configured one), "
          "schedules by status, the number of audit entries, the newest run of each result, and "
          "whether the audit chain verifies (migcmd_audit_chain_ok). --output FILE writes the "
          "file atomically, so that node_exporter's textfile collector never reads half of it "
          "(run it from cron into the collector's directory as migcmd.prom). Needs "
          "report.generate; the check is audited.",
          metrics_options,
          run_metrics};
}

}  // namespace migcmd::cli
