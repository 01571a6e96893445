#include "migcmd/governance/approvals.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "policy_audit.hpp"

namespace migcmd::governance {
namespace {

bool same_user(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

void require_text(const std::string& text, std::string_view what, std::string_view example) {
  if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; })) {
    throw Error(ErrorCode::usage, fmt::format("{} is required", what),
                fmt::format("e.g. {}", example));
  }
}

}  // namespace

Approvals::Approvals(const ProjectConfig& config, StateStore& store, AuditLog* audit, Clock clock)
    : config_(config),
      store_(store),
      audit_(audit),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::system_clock::now(); })),
      authorizer_(config) {}

std::int64_t Approvals::request(const Identity& identity, const PlanFingerprint& plan,
                                RiskLevel risk, const std::string& reason) {
  notification_failures_.clear();
  const std::string checksum = plan.checksum();
  auto entry = detail::audit_entry(identity, "request", plan.environment, checksum);
  entry.details["risk"] = std::string(to_string(risk));
  entry.details["migrations"] = std::to_string(plan.migrations.size());
  const auto id = detail::audited(audit_, entry, [&](AuditEntry& e) {
    authorizer_.require(identity, Permission::request);
    const auto& env = config_.environment(plan.environment);
    if (plan.migrations.empty()) {
      throw Error(ErrorCode::usage,
                  fmt::format("nothing to approve: no pending migration for {}", env.name),
                  "create a migration first, or check --dir and --env");
    }
    ApprovalRequest r;
    r.plan = plan;
    r.plan_checksum = checksum;
    r.risk = risk;
    r.reason = reason;
    r.requested_by = identity.user;
    r.requested_at = clock_();
    const auto new_id = store_.add_request(r);
    e.target = fmt::format("request #{}", new_id);
    e.message = fmt::format("{} requested approval of {} migration(s) for {} ({}), risk {}{}",
                            identity.user, plan.migrations.size(), env.name, to_string(env.tier),
                            to_string(risk), reason.empty() ? "" : ": " + reason);
    return new_id;
  });
  notification_failures_ = detail::notify_and_audit(
      config_.notifications,
      Notification{"request",
                   plan.environment,
                   identity.user,
                   fmt::format("{} asks for approval of request #{} ({} migration(s) for {}, risk "
                               "{}){}",
                               identity.user, id, plan.migrations.size(), plan.environment,
                               to_string(risk), reason.empty() ? "" : ": " + reason),
                   {{"request", std::to_string(id)}, {"plan_checksum", checksum}},
                   clock_()},
      audit_);
  return id;
}

ApprovalRequest Approvals::approve(const Identity& identity, std::int64_t id,
                                   const std::string& comment) {
  notification_failures_.clear();
  auto entry = detail::audit_entry(identity, "approve", "", "", fmt::format("request #{}", id));
  ApprovalRequest result = detail::audited(audit_, entry, [&](AuditEntry& e) {
    const ApprovalRequest r = store_.request(id);
    e.environment = r.environment();
    e.plan_checksum = r.plan_checksum;
    const auto& env = config_.environment(r.environment());
    authorizer_.require(identity, approve_permission(env.tier));
    if (same_user(identity.user, r.requested_by)) {
      throw Error(ErrorCode::refused,
                  fmt::format("{} requested #{} and cannot approve it: nobody approves their own "
                              "request",
                              identity.user, id),
                  "ask someone else with the approve permission");
    }
    ApprovalVote vote;
    vote.user = identity.user;
    vote.roles = authorizer_.roles_of(identity);
    vote.kind = VoteKind::approve;
    vote.comment = comment;
    vote.plan_checksum = r.plan_checksum;
    vote.at = clock_();
    const bool renewed = std::any_of(r.votes.begin(), r.votes.end(), [&](const ApprovalVote& v) {
      return v.kind == VoteKind::approve && same_user(v.user, identity.user);
    });
    ApprovalRequest updated = store_.add_vote(id, vote);
    e.message = fmt::format("{} {} request #{} for {}{}", identity.user,
                            renewed ? "renewed the approval of" : "approved", id, r.environment(),
                            comment.empty() ? "" : ": " + comment);
    if (renewed) e.details["renewed"] = "true";
    return updated;
  });
  notification_failures_ = detail::notify_and_audit(
      config_.notifications,
      Notification{
          "approve",
          result.environment(),
          identity.user,
          fmt::format("{} approved request #{} for {}", identity.user, id, result.environment()),
          {{"request", std::to_string(id)}, {"plan_checksum", result.plan_checksum}},
          clock_()},
      audit_);
  return result;
}

