// `report`: what governance saw in a time range, per environment (runs, migrations, refusals and
// their reasons, emergencies, approvals, who ran what), and what is open now; as text, Markdown,
// JSON or CSV. Reads the project's audit trail and state store; needs report.generate.

#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "cli/command.hpp"
#include "cli/policy_session.hpp"
#include "migcmd/file_write.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/report.hpp"
#include "migcmd/governance/report_format.hpp"
#include "migcmd/governance/state_snapshot.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

void report_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("since", po::value<std::string>()->value_name("TIME"),
       "entries at or after TIME (2026-11-01, 2026-11-01T08:00, 2026-11-01 08:00:00, ...; UTC"
       " unless an offset such as +02:00 is given)")
      ("until", po::value<std::string>()->value_name("TIME"), "entries before TIME")
      ("format", po::value<std::string>()->value_name("FORMAT"),
       "text (default), markdown, json or csv (one row per environment)")
      ("output,o", po::value<std::string>()->value_name("FILE"),
       "write the report to FILE (atomically) instead of stdout");
  // clang-format on
}

// --since / --until, read as `audit export` reads them; a usage error names the option.
std::optional<gov::TimePoint> time_option(const po::variables_map& args, const std::string& name) {
  if (!args.count(name)) return std::nullopt;
  try {
    return gov::parse_audit_time(args[name].as<std::string>());
  } catch (Error& error) {
    error.add_context("--" + name);
    throw;
  }
}

gov::ReportFormat format_option(Context& context, const po::variables_map& args) {
  if (!args.count("format")) {
    return context.output().json() ? gov::ReportFormat::json : gov::ReportFormat::text;
  }
  const std::string name = args["format"].as<std::string>();
  const auto format = gov::report_format_from_string(name);
  if (!format) {
    throw Error(ErrorCode::usage, fmt::format("--format: unknown report format \"{}\"", name),
                "use --format text, markdown, json or csv");
  }
  return *format;
}

int run_report(Context& context, const po::variables_map& args) {
  const gov::ReportFormat format = format_option(context, args);
  gov::ReportFilter filter;
  filter.since = time_option(args, "since");
  filter.until = time_option(args, "until");
  if (filter.since && filter.until && *filter.since >= *filter.until) {
    throw Error(ErrorCode::usage,
                fmt::format("--since {} is not before --until {}", args["since"].as<std::string>(),
                            args["until"].as<std::string>()),
                "the report covers entries at or after --since and before --until");
  }

  PolicySession session = open_policy_session(context);
  if (context.options().environment) {
    filter.environment = session.config.environment(*context.options().environment).name;
  }
  require_permission(session, gov::Permission::report_generate, "report", filter.environment);

  // Everything before --until: entries older than --since still say when a request executed in
  // the period was opened, and at which risk a run was allowed.
  gov::AuditFilter read;
  read.until = filter.until;
  read.environment = filter.environment;
  const auto entries = session.audit->entries(read);
  const auto state =
      gov::take_state_snapshot(session.config, session.store(), std::chrono::system_clock::now());
  const gov::GovernanceReport report = gov::build_report(entries, filter, state);
  const std::string document = gov::render_report(report, format);

  Output& out = context.output();
  if (args.count("output")) {
    const std::filesystem::path file = args["output"].as<std::string>();
    write_file_atomically(file, document);
    if (out.json()) {
      out.json_result("report", {{"file", file.string()},
                                 {"format", std::string(to_string(format))},
                                 {"environments", report.environments.size()}});
    } else {
      out.line(fmt::format("wrote the governance report to {} ({}, {} environment(s))",
                           file.string(), to_string(format), report.environments.size()));
    }
    return 0;
  }
  if (out.json()) {
    // One JSON document on stdout, as with every command under --json.
    out.json_result(
        "report",
        format == gov::ReportFormat::json
            ? nlohmann::json{{"format", "json"}, {"report", nlohmann::json::parse(document)}}
            : nlohmann::json{{"format", std::string(to_string(format))}, {"document", document}});
    return 0;
  }
  out.out_stream() << document << std::flush;
  return 0;
}

}  // namespace

Command report_command() {
  return {"report",
          "report [--env ENV] [--since TIME] [--until TIME] [--format text|markdown|json|csv] "
          "[--output FILE]",
          "summarise governance per environment for a time range, and what is open now",
          "Reads the project's audit trail and governance state (migcmd.json) and reports, per "
          "environment, for the entries at or after --since and before --until (default: the "
          "whole trail): runs succeeded, failed and refused; migrations applied, rolled back and "
          "failed; run durations (median, p95, max); refusals by reason (missing permission, "
          "environment locked, outside window, approvals missing, risk, other); emergency runs "
          "and how many still await their post-review; approval requests opened, approved, "
          "rejected and executed, with the median time from request to execution; the highest "
          "risk of the plans executed; and who ran what. Then the open items now: locked "
          "environments, open approval requests, emergency runs awaiting post-review, pending "
          "schedules. --env limits it all to one environment. --format text (aligned, for "
          "people), markdown, json or csv (one row per environment; cells that a spreadsheet "
          "could take for a formula start with an apostrophe). --output FILE writes the file "
          "atomically. Needs report.generate; the check is audited.",
          report_options,
          run_report};
}

}  // namespace migcmd::cli
