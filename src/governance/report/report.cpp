// The report's numbers, from the audit entries the gate, the policy services and the CLI write
// (see governance_gate.cpp, approvals.cpp, environment_locks.cpp, policy_session.cpp).

#include "migcmd/governance/report.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "migcmd/error.hpp"
#include "migcmd/governance/audit_log.hpp"

namespace migcmd::governance {
namespace {

constexpr std::array<RefusalReason, refusal_reason_count> reasons = {
    RefusalReason::missing_permission,
    RefusalReason::environment_locked,
    RefusalReason::outside_window,
    RefusalReason::approvals_missing,
    RefusalReason::risk,
    RefusalReason::other,
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string detail(const AuditEntry& e, const std::string& key) {
  const auto it = e.details.find(key);
  return it == e.details.end() ? std::string() : it->second;
}

// The number in "request #12", "emergency #3", "12".
std::optional<std::int64_t> id_in(std::string_view text) {
  const auto hash = text.find('#');
  if (hash != std::string_view::npos) text.remove_prefix(hash + 1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  return value;
}

std::optional<TimePoint> time_of(const AuditEntry& e) {
  try {
    return parse_audit_time(e.time);
  } catch (const Error&) {
    return std::nullopt;  // an edited entry: `audit verify` is the place to say so
  }
}

bool in_period(const AuditEntry& e, const ReportFilter& filter) {
  if (!filter.since && !filter.until) return true;
  const auto t = time_of(e);
  if (!t) return false;
  if (filter.since && *t < *filter.since) return false;
  if (filter.until && *t >= *filter.until) return false;
  return true;
}

bool is_run(const AuditEntry& e) {
  return e.action == "run" || e.action == "rollback";
}
bool finished(const AuditEntry& e) {
  return e.result == audit_result::succeeded || e.result == audit_result::failed;
}

std::int64_t ms_between(TimePoint from, TimePoint to) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}

// What one environment collects while the entries go by.
struct Collector {
  EnvironmentReport report;
  std::vector<std::int64_t> durations;
  std::vector<std::int64_t> lead_times;
  std::set<std::string> approved;               // request targets approved in the period
  std::set<std::int64_t> executed;              // request ids executed in the period
  std::map<std::string, ActorActivity> actors;  // by user

  ActorActivity& actor(const std::string& user) {
    auto& a = actors[user];
    a.actor = user;
    return a;
  }

  // Whether anything was counted (not only entries such as a permission granted).
  [[nodiscard]] bool active() const {
    const auto& r = report;
    return !actors.empty() || r.runs_refused > 0 || r.migrations_failed() > 0 ||
           r.emergency_runs > 0 || r.requests_opened > 0 || r.requests_rejected > 0 ||
           !approved.empty();
  }
};

class Builder {
 public:
  Builder(const ReportFilter& filter, const StateSnapshot& state) : filter_(filter), state_(state) {
    for (const auto& run : state.awaiting_review) awaiting_.insert(run.id);
  }

  void add(const AuditEntry& e) {
    const bool counted = (filter_.environment.empty() || e.environment == filter_.environment) &&
                         in_period(e, filter_);
    if (counted) count(e);
    remember(e);
  }

  GovernanceReport finish();

 private:
  // The risk the gate allowed a run at, until the run's outcome comes by.
  using RunKey = std::tuple<std::string, std::string, std::string, std::string>;
  static RunKey key_of(const AuditEntry& e) {
    return {e.environment, e.actor, e.plan_checksum, e.action};
  }

  void count(const AuditEntry& e);
  void remember(const AuditEntry& e);

  const ReportFilter& filter_;
  const StateSnapshot& state_;
  std::set<std::int64_t> awaiting_;
  std::map<std::string, Collector> environments_;
  std::map<std::int64_t, TimePoint> request_opened_;
  std::map<RunKey, std::optional<RiskLevel>> allowed_risk_;
  std::int64_t entries_ = 0;
};

void Builder::count(const AuditEntry& e) {
  ++entries_;
  Collector& c = environments_[e.environment];
  EnvironmentReport& r = c.report;
  r.environment = e.environment;

  if (e.result == audit_result::refused) {
    ++r.refusals[static_cast<std::size_t>(refusal_reason(e))];
    ++c.actor(e.actor).refused;
  }

  if (is_run(e)) {
    if (finished(e)) {
      const bool ok = e.result == audit_result::succeeded;
      ++(ok ? r.runs_succeeded : r.runs_failed);
      (ok ? r.last_run_succeeded : r.last_run_failed) = e.time;
      c.durations.push_back(e.duration_ms);
      ++c.actor(e.actor).runs;
      if (const auto it = allowed_risk_.find(key_of(e)); it != allowed_risk_.end() && it->second) {
        if (!r.highest_risk_executed || *it->second > *r.highest_risk_executed) {
          r.highest_risk_executed = it->second;
        }
      }
      const auto request = id_in(detail(e, "request"));
      if (ok && request && c.executed.insert(*request).second) {
        const auto opened = request_opened_.find(*request);
        const auto at = time_of(e);
        if (opened != request_opened_.end() && at) {
          c.lead_times.push_back(ms_between(opened->second, *at));
        }
      }
    } else if (e.result == audit_result::refused) {
      ++r.runs_refused;
      r.last_run_refused = e.time;
    }
  } else if (e.action == "migration") {
    const bool down = detail(e, "direction") == "down";
    if (e.result == audit_result::succeeded) {
      ++(down ? r.migrations_rolled_back : r.migrations_applied);
      ++c.actor(e.actor).migrations;
    } else if (e.result == audit_result::failed) {
      ++(down ? r.migrations_failed_down : r.migrations_failed_up);
    }
  } else if (e.result == audit_result::allowed) {
    if (e.action == "emergency") {
      ++r.emergency_runs;
      const auto id = id_in(e.target);
      if (id && awaiting_.count(*id) > 0) ++r.emergency_awaiting_review;
    } else if (e.action == "request") {
      ++r.requests_opened;
    } else if (e.action == "approve") {
      c.approved.insert(e.target);
    } else if (e.action == "reject") {
      ++r.requests_rejected;
    }
  }
}

void Builder::remember(const AuditEntry& e) {
  if (e.action == "request" && e.result == audit_result::allowed) {
    const auto id = id_in(e.target);
    const auto at = time_of(e);
    if (id && at) request_opened_[*id] = *at;
  } else if (is_run(e) && e.result == audit_result::allowed) {
    allowed_risk_[key_of(e)] = risk_level_from_string(detail(e, "risk"));
  }
}

GovernanceReport Builder::finish() {
  GovernanceReport out;
  out.filter = filter_;
  out.generated_at = state_.taken_at;
  out.audit_entries = entries_;

  const auto wanted = [&](const std::string& env) {
    return filter_.environment.empty() || env == filter_.environment;
  };
  // The order: configured, then others sorted, then "".
  std::vector<std::string> names;
  for (const auto& env : state_.environments) {
    if (wanted(env)) names.push_back(env);
  }
  std::set<std::string> others;
  for (const auto& [env, c] : environments_) others.insert(env);
  for (const auto& l : state_.locks) others.insert(l.environment);
  for (const auto& r : state_.open_requests) others.insert(r.environment());
  for (const auto& s : state_.schedules) others.insert(s.environment);
  if (!filter_.environment.empty()) others.insert(filter_.environment);
  for (const auto& env : others) {
    if (env.empty() || !wanted(env)) continue;
    if (std::find(names.begin(), names.end(), env) == names.end()) names.push_back(env);
  }
  if (const auto it = environments_.find("");
      filter_.environment.empty() && it != environments_.end() && it->second.active()) {
    names.emplace_back();
  }

  for (const auto& name : names) {
    Collector& c = environments_[name];
    EnvironmentReport r = std::move(c.report);
    r.environment = name;
    r.configured = std::find(state_.environments.begin(), state_.environments.end(), name) !=
                   state_.environments.end();
    r.run_duration = duration_stats(std::move(c.durations));
    r.request_lead_time = duration_stats(std::move(c.lead_times));
    r.requests_approved = static_cast<std::int64_t>(c.approved.size());
    r.requests_executed = static_cast<std::int64_t>(c.executed.size());
    for (auto& [user, activity] : c.actors) r.top_actors.push_back(std::move(activity));
    std::sort(r.top_actors.begin(), r.top_actors.end(),
              [](const ActorActivity& a, const ActorActivity& b) {
                return std::tie(b.runs, b.migrations, b.refused, a.actor) <
                       std::tie(a.runs, a.migrations, a.refused, b.actor);
              });
    if (r.top_actors.size() > filter_.top_actors) r.top_actors.resize(filter_.top_actors);
    for (const auto& l : state_.locks) {
      if (l.environment == name) r.lock = l;
    }
    for (const auto& q : state_.open_requests) {
      if (q.environment() == name && q.status == RequestStatus::open) ++r.open_requests;
    }
    for (const auto& s : state_.schedules) {
      if (s.environment == name && s.status == ScheduleStatus::pending) ++r.pending_schedules;
    }
    out.environments.push_back(std::move(r));
  }

  for (const auto& l : state_.locks) {
    if (wanted(l.environment)) out.locks.push_back(l);
  }
  for (const auto& q : state_.open_requests) {
    if (wanted(q.environment()) && q.status == RequestStatus::open) out.open_requests.push_back(q);
  }
  for (const auto& run : state_.awaiting_review) {
    if (wanted(run.environment()) && !run.reviewed()) out.awaiting_review.push_back(run);
  }
  for (const auto& s : state_.schedules) {
    if (wanted(s.environment) && s.status == ScheduleStatus::pending) {
      out.pending_schedules.push_back(s);
    }
  }
  return out;
}

}  // namespace

std::span<const RefusalReason> all_refusal_reasons() noexcept {
  return reasons;
}

std::string_view to_string(RefusalReason reason) noexcept {
  switch (reason) {
    case RefusalReason::missing_permission:
      return "missing_permission";
    case RefusalReason::environment_locked:
      return "environment_locked";
    case RefusalReason::outside_window:
      return "outside_window";
    case RefusalReason::approvals_missing:
      return "approvals_missing";
    case RefusalReason::risk:
      return "risk";
    case RefusalReason::other:
      return "other";
  }
  return "other";
}

std::string_view describe(RefusalReason reason) noexcept {
  switch (reason) {
    case RefusalReason::missing_permission:
      return "missing permission";
    case RefusalReason::environment_locked:
      return "environment locked";
    case RefusalReason::outside_window:
      return "outside window";
    case RefusalReason::approvals_missing:
      return "approvals missing";
    case RefusalReason::risk:
      return "risk";
    case RefusalReason::other:
      return "other";
  }
  return "other";
}

RefusalReason refusal_reason(const AuditEntry& refused) {
  // The gate names the check that refused.
  const std::string check = detail(refused, "refusal");
  for (const RefusalReason reason : reasons) {
    if (!check.empty() && to_string(reason) == check) return reason;
  }
  // The error code: written as a detail by the gate, the policy services and the CLI's permission
  // checks; entries of older gates have the error's full text, "[migcmd.<code>] ...".
  std::string code = detail(refused, "error_code");
  if (code.empty() && refused.message.starts_with("[migcmd.")) {
    const auto end = refused.message.find(']');
    if (end != std::string::npos) code = refused.message.substr(8, end - 8);
  }
  if (code == "permission_denied") return RefusalReason::missing_permission;
  // The checks' own sentences (policy_checks.cpp, approval_decision.cpp, state_store.cpp), most
  // specific first: an approval message may name a risk level, a lock's reason anything.
  const std::string text = lower(refused.message + "\n" + detail(refused, "hint"));
  if (contains(text, " is locked by ") || contains(text, "is already locked by") ||
      contains(text, "migcmd env unlock")) {
    return RefusalReason::environment_locked;
  }
  if (contains(text, "outside its maintenance window")) return RefusalReason::outside_window;
  if (contains(text, " is not approved")) return RefusalReason::approvals_missing;
  if (code.empty() && contains(text, "permission ") && contains(text, " is missing")) {
    return RefusalReason::missing_permission;
  }
  if (contains(text, "risk")) return RefusalReason::risk;
  return RefusalReason::other;
}

DurationStats duration_stats(std::vector<std::int64_t> durations_ms) {
  DurationStats s;
  if (durations_ms.empty()) return s;
  std::sort(durations_ms.begin(), durations_ms.end());
  const auto n = durations_ms.size();
  s.count = static_cast<std::int64_t>(n);
  for (const auto d : durations_ms) s.total_ms += d;
  s.median_ms =
      n % 2 == 1 ? durations_ms[n / 2] : (durations_ms[n / 2 - 1] + durations_ms[n / 2]) / 2;
  const std::size_t rank = (95 * n + 99) / 100;  // ceil(0.95 n), at least 1
  s.p95_ms = durations_ms[rank - 1];
  s.max_ms = durations_ms.back();
  return s;
}

std::int64_t EnvironmentReport::refusals_total() const noexcept {
  std::int64_t total = 0;
  for (const auto n : refusals) total += n;
  return total;
}

const EnvironmentReport* GovernanceReport::find(std::string_view environment) const noexcept {
  for (const auto& r : environments) {
    if (r.environment == environment) return &r;
  }
  return nullptr;
}

GovernanceReport build_report(std::span<const AuditEntry> entries, const ReportFilter& filter,
                              const StateSnapshot& state) {
  Builder builder(filter, state);
  for (const auto& e : entries) builder.add(e);
  return builder.finish();
}

}  // namespace migcmd::governance
