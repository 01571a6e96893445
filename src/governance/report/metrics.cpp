// Prometheus text exposition 0.0.4 of the report's numbers over the whole trail.

#include "migcmd/governance/metrics.hpp"

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "migcmd/error.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/report.hpp"
#include "report_render.hpp"

namespace migcmd::governance {
namespace {

using Labels = std::vector<std::pair<std::string_view, std::string>>;

// # HELP text escapes backslash and line feed (not the double quote).
std::string escape_help(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

class Exposition {
 public:
  void family(std::string_view name, std::string_view type, std::string_view help) {
    out_ += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, escape_help(help), name, type);
  }
  void sample(std::string_view name, const Labels& labels, std::string_view value) {
    out_ += name;
    if (!labels.empty()) {
      out_.push_back('{');
      bool first = true;
      for (const auto& [label, text] : labels) {
        if (!first) out_.push_back(',');
        first = false;
        out_ += fmt::format("{}=\"{}\"", label, escape_label_value(text));
      }
      out_.push_back('}');
    }
    out_ += fmt::format(" {}\n", value);
  }
  void sample(std::string_view name, const Labels& labels, std::int64_t value) {
    sample(name, labels, std::to_string(value));
  }

  [[nodiscard]] std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

std::string epoch_seconds(const std::string& stored_time) {
  const auto t = parse_audit_time(stored_time);
  return detail::decimal_seconds(
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string prometheus_metrics(std::span<const AuditEntry> entries, const StateSnapshot& state,
                               bool audit_chain_ok) {
  const GovernanceReport report = build_report(entries, ReportFilter{}, state);
  // The environments proper; entries of no environment only count as refusals.
  std::vector<const EnvironmentReport*> envs;
  for (const auto& r : report.environments) {
    if (!r.environment.empty()) envs.push_back(&r);
  }
  Exposition x;

  x.family("migcmd_runs_total", "counter",
           "Runs and rollbacks through the governance gate, by environment and result "
           "(succeeded, failed, refused).");
  for (const auto* r : envs) {
    x.sample("migcmd_runs_total", {{"environment", r->environment}, {"result", "succeeded"}},
             r->runs_succeeded);
    x.sample("migcmd_runs_total", {{"environment", r->environment}, {"result", "failed"}},
             r->runs_failed);
    x.sample("migcmd_runs_total", {{"environment", r->environment}, {"result", "refused"}},
             r->runs_refused);
  }

  x.family("migcmd_migrations_total", "counter",
           "Migrations executed by governed runs, by environment, direction (up: applied, down: "
           "rolled back) and result.");
  for (const auto* r : envs) {
    const std::pair<const char*, std::int64_t> rows[][2] = {
        {{"succeeded", r->migrations_applied}, {"failed", r->migrations_failed_up}},
        {{"succeeded", r->migrations_rolled_back}, {"failed", r->migrations_failed_down}}};
    for (int d = 0; d < 2; ++d) {
      for (const auto& [result, n] : rows[d]) {
        x.sample("migcmd_migrations_total",
                 {{"environment", r->environment},
                  {"direction", d == 0 ? "up" : "down"},
                  {"result", result}},
                 n);
      }
    }
  }

  x.family("migcmd_run_duration_seconds", "summary",
           "Duration of finished governed runs, by environment.");
  for (const auto* r : envs) {
    x.sample("migcmd_run_duration_seconds_sum", {{"environment", r->environment}},
             detail::decimal_seconds(r->run_duration.total_ms));
    x.sample("migcmd_run_duration_seconds_count", {{"environment", r->environment}},
             r->run_duration.count);
  }

  x.family("migcmd_refusals_total", "counter",
           "Refused actions (runs, approvals, locks, permission checks), by environment and "
           "reason.");
  for (const auto& r : report.environments) {
    for (const auto reason : all_refusal_reasons()) {
      x.sample("migcmd_refusals_total",
               {{"environment", r.environment}, {"reason", std::string(to_string(reason))}},
               r.refused(reason));
    }
  }

  x.family("migcmd_emergency_runs_total", "counter",
           "Emergency runs (windows and approvals bypassed), by environment.");
  for (const auto* r : envs) {
    x.sample("migcmd_emergency_runs_total", {{"environment", r->environment}}, r->emergency_runs);
  }

  x.family("migcmd_post_reviews_pending", "gauge", "Emergency runs awaiting their post-review.");
  x.sample("migcmd_post_reviews_pending", {},
           static_cast<std::int64_t>(report.awaiting_review.size()));

  x.family("migcmd_approval_requests_open", "gauge", "Open approval requests, by environment.");
  for (const auto* r : envs) {
    x.sample("migcmd_approval_requests_open", {{"environment", r->environment}}, r->open_requests);
  }

  x.family("migcmd_environment_locked", "gauge", "1 when the environment is locked, else 0.");
  for (const auto* r : envs) {
    x.sample("migcmd_environment_locked", {{"environment", r->environment}},
             r->lock ? std::int64_t{1} : std::int64_t{0});
  }

  x.family("migcmd_schedules", "gauge", "Scheduled runs, by status.");
  for (const auto status : {ScheduleStatus::pending, ScheduleStatus::running, ScheduleStatus::done,
                            ScheduleStatus::failed, ScheduleStatus::cancelled}) {
    std::int64_t n = 0;
    for (const auto& s : state.schedules) n += s.status == status ? 1 : 0;
    x.sample("migcmd_schedules", {{"status", std::string(to_string(status))}}, n);
  }

  x.family("migcmd_audit_entries_total", "counter", "Entries in the audit trail.");
  x.sample("migcmd_audit_entries_total", {}, static_cast<std::int64_t>(entries.size()));

  x.family("migcmd_last_run_timestamp_seconds", "gauge",
           "When the newest governed run of each result was recorded (Unix time), by "
           "environment.");
  for (const auto* r : envs) {
    for (const auto& [result, time] :
         {std::pair<const char*, const std::string&>{"succeeded", r->last_run_succeeded},
          std::pair<const char*, const std::string&>{"failed", r->last_run_failed},
          std::pair<const char*, const std::string&>{"refused", r->last_run_refused}}) {
      if (time.empty()) continue;
      try {
        x.sample("migcmd_last_run_timestamp_seconds",
                 {{"environment", r->environment}, {"result", result}}, epoch_seconds(time));
      } catch (const Error&) {
        // A time edited into something else: `audit verify` reports it; no sample here.
      }
    }
  }

  x.family("migcmd_audit_chain_ok", "gauge",
           "1 when the audit trail's hash chain verifies, 0 when it is broken.");
  x.sample("migcmd_audit_chain_ok", {}, audit_chain_ok ? std::int64_t{1} : std::int64_t{0});
  return x.take();
}

}  // namespace migcmd::governance