ApprovalRequest Approvals::reject(const Identity& identity, std::int64_t id,
                                  const std::string& reason) {
  notification_failures_.clear();
  auto entry = detail::audit_entry(identity, "reject", "", "", fmt::format("request #{}", id));
  ApprovalRequest result = detail::audited(audit_, entry, [&](AuditEntry& e) {
    const ApprovalRequest r = store_.request(id);
    e.environment = r.environment();
    e.plan_checksum = r.plan_checksum;
    authorizer_.require(identity, Permission::reject);
    require_text(reason, "a reason for the rejection", "--reason \"drops a column still read\"");
    ApprovalVote vote;
    vote.user = identity.user;
    vote.roles = authorizer_.roles_of(identity);
    vote.kind = VoteKind::reject;
    vote.comment = reason;
    vote.plan_checksum = r.plan_checksum;
    vote.at = clock_();
    ApprovalRequest updated = store_.add_vote(id, vote);
    e.message = fmt::format("{} rejected request #{} for {}: {}", identity.user, id,
                            r.environment(), reason);
    return updated;
  });
  notification_failures_ = detail::notify_and_audit(
      config_.notifications,
      Notification{"reject",
                   result.environment(),
                   identity.user,
                   fmt::format("{} rejected request #{} for {}: {}", identity.user, id,
                               result.environment(), reason),
                   {{"request", std::to_string(id)}, {"plan_checksum", result.plan_checksum}},
                   clock_()},
      audit_);
  return result;
}

ApprovalDecision Approvals::evaluate(std::int64_t id, RiskLevel risk,
                                     const PlanFingerprint& current) {
  const ApprovalRequest r = store_.request(id);
  // The tier of the plan about to run: a request for staging says nothing about production.
  const auto& env = config_.environment(current.environment);
  return governance::evaluate(r, config_, env.tier, risk, current, clock_());
}

std::vector<ApprovalDecision> Approvals::decisions_for(const PlanFingerprint& plan,
                                                       RiskLevel risk) {
  const auto& env = config_.environment(plan.environment);
  const auto now = clock_();
  std::vector<ApprovalDecision> out;
  for (const auto& r : store_.open_requests_for(plan.checksum())) {
    out.push_back(governance::evaluate(r, config_, env.tier, risk, plan, now));
  }
  std::stable_partition(out.begin(), out.end(),
                        [](const ApprovalDecision& d) { return d.approved; });
  return out;
}

ApprovalDecision Approvals::check(const PlanFingerprint& plan, RiskLevel risk) {
  const auto& env = config_.environment(plan.environment);
  const auto rules = applicable_rules(config_.approval_rules, env.tier, risk);
  if (rules.empty()) {
    ApprovalDecision d;
    d.approved = true;
    d.message = fmt::format("no approval is required for {} ({}, risk {})", env.name,
                            to_string(env.tier), to_string(risk));
    return d;
  }
  auto decisions = decisions_for(plan, risk);
  if (!decisions.empty()) return decisions.front();

  // No request for this exact plan: say what changed since the newest one for the environment.
  const auto now = clock_();
  for (const auto& r : store_.requests(RequestFilter{env.name, false})) {
    if (r.plan.direction != plan.direction) continue;
    return governance::evaluate(r, config_, env.tier, risk, plan, now);
  }
  ApprovalDecision d;
  d.rules = rules;
  std::vector<std::string> described;
  for (const auto& rule : rules) described.push_back(rule.describe());
  d.missing.push_back(
      fmt::format("no approval request for this plan ({} migration(s) for {}); "
                  "the rules that apply: {}; ask with `migcmd request --env {}`",
                  plan.migrations.size(), env.name, fmt::join(described, "; "), env.name));
  d.message = fmt::format("the plan for {} is not approved: {}", env.name, d.missing.front());
  return d;
}

