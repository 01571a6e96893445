// The report for tools: JSON and CSV; and the choice of format.

#include "migcmd/governance/report_format.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "csv_cell.hpp"
#include "migcmd/governance/audit_log.hpp"
#include "report_render.hpp"

namespace migcmd::governance {
namespace detail {
namespace {

using Json = nlohmann::ordered_json;

Json time_json(const std::optional<TimePoint>& t) {
  return t ? Json(format_audit_time(*t)) : Json(nullptr);
}

Json stored_time(const std::string& time) {
  return time.empty() ? Json(nullptr) : Json(time);
}

Json durations_json(const DurationStats& d) {
  if (d.count == 0) {
    return {{"count", 0},
            {"total_ms", 0},
            {"median_ms", nullptr},
            {"p95_ms", nullptr},
            {"max_ms", nullptr}};
  }
  return {{"count", d.count},
          {"total_ms", d.total_ms},
          {"median_ms", d.median_ms},
          {"p95_ms", d.p95_ms},
          {"max_ms", d.max_ms}};
}

Json lock_json(const EnvironmentLock& l) {
  return {{"environment", l.environment},
          {"locked_by", l.locked_by},
          {"locked_at", format_audit_time(l.locked_at)},
          {"reason", l.reason}};
}

Json environment_json(const EnvironmentReport& r) {
  Json refusals = {{"total", r.refusals_total()}};
  for (const auto reason : all_refusal_reasons()) {
    refusals[std::string(to_string(reason))] = r.refused(reason);
  }
  Json actors = Json::array();
  for (const auto& a : r.top_actors) {
    actors.push_back({{"actor", a.actor},
                      {"runs", a.runs},
                      {"migrations", a.migrations},
                      {"refused", a.refused}});
  }
  return {
      {"environment", r.environment},
      {"configured", r.configured},
      {"runs",
       {{"succeeded", r.runs_succeeded}, {"failed", r.runs_failed}, {"refused", r.runs_refused}}},
      {"migrations",
       {{"applied", r.migrations_applied},
        {"rolled_back", r.migrations_rolled_back},
        {"failed", r.migrations_failed()},
        {"failed_applying", r.migrations_failed_up},
        {"failed_rolling_back", r.migrations_failed_down}}},
      {"run_duration", durations_json(r.run_duration)},
      {"refusals", std::move(refusals)},
      {"emergency_runs",
       {{"total", r.emergency_runs}, {"awaiting_review", r.emergency_awaiting_review}}},
      {"approval_requests",
       {{"opened", r.requests_opened},
        {"approved", r.requests_approved},
        {"rejected", r.requests_rejected},
        {"executed", r.requests_executed},
        {"lead_time", durations_json(r.request_lead_time)}}},
      {"highest_risk_executed", r.highest_risk_executed
                                    ? Json(std::string(to_string(*r.highest_risk_executed)))
                                    : Json(nullptr)},
      {"top_actors", std::move(actors)},
      {"last_run",
       {{"succeeded", stored_time(r.last_run_succeeded)},
        {"failed", stored_time(r.last_run_failed)},
        {"refused", stored_time(r.last_run_refused)}}},
      {"now",
       {{"locked", r.lock.has_value()},
        {"lock", r.lock ? lock_json(*r.lock) : Json(nullptr)},
        {"open_requests", r.open_requests},
        {"pending_schedules", r.pending_schedules}}},
  };
}

}  // namespace

std::string render_json(const GovernanceReport& report) {
  Json environments = Json::array();
  for (const auto& r : report.environments) environments.push_back(environment_json(r));
  Json locks = Json::array();
  for (const auto& l : report.locks) locks.push_back(lock_json(l));
  Json requests = Json::array();
  for (const auto& q : report.open_requests) {
    requests.push_back({{"id", q.id},
                        {"environment", q.environment()},
                        {"requested_by", q.requested_by},
                        {"requested_at", format_audit_time(q.requested_at)},
                        {"risk", std::string(to_string(q.risk))},
                        {"migrations", q.plan.migrations.size()},
                        {"reason", q.reason}});
  }
  Json emergencies = Json::array();
  for (const auto& e : report.awaiting_review) {
    emergencies.push_back({{"id", e.id},
                           {"environment", e.environment()},
                           {"run_by", e.run_by},
                           {"run_at", format_audit_time(e.run_at)},
                           {"reason", e.reason},
                           {"outcome", e.outcome}});
  }
  Json schedules = Json::array();
  for (const auto& s : report.pending_schedules) {
    schedules.push_back({{"id", s.id},
                         {"environment", s.environment},
                         {"at", format_audit_time(s.at)},
                         {"created_by", s.created_by},
                         {"request", s.request_id ? Json(*s.request_id) : Json(nullptr)}});
  }
  const Json document = {
      {"period",
       {{"since", time_json(report.filter.since)},
        {"until", time_json(report.filter.until)},
        {"environment",
         report.filter.environment.empty() ? Json(nullptr) : Json(report.filter.environment)}}},
      {"generated_at", format_audit_time(report.generated_at)},
      {"audit_entries", report.audit_entries},
      {"environments", std::move(environments)},
      {"open_items",
       {{"locked_environments", std::move(locks)},
        {"open_requests", std::move(requests)},
        {"awaiting_post_review", std::move(emergencies)},
        {"pending_schedules", std::move(schedules)}}},
  };
  // Text read from an edited store need not be valid UTF-8: replaced, not refused.
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_csv(const GovernanceReport& report) {
  std::string out =
      "environment,configured,runs_succeeded,runs_failed,runs_refused,migrations_applied,"
      "migrations_rolled_back,migrations_failed,run_duration_median_s,run_duration_p95_s,"
      "run_duration_max_s,refusals_total";
  for (const auto reason : all_refusal_reasons())
    out += ",refusals_" + std::string(to_string(reason));
  out +=
      ",emergency_runs,emergency_awaiting_review,requests_opened,requests_approved,"
      "requests_rejected,requests_executed,request_lead_time_median_s,highest_risk_executed,"
      "top_actors,locked,locked_by,open_requests,pending_schedules\r\n";
  for (const auto& r : report.environments) {
    const auto seconds = [](const DurationStats& d, std::int64_t ms) {
      return d.count == 0 ? std::string() : decimal_seconds(ms);
    };
    std::string actors;
    for (const auto& a : r.top_actors) {
      if (!actors.empty()) actors += "; ";
      actors += fmt::format("{} ({} runs, {} migrations, {} refused)", one_line(a.actor), a.runs,
                            a.migrations, a.refused);
    }
    // Text from outside goes through the formula guard; numbers and migcmd's words do not.
    append_csv_text(out, r.environment);
    std::vector<std::string> numbers = {r.configured ? "true" : "false",
                                        std::to_string(r.runs_succeeded),
                                        std::to_string(r.runs_failed),
                                        std::to_string(r.runs_refused),
                                        std::to_string(r.migrations_applied),
                                        std::to_string(r.migrations_rolled_back),
                                        std::to_string(r.migrations_failed()),
                                        seconds(r.run_duration, r.run_duration.median_ms),
                                        seconds(r.run_duration, r.run_duration.p95_ms),
                                        seconds(r.run_duration, r.run_duration.max_ms),
                                        std::to_string(r.refusals_total())};
    for (const auto reason : all_refusal_reasons())
      numbers.push_back(std::to_string(r.refused(reason)));
    for (const auto& n :
         {std::to_string(r.emergency_runs), std::to_string(r.emergency_awaiting_review),
          std::to_string(r.requests_opened), std::to_string(r.requests_approved),
          std::to_string(r.requests_rejected), std::to_string(r.requests_executed),
          seconds(r.request_lead_time, r.request_lead_time.median_ms),
          r.highest_risk_executed ? std::string(to_string(*r.highest_risk_executed))
                                  : std::string()}) {
      numbers.push_back(n);
    }
    for (const auto& n : numbers) {
      out.push_back(',');
      append_csv_field(out, n);
    }
    out.push_back(',');
    append_csv_text(out, actors);
    out += r.lock ? ",true," : ",false,";
    append_csv_text(out, r.lock ? r.lock->locked_by : std::string());
    out += fmt::format(",{},{}\r\n", r.open_requests, r.pending_schedules);
  }
  return out;
}

}  // namespace detail

std::string_view to_string(ReportFormat format) noexcept {
  switch (format) {
    case ReportFormat::text:
      return "text";
    case ReportFormat::markdown:
      return "markdown";
    case ReportFormat::json:
      return "json";
    case ReportFormat::csv:
      return "csv";
  }
  return "text";
}

std::optional<ReportFormat> report_format_from_string(std::string_view text) noexcept {
  if (text == "text") return ReportFormat::text;
  if (text == "markdown" || text == "md") return ReportFormat::markdown;
  if (text == "json") return ReportFormat::json;
  if (text == "csv") return ReportFormat::csv;
  return std::nullopt;
}

std::string render_report(const GovernanceReport& report, ReportFormat format) {
  switch (format) {
    case ReportFormat::text:
      return detail::render_text(report);
    case ReportFormat::markdown:
      return detail::render_markdown(report);
    case ReportFormat::json:
      return detail::render_json(report);
    case ReportFormat::csv:
      return detail::render_csv(report);
  }
  return detail::render_text(report);
}

}  // namespace migcmd::governance
