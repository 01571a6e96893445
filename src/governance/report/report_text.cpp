// The report for people: aligned text, and Markdown.

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>

#include "migcmd/governance/time_text.hpp"
#include "report_render.hpp"

namespace migcmd::governance::detail {
namespace {

constexpr std::size_t label_width = 24;

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string risk_text(const std::optional<RiskLevel>& risk) {
  return risk ? std::string(to_string(*risk)) : std::string("none recorded");
}

std::string run_duration_text(const DurationStats& d) {
  if (d.count == 0) return "no finished run";
  return fmt::format("median {}, p95 {}, max {} ({})", human_duration(d.median_ms),
                     human_duration(d.p95_ms), human_duration(d.max_ms),
                     plural(d.count, "run", "runs"));
}

std::string lead_time_text(const EnvironmentReport& r) {
  if (r.request_lead_time.count == 0) {
    return r.requests_executed == 0 ? "no request executed"
                                    : "unknown (the requests were opened before the trail given)";
  }
  return fmt::format("median {} ({})", human_duration(r.request_lead_time.median_ms),
                     plural(r.request_lead_time.count, "request", "requests"));
}

std::string lock_text(const EnvironmentLock& l) {
  return fmt::format("locked by {} since {}: {}", one_line(l.locked_by), format_utc(l.locked_at),
                     one_line(l.reason));
}

std::string request_text(const ApprovalRequest& q) {
  return fmt::format(
      "#{} {}: requested by {} at {}, risk {}, {}{}", q.id, one_line(q.environment()),
      one_line(q.requested_by), format_utc(q.requested_at), to_string(q.risk),
      plural(static_cast<std::int64_t>(q.plan.migrations.size()), "migration", "migrations"),
      q.reason.empty() ? "" : ": " + one_line(q.reason));
}

std::string emergency_text(const EmergencyRun& e) {
  return fmt::format("#{} {}: run by {} at {}: {}{}", e.id, one_line(e.environment()),
                     one_line(e.run_by), format_utc(e.run_at), one_line(e.reason),
                     e.outcome.empty() ? "" : " (" + one_line(e.outcome) + ")");
}

std::string schedule_text(const ScheduledRun& s) {
  return fmt::format("#{} {}: due {}, by {}{}", s.id, one_line(s.environment), format_utc(s.at),
                     one_line(s.created_by),
                     s.request_id ? fmt::format(", request #{}", *s.request_id) : std::string());
}

void field(std::string& out, std::string_view label, std::string_view value) {
  out += fmt::format("  {:<{}}{}\n", label, label_width, value);
}

// Markdown: text from outside cannot open a link, emphasis, HTML or another table cell.
std::string md(std::string_view text) {
  std::string out;
  for (const char c : one_line(text)) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string md_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + c + " |";
  return out + "\n";
}

// A header row and its alignment row: the first column left, the others right.
std::string md_header(const std::vector<std::string>& headings, std::size_t left_columns = 1) {
  std::string out = md_row(headings) + "|";
  for (std::size_t i = 0; i < headings.size(); ++i) out += i < left_columns ? "---|" : "---:|";
  return out + "\n";
}

}  // namespace

std::string human_duration(std::int64_t ms) {
  if (ms < 0) return "-" + human_duration(-ms);
  if (ms < 1000) return fmt::format("{}ms", ms);
  if (ms < 60'000) {
    const auto tenths = ms / 100;
    return tenths % 10 == 0 ? fmt::format("{}s", tenths / 10)
                            : fmt::format("{}.{}s", tenths / 10, tenths % 10);
  }
  const auto s = ms / 1000;
  if (s < 3600) return fmt::format("{}m {}s", s / 60, s % 60);
  if (s < 86'400) return fmt::format("{}h {}m", s / 3600, s % 3600 / 60);
  return fmt::format("{}d {}h", s / 86'400, s % 86'400 / 3600);
}

std::string decimal_seconds(std::int64_t ms) {
  const std::string sign = ms < 0 ? "-" : "";
  const std::int64_t a = std::llabs(ms);
  std::string out = fmt::format("{}{}", sign, a / 1000);
  if (a % 1000 != 0) {
    std::string fraction = fmt::format("{:03}", a % 1000);
    while (fraction.back() == '0') fraction.pop_back();
    out += "." + fraction;
  }
  return out;
}

std::string period_text(const ReportFilter& filter) {
  if (filter.since && filter.until) {
    return fmt::format("from {} until {}", format_utc(*filter.since), format_utc(*filter.until));
  }
  if (filter.since) return fmt::format("from {}", format_utc(*filter.since));
  if (filter.until) return fmt::format("until {}", format_utc(*filter.until));
  return "the whole audit trail";
}

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return out;
}

std::string environment_label(const std::string& environment) {
  return environment.empty() ? std::string("(no environment)") : one_line(environment);
}

std::string render_text(const GovernanceReport& report) {
  std::string out = "GOVERNANCE REPORT\n";
  out += fmt::format("{:<16}{}\n", "Period:", period_text(report.filter));
  out += fmt::format(
      "{:<16}{}\n", "Environments:",
      report.filter.environment.empty() ? std::string("all") : one_line(report.filter.environment));
  out += fmt::format("{:<16}{}\n", "Generated:", format_utc(report.generated_at));
  out += fmt::format("{:<16}{}\n", "Audit entries:", report.audit_entries);

  for (const auto& r : report.environments) {
    out += fmt::format("\nENVIRONMENT {}{}\n", environment_label(r.environment),
                       r.configured || r.environment.empty() ? "" : " (not configured)");
    field(out, "Runs",
          fmt::format("{} succeeded, {} failed, {} refused", r.runs_succeeded, r.runs_failed,
                      r.runs_refused));
    field(out, "Migrations",
          fmt::format("{} applied, {} rolled back, {} failed", r.migrations_applied,
                      r.migrations_rolled_back, r.migrations_failed()));
    field(out, "Run duration", run_duration_text(r.run_duration));
    field(out, "Refusals", std::to_string(r.refusals_total()));
    for (const auto reason : all_refusal_reasons()) {
      field(out, fmt::format("  {}", describe(reason)), std::to_string(r.refused(reason)));
    }
    field(
        out, "Emergency runs",
        fmt::format("{}, {} awaiting post-review", r.emergency_runs, r.emergency_awaiting_review));
    field(out, "Approval requests",
          fmt::format("{} opened, {} approved, {} rejected, {} executed", r.requests_opened,
                      r.requests_approved, r.requests_rejected, r.requests_executed));
    field(out, "Request to execution", lead_time_text(r));
    field(out, "Highest risk executed", risk_text(r.highest_risk_executed));
    if (r.top_actors.empty()) {
      field(out, "Who ran what", "nobody");
    } else {
      bool first = true;
      for (const auto& a : r.top_actors) {
        field(
            out, first ? "Who ran what" : "",
            fmt::format("{}: {}, {}, {} refused", one_line(a.actor), plural(a.runs, "run", "runs"),
                        plural(a.migrations, "migration", "migrations"), a.refused));
        first = false;
      }
    }
    if (!r.environment.empty()) {
      field(out, "Now",
            fmt::format("{}; {}; {}", r.lock ? lock_text(*r.lock) : "not locked",
                        plural(r.open_requests, "open request", "open requests"),
                        plural(r.pending_schedules, "pending schedule", "pending schedules")));
    }
  }

  out += "\nOPEN ITEMS NOW\n";
  const auto section = [&](std::string_view title, std::size_t count, auto&& lines) {
    out += fmt::format("  {} ({})\n", title, count);
    if (count == 0) out += "    none\n";
    lines();
  };
  section("Locked environments", report.locks.size(), [&] {
    for (const auto& l : report.locks) {
      out += fmt::format("    {}: {}\n", one_line(l.environment), lock_text(l));
    }
  });
  section("Open approval requests", report.open_requests.size(), [&] {
    for (const auto& q : report.open_requests) out += "    " + request_text(q) + "\n";
  });
  section("Emergency runs awaiting post-review", report.awaiting_review.size(), [&] {
    for (const auto& e : report.awaiting_review) out += "    " + emergency_text(e) + "\n";
  });
  section("Pending schedules", report.pending_schedules.size(), [&] {
    for (const auto& s : report.pending_schedules) out += "    " + schedule_text(s) + "\n";
  });
  return out;
}

std::string render_markdown(const GovernanceReport& report) {
  std::string out = "# Governance report\n\n";
  out += fmt::format("- **Period:** {}\n", period_text(report.filter));
  out += fmt::format("- **Environments:** {}\n", report.filter.environment.empty()
                                                     ? std::string("all")
                                                     : md(report.filter.environment));
  out += fmt::format("- **Generated:** {}\n", format_utc(report.generated_at));
  out += fmt::format("- **Audit entries:** {}\n", report.audit_entries);

  out += "\n## Runs\n\n";
  out += md_header({"Environment", "Succeeded", "Failed", "Refused", "Migrations applied",
                    "Rolled back", "Migrations failed", "Median run", "p95 run", "Max run",
                    "Highest risk executed"});
  for (const auto& r : report.environments) {
    const auto& d = r.run_duration;
    out +=
        md_row({md(environment_label(r.environment)), std::to_string(r.runs_succeeded),
                std::to_string(r.runs_failed), std::to_string(r.runs_refused),
                std::to_string(r.migrations_applied), std::to_string(r.migrations_rolled_back),
                std::to_string(r.migrations_failed()), d.count ? human_duration(d.median_ms) : "-",
                d.count ? human_duration(d.p95_ms) : "-", d.count ? human_duration(d.max_ms) : "-",
                r.highest_risk_executed ? std::string(to_string(*r.highest_risk_executed)) : "-"});
  }

  out += "\n## Refusals by reason\n\n";
  std::vector<std::string> headings = {"Environment"};
  for (const auto reason : all_refusal_reasons()) {
    std::string title(describe(reason));
    title.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(title.front())));
    headings.push_back(title);
  }
  headings.emplace_back("Total");
  out += md_header(headings);
  for (const auto& r : report.environments) {
    std::vector<std::string> cells = {md(environment_label(r.environment))};
    for (const auto reason : all_refusal_reasons())
      cells.push_back(std::to_string(r.refused(reason)));
    cells.push_back(std::to_string(r.refusals_total()));
    out += md_row(cells);
  }

  out += "\n## Approvals and emergencies\n\n";
  out += md_header({"Environment", "Requests opened", "Approved", "Rejected", "Executed",
                    "Median request to execution", "Emergency runs", "Awaiting post-review"});
  for (const auto& r : report.environments) {
    out += md_row({md(environment_label(r.environment)), std::to_string(r.requests_opened),
                   std::to_string(r.requests_approved), std::to_string(r.requests_rejected),
                   std::to_string(r.requests_executed),
                   r.request_lead_time.count ? human_duration(r.request_lead_time.median_ms) : "-",
                   std::to_string(r.emergency_runs), std::to_string(r.emergency_awaiting_review)});
  }

  out += "\n## Who ran what\n\n";
  out += md_header({"Environment", "User", "Runs", "Migrations", "Refused"}, 2);
  bool anyone = false;
  for (const auto& r : report.environments) {
    for (const auto& a : r.top_actors) {
      anyone = true;
      out += md_row({md(environment_label(r.environment)), md(a.actor), std::to_string(a.runs),
                     std::to_string(a.migrations), std::to_string(a.refused)});
    }
  }
  if (!anyone) out += md_row({"-", "nobody", "0", "0", "0"});

  out += "\n## Open items now\n";
  out += fmt::format("\n### Locked environments ({})\n\n", report.locks.size());
  if (report.locks.empty()) out += "_none_\n";
  for (const auto& l : report.locks) {
    out += fmt::format("- **{}**: locked by {} since {}: {}\n", md(l.environment), md(l.locked_by),
                       format_utc(l.locked_at), md(l.reason));
  }
  out += fmt::format("\n### Open approval requests ({})\n\n", report.open_requests.size());
  if (report.open_requests.empty()) out += "_none_\n";
  for (const auto& q : report.open_requests) out += "- " + md(request_text(q)) + "\n";
  out += fmt::format("\n### Emergency runs awaiting post-review ({})\n\n",
                     report.awaiting_review.size());
  if (report.awaiting_review.empty()) out += "_none_\n";
  for (const auto& e : report.awaiting_review) out += "- " + md(emergency_text(e)) + "\n";
  out += fmt::format("\n### Pending schedules ({})\n\n", report.pending_schedules.size());
  if (report.pending_schedules.empty()) out += "_none_\n";
  for (const auto& s : report.pending_schedules) out += "- " + md(schedule_text(s)) + "\n";
  return out;
}

}  // namespace migcmd::governance::detail