std::int64_t Approvals::record_emergency(const Identity& identity, const PlanFingerprint& plan,
                                         const std::string& reason) {
  notification_failures_.clear();
  const std::string checksum = plan.checksum();
  auto entry = detail::audit_entry(identity, "emergency", plan.environment, checksum);
  entry.details["reason"] = reason;
  const auto id = detail::audited(audit_, entry, [&](AuditEntry& e) {
    authorizer_.require(identity, Permission::emergency);
    require_text(reason, "a reason for the emergency", "--emergency \"incident 4711: hotfix\"");
    (void)config_.environment(plan.environment);
    EmergencyRun run;
    run.plan = plan;
    run.plan_checksum = checksum;
    run.reason = reason;
    run.run_by = identity.user;
    run.run_at = clock_();
    const auto new_id = store_.add_emergency(run);
    e.target = fmt::format("emergency #{}", new_id);
    e.message = fmt::format("{} ran an emergency change on {} bypassing windows and approvals: {}",
                            identity.user, plan.environment, reason);
    return new_id;
  });
  notification_failures_ = detail::notify_and_audit(
      config_.notifications,
      Notification{"emergency",
                   plan.environment,
                   identity.user,
                   fmt::format("EMERGENCY run #{} on {} by {}: {} (needs post-review)", id,
                               plan.environment, identity.user, reason),
                   {{"emergency", std::to_string(id)}, {"plan_checksum", checksum}},
                   clock_()},
      audit_);
  return id;
}

std::vector<EmergencyRun> Approvals::pending_post_reviews() {
  return store_.emergency_runs(false);
}

EmergencyRun Approvals::post_review(const Identity& identity, std::int64_t id,
                                    const std::string& comment) {
  notification_failures_.clear();
  auto entry =
      detail::audit_entry(identity, "post_review", "", "", fmt::format("emergency #{}", id));
  EmergencyRun result = detail::audited(audit_, entry, [&](AuditEntry& e) {
    auto run = store_.find_emergency(id);
    if (!run) {
      throw Error(ErrorCode::usage, fmt::format("there is no emergency run #{}", id),
                  "`migcmd approvals --post-review` lists them");
    }
    e.environment = run->environment();
    e.plan_checksum = run->plan_checksum;
    authorizer_.require(identity, Permission::post_review);
    if (same_user(identity.user, run->run_by)) {
      throw Error(ErrorCode::refused,
                  fmt::format("{} ran emergency #{} and cannot review it: the review is someone "
                              "else's",
                              identity.user, id),
                  "ask someone else with the post_review permission");
    }
    EmergencyRun reviewed = store_.mark_reviewed(id, identity.user, comment, clock_());
    e.message = fmt::format("{} reviewed emergency run #{} on {}{}", identity.user, id,
                            run->environment(), comment.empty() ? "" : ": " + comment);
    return reviewed;
  });
  notification_failures_ =
      detail::notify_and_audit(config_.notifications,
                               Notification{"post_review",
                                            result.environment(),
                                            identity.user,
                                            fmt::format("{} reviewed emergency run #{} on {}",
                                                        identity.user, id, result.environment()),
                                            {{"emergency", std::to_string(id)}},
                                            clock_()},
                               audit_);
  return result;
}

}  // namespace migcmd::governance
