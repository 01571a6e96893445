// `lint`: the risk analysis of migrations, statement by statement, for review and CI: each finding
// with its file:line, level, rule and a safer way; exit status 9 when one reaches --fail-on.

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "migcmd/governance/risk.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

using governance::RiskFinding;
using governance::RiskLevel;

void lint_options(po::options_description& options,
                  po::positional_options_description& positional) {
  options.add_options()
      // clang-format off
      ("version", po::value<std::vector<std::string>>()->value_name("VERSION")->composing(),
       "the migrations to analyse (default: the pending ones, or all without a database URL)")
      ("fail-on", po::value<std::string>()->value_name("LEVEL")->default_value("high"),
       "exit with status 9 when a finding that is not waived is at LEVEL or above: low,"
       " medium, high or critical")
      ("all", po::bool_switch(), "analyse every migration of --dir, applied ones included")
      ("dialect", po::value<std::string>()->value_name("NAME"),
       "the database the migrations are for, when no --url says it: postgres, mysql, sqlite"
       " or sqlserver")
      ("rules", po::bool_switch(), "list the rules (code, level, name, what they catch) and exit");
  // clang-format on
  positional.add("version", -1);
}

const Provider& provider_named(const Context& context, const std::string& name) {
  std::string known;
  for (const auto& p : context.providers().providers()) {
    if (p->name() == name) return *p;
    const auto schemes = p->url_schemes();
    if (std::find(schemes.begin(), schemes.end(), name) != schemes.end()) return *p;
    known += (known.empty() ? "" : ", ") + std::string(p->name());
  }
  throw Error(ErrorCode::usage, fmt::format("unknown --dialect \"{}\"", name),
              fmt::format("this build knows: {}", known));
}

const Dialect& lint_dialect(const Context& context, const po::variables_map& args) {
  if (args.count("dialect"))
    return provider_named(context, args["dialect"].as<std::string>()).dialect();
  if (!context.database_given()) {
    throw Error(ErrorCode::usage, "lint needs to know the database the migrations are for",
                "pass --dialect (postgres, mysql, sqlite, sqlserver), or --url (--env in a "
                "governed project)");
  }
  return context.provider().dialect();
}

bool same_migration(const MigrationScript& script, const std::string& wanted) {
  if (script.kind == MigrationKind::repeatable) {
    return wanted == script.display_name() || wanted == script.name;
  }
  return compare_versions(script.version, wanted) == 0;
}

std::vector<MigrationScript> named_migrations(std::vector<MigrationScript> all,
                                              const std::vector<std::string>& versions,
                                              const Context& context) {
  std::vector<MigrationScript> chosen;
  for (const auto& v : versions) {
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const MigrationScript& s) { return same_migration(s, v); });
    if (it == all.end()) {
      throw Error(ErrorCode::usage,
                  fmt::format("no migration {} in {}", v, context.options().dir.string()),
                  "name migrations by version (R__name for a repeatable one); `migcmd status` "
                  "lists them");
    }
    chosen.push_back(*it);
  }
  return chosen;
}

// The migrations `up` would run: the database says which.
std::vector<MigrationScript> pending_migrations(const Context& context) {
  auto session = context.open();
  std::vector<std::string> pending;
  for (const auto& e : session.migrator->status()) {
    if (e.state == MigrationState::pending || e.state == MigrationState::out_of_order ||
        e.state == MigrationState::rolled_back || e.state == MigrationState::outdated) {
      pending.push_back(e.version.empty() ? "R__" + e.name : e.version);
    }
  }
  std::vector<MigrationScript> chosen;
  for (auto& s : context.migrations()) {
    const bool wanted = std::any_of(pending.begin(), pending.end(), [&](const std::string& p) {
      return s.kind == MigrationKind::repeatable ? p == s.display_name() : p == s.version;
    });
    if (wanted) chosen.push_back(std::move(s));
  }
  return chosen;
}

nlohmann::json finding_json(const RiskFinding& f) {
  return {{"code", f.code},
          {"rule", f.rule},
          {"level", std::string(to_string(f.level))},
          {"message", f.message},
          {"suggestion", f.suggestion},
          {"migration", f.migration},
          {"file", f.source},
          {"line", f.line},
          {"statement", f.statement},
          {"sql", f.sql},
          {"waived", f.waived()},
          {"waiver", f.waiver ? nlohmann::json(*f.waiver) : nlohmann::json(nullptr)}};
}

