// `approvals`: the requests and where each stands; `approvals --post-review`: emergency runs
// awaiting their review.

#include <fmt/format.h>

#include <chrono>

#include "cli/command.hpp"
#include "cli/policy_output.hpp"
#include "cli/policy_session.hpp"
#include "cli/table.hpp"
#include "migcmd/governance/approval_decision.hpp"

namespace po = boost::program_options;

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

void approvals_options(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      // clang-format off
      ("post-review", po::bool_switch(), "list emergency runs awaiting post-review instead")
      ("all", po::bool_switch(),
       "include closed requests (rejected, executed) or reviewed emergency runs");
  // clang-format on
}

std::string state_of(const gov::ApprovalRequest& r, const gov::ApprovalDecision& d) {
  if (r.status == gov::RequestStatus::rejected) return "rejected by " + r.closed_by;
  if (r.status == gov::RequestStatus::executed) return "executed";
  if (d.approved) return "approved";
  return "pending";
}

int list_post_reviews(Context& context, PolicySession& session, bool all,
                      const std::string& environment) {
  auto runs = session.store().emergency_runs(all);
  if (!environment.empty()) {
    std::erase_if(runs, [&](const gov::EmergencyRun& r) { return r.environment() != environment; });
  }
  Output& out = context.output();
  if (out.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : runs) list.push_back(emergency_json(r));
    out.json_result("approvals", {{"emergency_runs", list}});
    return 0;
  }
  if (runs.empty()) {
    out.line(all ? "no emergency runs" : "no emergency run awaits post-review");
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : runs) {
    rows.push_back({fmt::format("#{}", r.id), r.environment(), r.run_by, gov::format_utc(r.run_at),
                    r.reviewed() ? "reviewed by " + r.reviewed_by : std::string("awaiting review"),
                    r.reason});
  }
  std::string table = render_table({"ID", "ENVIRONMENT", "RUN BY", "AT", "REVIEW", "REASON"}, rows);
  table.pop_back();
  out.line(table);
  if (!all) out.line("review with `migcmd approve ID --post-review --comment TEXT`");
  return 0;
}

int run_approvals(Context& context, const po::variables_map& args) {
  auto session = open_policy_session(context);
  const std::string environment =
      context.options().environment
          ? session.config.environment(*context.options().environment).name
          : std::string();
  require_permission(session, gov::Permission::approvals_view, "approvals", environment);
  const bool all = args["all"].as<bool>();
  if (args["post-review"].as<bool>()) {
    return list_post_reviews(context, session, all, environment);
  }

  const auto requests = session.store().requests(gov::RequestFilter{environment, all});
  const auto now = std::chrono::system_clock::now();
  Output& out = context.output();
  nlohmann::json list = nlohmann::json::array();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> notes;
  for (const auto& r : requests) {
    const auto* env = session.config.find_environment(r.environment());
    if (!env) continue;  // an environment no longer in migcmd.json: nothing can run there
    // Judged against the plan it was made for; a run checks its own plan too.
    const auto d = gov::evaluate(r, session.config, env->tier, r.risk, r.plan_checksum, now);
    list.push_back({{"request", request_json(r)}, {"decision", decision_json(d)}});
    rows.push_back({fmt::format("#{}", r.id), r.environment(), std::string(to_string(r.risk)),
                    r.requested_by, gov::format_utc(r.requested_at),
                    std::to_string(r.plan.migrations.size()), state_of(r, d),
                    d.approvers.empty() ? "-" : fmt::format("{}", fmt::join(d.approvers, ", "))});
    if (r.status == gov::RequestStatus::open && !d.approved) {
      for (const auto& m : d.missing) notes.push_back(fmt::format("#{} needs: {}", r.id, m));
    }
  }
  if (out.json()) {
    out.json_result("approvals", {{"requests", list}});
    return 0;
  }
  if (rows.empty()) {
    out.line(all ? "no approval requests" : "no open approval requests");
    return 0;
  }
  std::string table = render_table(
      {"ID", "ENVIRONMENT", "RISK", "REQUESTED BY", "AT", "MIGRATIONS", "STATE", "APPROVED BY"},
      rows);
  table.pop_back();
  out.line(table);
  for (const auto& n : notes) out.line(n);
  return 0;
}

}  // namespace

Command approvals_command() {
  return {"approvals",
          "approvals [--env ENV] [--all] | approvals --post-review [--all]",
          "list approval requests, or emergency runs awaiting review",
          "Lists the open approval requests (with --all, rejected and executed ones too), "
          "optionally of one --env: environment, risk, who asked and when, how many migrations, "
          "and whether the approvals given so far are enough (and if not, exactly what is "
          "missing). With --post-review, lists the emergency runs awaiting a post-review (with "
          "--all, reviewed ones too). Needs approvals.view.",
          approvals_options,
          run_approvals};
}

}  // namespace migcmd::cli
