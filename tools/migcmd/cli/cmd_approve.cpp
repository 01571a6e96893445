// `approve ID [--comment C]`, `approve ID --post-review`, `reject ID --reason R`.

#include <fmt/format.h>

#include <chrono>

#include "cli/command.hpp"
#include "cli/policy_output.hpp"
#include "cli/policy_session.hpp"
#include "migcmd/governance/approvals.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

void approve_options(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()
      // clang-format off
      ("id", po::value<std::string>()->value_name("ID"), "the request (or emergency run) id")
      ("comment", po::value<std::string>()->value_name("TEXT"), "a comment kept with the approval")
      ("post-review", po::bool_switch(),
       "ID is an emergency run: sign it off after the fact (permission post_review)");
  // clang-format on
  pos.add("id", 1);
}

void reject_options(po::options_description& options, po::positional_options_description& pos) {
  options.add_options()
      // clang-format off
      ("id", po::value<std::string>()->value_name("ID"), "the request id")
      ("reason", po::value<std::string>()->value_name("TEXT"), "why (required)");
  // clang-format on
  pos.add("id", 1);
}

std::int64_t id_of(const po::variables_map& args, std::string_view command) {
  if (!args.count("id")) {
    throw Error(ErrorCode::usage, fmt::format("{} needs the id of a request", command),
                "`migcmd approvals` lists them, e.g. `migcmd approve 7`");
  }
  return parse_id(args["id"].as<std::string>(), "a request");
}

int post_review(Context& context, PolicySession& session, std::int64_t id,
                const std::string& comment) {
  gov::Approvals approvals(session.config, session.store(), session.audit.get());
  const auto run = approvals.post_review(session.identity, id, comment);
  Output& out = context.output();
  warn_notification_failures(out, approvals.notification_failures());
  if (out.json()) {
    out.json_result("approve", {{"emergency", emergency_json(run)}});
  } else {
    out.line(fmt::format("reviewed emergency run #{} on {} (run by {} at {}: {})", run.id,
                         run.environment(), run.run_by, gov::format_utc(run.run_at), run.reason));
  }
  return 0;
}

int run_approve(Context& context, const po::variables_map& args) {
  const auto id = id_of(args, "approve");
  const std::string comment = args.count("comment") ? args["comment"].as<std::string>() : "";
  auto session = open_policy_session(context);
  if (args["post-review"].as<bool>()) return post_review(context, session, id, comment);

  gov::Approvals approvals(session.config, session.store(), session.audit.get());
  const auto request = approvals.approve(session.identity, id, comment);
  const auto& env = session.config.environment(request.environment());
  // Progress against the plan the request was made for; the run itself checks its own plan.
  const auto decision = gov::evaluate(request, session.config, env.tier, request.risk,
                                      request.plan_checksum, std::chrono::system_clock::now());
  Output& out = context.output();
  warn_notification_failures(out, approvals.notification_failures());
  if (out.json()) {
    out.json_result("approve",
                    {{"request", request_json(request)}, {"decision", decision_json(decision)}});
    return 0;
  }
  out.line(fmt::format("approved request #{} for {} as {}", id, request.environment(),
                       session.identity.user));
  if (decision.approved) {
    out.line(fmt::format("the request now has every approval it needs: {}", decision.message));
  } else {
    for (const auto& item : decision.missing) out.line("still needs: " + item);
  }
  return 0;
}

int run_reject(Context& context, const po::variables_map& args) {
  const auto id = id_of(args, "reject");
  const std::string reason = args.count("reason") ? args["reason"].as<std::string>() : "";
  auto session = open_policy_session(context);
  gov::Approvals approvals(session.config, session.store(), session.audit.get());
  const auto request = approvals.reject(session.identity, id, reason);
  Output& out = context.output();
  warn_notification_failures(out, approvals.notification_failures());
  if (out.json()) {
    out.json_result("reject", {{"request", request_json(request)}});
  } else {
    out.line(fmt::format("rejected request #{} for {}: {}", id, request.environment(), reason));
  }
  return 0;
}

}  // namespace

Command approve_command() {
  return {"approve",
          "approve ID [--comment TEXT] | approve ID --post-review [--comment TEXT]",
          "approve a request (or review an emergency run)",
          "Approves request ID for its exact plan (permission approve.<tier> of its "
          "environment). Nobody approves their own request; approving again renews one's "
          "approval, and the same person counts once. Shows what the request still needs. With "
          "--post-review, ID is an emergency run: signs it off after the fact (permission "
          "post_review; not by whoever ran it). Audited, refusals too (exit status 8).",
          approve_options,
          run_approve};
}

Command reject_command() {
  return {"reject",
          "reject ID --reason TEXT",
          "reject a request",
          "Rejects request ID with a reason (permission reject). A rejected request stays "
          "rejected: the plan needs a new request. Audited, refusals too (exit status 8).",
          reject_options,
          run_reject};
}

}  // namespace migcmd::cli