int list_rules(Context& context) {
  Output& out = context.output();
  if (out.json()) {
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& r : governance::risk_rules()) {
      rules.push_back({{"code", r.code},
                       {"name", r.name},
                       {"level", std::string(to_string(r.level))},
                       {"summary", r.summary},
                       {"safer", r.safer},
                       {"dialects", r.dialects}});
    }
    out.json_result("lint", {{"rules", rules}});
    return 0;
  }
  for (const auto& r : governance::risk_rules()) {
    std::string dialects;
    for (const auto& d : r.dialects) dialects += (dialects.empty() ? " [" : ", ") + d;
    if (!dialects.empty()) dialects += "]";
    out.line(fmt::format("{}  {:<8}  {}{}\n    {}\n    safer: {}", r.code, to_string(r.level),
                         r.name, dialects, r.summary, r.safer));
  }
  return 0;
}

std::string summary(const governance::RiskReport& report, std::size_t migrations) {
  std::map<RiskLevel, int, std::greater<>> counts;
  int waived = 0;
  for (const auto& f : report.findings) {
    if (f.waived()) {
      ++waived;
    } else {
      ++counts[f.level];
    }
  }
  std::string by_level;
  for (const auto& [level, count] : counts) {
    by_level += fmt::format("{}{} {}", by_level.empty() ? "" : ", ", count, to_string(level));
  }
  if (by_level.empty()) by_level = "none to act on";
  return fmt::format("{} finding(s) in {} migration(s): {}{}; highest: {}", report.findings.size(),
                     migrations, by_level,
                     waived > 0 ? fmt::format(" ({} waived)", waived) : std::string(),
                     to_string(report.level()));
}

int run_lint(Context& context, const po::variables_map& args) {
  if (args["rules"].as<bool>()) return list_rules(context);
  const std::string fail_on_text = args["fail-on"].as<std::string>();
  const auto fail_on = governance::risk_level_from_string(fail_on_text);
  if (!fail_on) {
    throw Error(ErrorCode::usage, fmt::format("unknown --fail-on level \"{}\"", fail_on_text),
                "use low, medium, high or critical");
  }
  const Dialect& dialect = lint_dialect(context, args);
  const bool has_database = context.database_given();
  std::vector<MigrationScript> scripts;
  if (args.count("version")) {
    scripts = named_migrations(context.migrations(), args["version"].as<std::vector<std::string>>(),
                               context);
  } else if (args["all"].as<bool>() || !has_database) {
    scripts = context.migrations();
  } else {
    scripts = pending_migrations(context);
  }

  const governance::RiskReport report = governance::analyze(scripts, dialect);
  const bool failed = report.reaches(*fail_on);
  Output& out = context.output();
  if (out.json()) {
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& f : report.findings) findings.push_back(finding_json(f));
    nlohmann::json names = nlohmann::json::array();
    for (const auto& s : scripts) names.push_back(s.display_name());
    out.json_result("lint", {{"dialect", std::string(dialect.name())},
                             {"migrations", names},
                             {"findings", findings},
                             {"level", std::string(to_string(report.level()))},
                             {"fail_on", std::string(to_string(*fail_on))},
                             {"failed", failed}});
  } else {
    for (const auto& f : report.findings) {
      std::string text = governance::format_finding(f);
      text.pop_back();  // line() ends the last line
      out.line(text);
    }
    if (report.findings.empty()) {
      out.line(fmt::format("no risks found in {} migration(s)", scripts.size()));
    } else {
      out.line(summary(report, scripts.size()));
    }
    if (failed) {
      out.note(
          fmt::format("lint failed: a finding is at {} or above (--fail-on {}); waive it "
                      "with \"-- migcmd:allow <rule>: <reason>\" if the risk is accepted",
                      to_string(*fail_on), fail_on_text));
    }
  }
  return failed ? to_int(ExitCode::risk_threshold) : to_int(ExitCode::ok);
}

}  // namespace

Command lint_command() {
  return {"lint",
          "lint [VERSION...] [--fail-on LEVEL] [--all] [--dialect NAME] [--rules]",
          "analyse the risk of each statement of the migrations",
          "Checks every statement of the migrations against the risk rules (data loss, breaking "
          "renames, statements that may fail on existing data, lock-heavy or rewriting forms on "
          "PostgreSQL and MySQL, unsafe transactions, schema hygiene) and prints each finding as "
          "file:line, level, rule and message with a safer alternative. Analyses the migrations "
          "the database has not applied, every migration with --all or without a database URL "
          "(--dialect then names the database), or the VERSIONs given. A rule is waived for the "
          "next statement with \"-- migcmd:allow <rule>: <reason>\" (\"-- migcmd:allow-file\" "
          "for the whole file). Exits with status 9 when a finding that is not waived is at "
          "--fail-on (default high) or above, 0 otherwise; --rules lists the rules.",
          lint_options,
          run_lint,
          "lint"};
}

}  // namespace migcmd::cli
