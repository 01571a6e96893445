#pragma once
// Governance metrics in the Prometheus text exposition format (version 0.0.4), e.g. for
// node_exporter's textfile collector. Counters cover the whole audit trail given (they only grow
// while the trail does); gauges are the state now. Every family has its # HELP and # TYPE lines;
// label values escape backslash, double quote and line feed.
//
//   migcmd_runs_total{environment,result}                  counter  succeeded, failed, refused
//   migcmd_migrations_total{environment,direction,result}  counter  up/down x succeeded/failed
//   migcmd_run_duration_seconds{environment}               summary  _sum and _count
//   migcmd_refusals_total{environment,reason}              counter  see RefusalReason
//   migcmd_emergency_runs_total{environment}               counter
//   migcmd_post_reviews_pending                            gauge
//   migcmd_approval_requests_open{environment}             gauge
//   migcmd_environment_locked{environment}                 gauge    0/1, every configured one
//   migcmd_schedules{status}                               gauge    every status
//   migcmd_audit_entries_total                             counter
//   migcmd_last_run_timestamp_seconds{environment,result}  gauge    only results that happened
//   migcmd_audit_chain_ok                                  gauge    0/1, from AuditLog::verify
//
// The environments are those of the report (report.hpp): the configured ones, then others met in
// the trail; entries of no environment add environment="" to migcmd_refusals_total only.

#include <span>
#include <string>
#include <string_view>

#include "migcmd/governance/audit_entry.hpp"
#include "migcmd/governance/state_snapshot.hpp"

namespace migcmd::governance {

// The Content-Type a server would send with it.
inline constexpr std::string_view prometheus_content_type = "text/plain; version=0.0.4";

[[nodiscard]] std::string prometheus_metrics(std::span<const AuditEntry> entries,
                                             const StateSnapshot& state, bool audit_chain_ok);

// A label value as the exposition format writes it between quotes: \ " and line feed escaped.
[[nodiscard]] std::string escape_label_value(std::string_view value);

}  // namespace migcmd::governance
