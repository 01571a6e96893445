// `request`: ask for approval of the exact plan `up` would apply to an environment now (the
// pending migrations of --dir, with their checksums). Changing any of them, or the target,
// invalidates the request.

#include <fmt/format.h>

#include <chrono>

#include "cli/command.hpp"
#include "cli/pending_review.hpp"
#include "cli/policy_output.hpp"
#include "cli/policy_session.hpp"
#include "migcmd/governance/approvals.hpp"
#include "migcmd/governance/risk.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

void request_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("reason", po::value<std::string>()->value_name("TEXT"),
       "why the change is needed (shown to the approvers)")
      ("risk", po::value<std::string>()->value_name("LEVEL"),
       "raise the plan's risk level above what the risk analysis finds: low, medium, high or"
       " critical (it decides the approval rules)")
      ("target", po::value<std::string>()->value_name("VERSION"),
       "only the migrations up to and including VERSION, as `up --target`");
  // clang-format on
}

// The level --risk gives, if any; Error(usage) for an unknown one.
std::optional<gov::RiskLevel> given_risk(const po::variables_map& args) {
  if (!args.count("risk")) return std::nullopt;
  const auto text = args["risk"].as<std::string>();
  if (auto level = gov::risk_level_from_string(text)) return *level;
  throw Error(ErrorCode::usage, fmt::format("unknown risk level \"{}\"", text),
              "use --risk low, medium, high or critical");
}

int run_request(Context& context, const po::variables_map& args) {
  auto session = open_policy_session(context);
  const auto& env = chosen_environment(context, session);
  // Refused before reaching the database (audited); Approvals checks again and audits the request.
  require_permission(session, gov::Permission::request, "request", env.name, false);
  const auto raised_to = given_risk(args);
  const std::string reason = args.count("reason") ? args["reason"].as<std::string>() : "";
  std::optional<std::string> target;
  if (args.count("target")) target = args["target"].as<std::string>();

  // The risk analysis decides; --risk may raise the level (a reviewer's judgement), never lower
  // it. The gate analyses the plan again when it runs.
  const auto [plan, analysed] = review_pending(context, session, env, target);
  const auto risk = raised_to && *raised_to > analysed ? *raised_to : analysed;

  gov::Approvals approvals(session.config, session.store(), session.audit.get());
  const auto id = approvals.request(session.identity, plan, risk, reason);
  const auto request = session.store().request(id);
  const auto decision = gov::evaluate(request, session.config, env.tier, risk,
                                      request.plan_checksum, std::chrono::system_clock::now());

  Output& out = context.output();
  warn_notification_failures(out, approvals.notification_failures());
  if (out.json()) {
    out.json_result("request",
                    {{"request", request_json(request)}, {"decision", decision_json(decision)}});
    return 0;
  }
  std::vector<std::string> versions;
  for (const auto& [version, checksum] : plan.migrations) versions.push_back(version);
  out.line(fmt::format("request #{} for {} ({}): {} migration(s) ({}), risk {}", id, env.name,
                       to_string(env.tier), plan.migrations.size(), fmt::join(versions, ", "),
                       to_string(risk)));
  out.line(fmt::format("plan checksum {}", request.plan_checksum));
  if (decision.approved) {
    out.line(fmt::format("no approval is needed: {}", decision.message));
  } else {
    for (const auto& item : decision.missing) out.line("needs: " + item);
    out.line(
        fmt::format("approvers: `migcmd approve {}`; any change to these migrations or the "
                    "target invalidates the request",
                    id));
  }
  return 0;
}

}  // namespace

Command request_command() {
  return {"request",
          "request --env ENV [--reason TEXT] [--risk LEVEL] [--target VERSION]",
          "ask for approval of the pending migrations of an environment",
          "Records a request for approval of the exact plan `up` would apply to --env now: the "
          "pending migrations of --dir (read against that environment's database, whose URL "
          "comes from the variable its url_env names), with their checksums. Its risk level is "
          "the highest finding of the risk analysis of those migrations (`migcmd lint`), or "
          "--risk when that is higher. The approval rules "
          "of migcmd.json for the environment's tier and the risk level decide how many "
          "approvals, from which roles, and how long they stay valid. Changing any migration, "
          "adding or removing one, or another target invalidates the request. Needs the request "
          "permission; audited.",
          request_options,
          run_request};
}

}  // namespace migcmd::cli
