#include "migcmd/governance/approval_decision.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "migcmd/governance/role_catalog.hpp"
#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The largest set of required roles that distinct approvers can cover (each approver covers one
// role entry): Kuhn's augmenting paths, small enough here to need nothing cleverer.
std::vector<bool> cover_roles(const std::vector<std::string>& required,
                              const std::vector<const ApprovalVote*>& approvers,
                              const RoleCatalog& catalog) {
  auto holds = [&](const ApprovalVote& v, const std::string& role) {
    return std::any_of(v.roles.begin(), v.roles.end(),
                       [&](const std::string& held) { return catalog.includes(held, role); });
  };
  std::vector<int> approver_of_role(required.size(), -1);
  std::vector<int> role_of_approver(approvers.size(), -1);
  std::function<bool(std::size_t, std::vector<bool>&)> assign = [&](std::size_t role,
                                                                    std::vector<bool>& seen) {
    for (std::size_t a = 0; a < approvers.size(); ++a) {
      if (seen[a] || !holds(*approvers[a], required[role])) continue;
      seen[a] = true;
      if (role_of_approver[a] < 0 || assign(static_cast<std::size_t>(role_of_approver[a]), seen)) {
        role_of_approver[a] = static_cast<int>(role);
        approver_of_role[role] = static_cast<int>(a);
        return true;
      }
    }
    return false;
  };
  for (std::size_t r = 0; r < required.size(); ++r) {
    std::vector<bool> seen(approvers.size(), false);
    (void)assign(r, seen);
  }
  std::vector<bool> covered(required.size());
  for (std::size_t r = 0; r < required.size(); ++r) covered[r] = approver_of_role[r] >= 0;
  return covered;
}

// "one from role dba and one from role tech_lead"; a role needed twice: "two from role dba".
std::string describe_roles(const std::vector<std::string>& roles) {
  std::map<std::string, int> counts;
  std::vector<std::string> order;
  for (const auto& r : roles) {
    if (counts[r]++ == 0) order.push_back(r);
  }
  static constexpr std::string_view numbers[] = {"", "one", "two", "three", "four", "five"};
  std::vector<std::string> parts;
  for (const auto& r : order) {
    const int n = counts[r];
    parts.push_back(
        fmt::format("{} from role {}", n < 6 ? std::string(numbers[n]) : std::to_string(n), r));
  }
  if (parts.size() == 1) return parts.front();
  std::string last = parts.back();
  parts.pop_back();
  return fmt::format("{} and {}", fmt::join(parts, ", "), last);
}

}  // namespace

