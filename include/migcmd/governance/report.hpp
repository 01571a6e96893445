#pragma once
// The governance report: what happened in a time range, per environment, read from the audit
// trail, and what is open now, read from a state snapshot. A plain value; report_format.hpp
// renders it as text, Markdown, JSON or CSV, and metrics.hpp exposes the same numbers to
// Prometheus.
//
// What is counted, for entries in [since, until) and of the chosen environment:
// - runs: the gate's "run" and "rollback" entries (dry runs are not runs): succeeded and failed
//   are finished runs, refused the gate's refusals. Durations are the finished runs'.
// - migrations: "migration" entries, applied (direction up) or rolled back (down), succeeded or
//   failed.
// - refusals: every refused entry (any action: runs, approvals, locks, permission checks of the
//   CLI), grouped by refusal_reason().
// - emergency runs: the "emergency" overrides allowed; awaiting review: those of them the
//   snapshot still lists as awaiting post-review.
// - approval requests: opened ("request" allowed), approved (requests given at least one
//   approval), rejected, executed (finished runs that used a request). The lead time runs from
//   the request's "request" entry to the run that executed it; that entry may be older than
//   `since` (it is looked up among all the entries given), and a request whose entry is not
//   among them has no lead time.
// - the highest risk of executed plans: the risk the gate recorded when it allowed each finished
//   run.
// - top actors: per user, finished runs, migrations (applied or rolled back, succeeded) and
//   refused actions; the most active first.
// Entries without an environment (permission checks of commands such as `roles` or `report`)
// make a report line of their own, environment "", when they count for something.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/governance/audit_entry.hpp"
#include "migcmd/governance/risk_level.hpp"
#include "migcmd/governance/state_snapshot.hpp"
#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

// Why an action was refused, as far as the audit entry tells.
enum class RefusalReason {
  missing_permission,
  environment_locked,
  outside_window,
  approvals_missing,
  risk,
  other,
};
inline constexpr std::size_t refusal_reason_count = 6;

[[nodiscard]] std::span<const RefusalReason> all_refusal_reasons() noexcept;
[[nodiscard]] std::string_view to_string(RefusalReason reason) noexcept;  // "missing_permission"
[[nodiscard]] std::string_view describe(RefusalReason reason) noexcept;   // "missing permission"

// The reason of a refused entry: missing_permission when its error code (details "error_code",
// or the "[migcmd.permission_denied]" the gate's message starts with) says so; otherwise from the
// message and hint the checks write: a locked environment ("... is locked by ...", "migcmd env
// unlock"), a closed maintenance window ("outside its maintenance windows"), missing approvals
// ("... is not approved: ..."), then anything naming a risk; other for the rest.
[[nodiscard]] RefusalReason refusal_reason(const AuditEntry& refused);

struct ReportFilter {
  std::optional<TimePoint> since;  // entries at or after
  std::optional<TimePoint> until;  // entries before
  std::string environment;         // empty: every environment
  std::size_t top_actors = 5;      // how many users "who ran what" lists per environment
};

// Durations in milliseconds. The median of an even count is the mean of the two middle values
// (rounded down); p95 is the nearest rank (the smallest value at least 95% are not above).
struct DurationStats {
  std::int64_t count = 0;
  std::int64_t total_ms = 0;
  std::int64_t median_ms = 0;
  std::int64_t p95_ms = 0;
  std::int64_t max_ms = 0;

  friend bool operator==(const DurationStats&, const DurationStats&) = default;
};

[[nodiscard]] DurationStats duration_stats(std::vector<std::int64_t> durations_ms);

struct ActorActivity {
  std::string actor;
  std::int64_t runs = 0;        // finished runs and rollbacks
  std::int64_t migrations = 0;  // applied or rolled back (succeeded)
  std::int64_t refused = 0;     // refused actions of any kind

  friend bool operator==(const ActorActivity&, const ActorActivity&) = default;
};

struct EnvironmentReport {
  std::string environment;  // "" for entries of no environment
  bool configured = false;  // declared in the project configuration

  std::int64_t runs_succeeded = 0;
  std::int64_t runs_failed = 0;
  std::int64_t runs_refused = 0;
  std::int64_t migrations_applied = 0;      // up, succeeded
  std::int64_t migrations_rolled_back = 0;  // down, succeeded
  std::int64_t migrations_failed_up = 0;
  std::int64_t migrations_failed_down = 0;
  DurationStats run_duration;
  std::array<std::int64_t, refusal_reason_count> refusals{};  // indexed by RefusalReason
  std::int64_t emergency_runs = 0;
  std::int64_t emergency_awaiting_review = 0;
  std::int64_t requests_opened = 0;
  std::int64_t requests_approved = 0;
  std::int64_t requests_rejected = 0;
  std::int64_t requests_executed = 0;
  DurationStats request_lead_time;  // request to execution
  std::optional<RiskLevel> highest_risk_executed;
  std::vector<ActorActivity> top_actors;
  // The newest run entry of each result, as stored ("2026-11-21T14:05:09.123Z"); "" for none.
  std::string last_run_succeeded;
  std::string last_run_failed;
  std::string last_run_refused;

  // Now, from the snapshot.
  std::optional<EnvironmentLock> lock;
  std::int64_t open_requests = 0;
  std::int64_t pending_schedules = 0;

  [[nodiscard]] std::int64_t refusals_total() const noexcept;
  [[nodiscard]] std::int64_t refused(RefusalReason reason) const noexcept {
    return refusals[static_cast<std::size_t>(reason)];
  }
  [[nodiscard]] std::int64_t migrations_failed() const noexcept {
    return migrations_failed_up + migrations_failed_down;
  }
};

struct GovernanceReport {
  ReportFilter filter;
  TimePoint generated_at;          // the snapshot's time
  std::int64_t audit_entries = 0;  // entries in the period (and environment)
  // Configured environments in configuration order, then others met in the entries (sorted),
  // then "" when it counts for something. Only the chosen one with ReportFilter::environment.
  std::vector<EnvironmentReport> environments;

  // Open items now (of the chosen environment).
  std::vector<EnvironmentLock> locks;
  std::vector<ApprovalRequest> open_requests;
  std::vector<EmergencyRun> awaiting_review;
  std::vector<ScheduledRun> pending_schedules;

  [[nodiscard]] const EnvironmentReport* find(std::string_view environment) const noexcept;
};

// `entries` in sequence order; any range of them (entries outside the filter are skipped, and
// older ones serve to find when a request was opened and what risk a run was allowed at).
[[nodiscard]] GovernanceReport build_report(std::span<const AuditEntry> entries,
                                            const ReportFilter& filter, const StateSnapshot& state);

}  // namespace migcmd::governance