ApprovalDecision evaluate(const ApprovalRequest& request, const ProjectConfig& config, Tier tier,
                          RiskLevel risk, std::string_view current_checksum, TimePoint now) {
  ApprovalDecision d;
  d.request_id = request.id;
  d.rules = applicable_rules(config.approval_rules, tier, risk);

  if (request.status == RequestStatus::rejected) {
    d.rejected = true;
    d.missing.push_back(fmt::format("request #{} was rejected by {}: {}; a new request is needed",
                                    request.id, request.closed_by, request.closed_reason));
  } else if (request.status == RequestStatus::executed) {
    d.executed = true;
    d.missing.push_back(fmt::format(
        "request #{} was already used by a run{}; a new request is "
        "needed",
        request.id,
        request.closed_reason.empty() ? std::string() : " (" + request.closed_reason + ")"));
  }
  if (current_checksum != request.plan_checksum) {
    d.invalidated = true;
    d.missing.push_back(
        fmt::format("the plan changed since request #{} was made (checksum {} "
                    "approved, {} now); a new request is needed",
                    request.id, request.plan_checksum.substr(0, 12),
                    std::string(current_checksum).substr(0, 12)));
  }

  // Each user's latest approval to this very plan; the requester never counts.
  std::map<std::string, const ApprovalVote*> latest;
  for (const auto& vote : request.votes) {
    if (vote.kind != VoteKind::approve) continue;
    if (vote.plan_checksum != request.plan_checksum) continue;
    if (lower(vote.user) == lower(request.requested_by)) continue;
    latest[lower(vote.user)] = &vote;
  }

  const RoleCatalog catalog(config.roles);
  std::set<std::string> counted_everywhere;
  for (const auto& [key, vote] : latest) counted_everywhere.insert(vote->user);
  std::set<std::string> expired;
  bool short_of_approvals = false;
  for (const auto& rule : d.rules) {
    std::vector<const ApprovalVote*> valid;
    for (const auto& [key, vote] : latest) {
      if (now - vote->at <= rule.expires) {
        valid.push_back(vote);
      } else {
        expired.insert(vote->user);
        counted_everywhere.erase(vote->user);
      }
    }
    const auto covered = cover_roles(rule.roles, valid, catalog);
    std::vector<std::string> uncovered;
    for (std::size_t i = 0; i < rule.roles.size(); ++i) {
      if (!covered[i]) uncovered.push_back(rule.roles[i]);
    }
    const int have = static_cast<int>(valid.size());
    const int more = std::max(rule.approvals - have, static_cast<int>(uncovered.size()));
    if (more <= 0) continue;
    short_of_approvals = true;
    std::string sentence = fmt::format("{} more approval{} needed", more, more == 1 ? "" : "s");
    if (!uncovered.empty()) {
      sentence += more == 1 && uncovered.size() == 1
                      ? fmt::format(", from role {}", uncovered.front())
                      : fmt::format(", including {}", describe_roles(uncovered));
    }
    sentence += fmt::format(
        " ({} of {} given for {}, risk {}{}); approvals expire {} after they "
        "are given",
        have, rule.approvals, to_string(rule.tier), to_string(rule.risk),
        rule.match == RiskMatch::at_least ? " or above" : "", format_duration(rule.expires));
    d.missing.push_back(std::move(sentence));
  }
  // An expired approval matters only where a rule is short: an extra one that expired does not
  // block a request that has enough without it.
  if (short_of_approvals) {
    for (const auto& user : expired) {
      auto it = latest.find(lower(user));
      d.missing.push_back(
          fmt::format("the approval of {} (given {}) has expired; {} can approve "
                      "again",
                      user, format_utc(it->second->at), user));
    }
  }
  d.expired.assign(expired.begin(), expired.end());
  d.approvers.assign(counted_everywhere.begin(), counted_everywhere.end());
  d.approved = d.missing.empty();

  if (d.approved) {
    std::vector<std::string> rules;
    for (const auto& r : d.rules) rules.push_back(r.describe());
    d.message = fmt::format(
        "request #{} is approved{}{}", request.id,
        d.approvers.empty() ? std::string() : fmt::format(" by {}", fmt::join(d.approvers, ", ")),
        rules.empty() ? std::string(" (no approval rule applies to this plan)")
                      : fmt::format(" ({})", fmt::join(rules, "; ")));
  } else {
    d.message =
        fmt::format("request #{} is not approved: {}", request.id, fmt::join(d.missing, "; "));
  }
  return d;
}

ApprovalDecision evaluate(const ApprovalRequest& request, const ProjectConfig& config, Tier tier,
                          RiskLevel risk, const PlanFingerprint& current, TimePoint now) {
  const std::string checksum = current.checksum();
  ApprovalDecision d = evaluate(request, config, tier, risk, checksum, now);
  if (!d.invalidated) return d;
  // Replace the checksum sentence with what actually changed.
  const auto changes = plan_differences(request.plan, current);
  for (auto& item : d.missing) {
    if (item.starts_with("the plan changed since")) {
      item = fmt::format(
          "the plan changed since request #{} was made: {}; a new request is "
          "needed",
          request.id,
          changes.empty() ? std::string("its checksum differs")
                          : fmt::format("{}", fmt::join(changes, ", ")));
    }
  }
  d.message =
      fmt::format("request #{} is not approved: {}", request.id, fmt::join(d.missing, "; "));
  return d;
}

}  // namespace migcmd::governance
