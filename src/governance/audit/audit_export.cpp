// Entries as JSON or CSV for auditors and their tools.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "audit_json.hpp"
#include "csv_cell.hpp"
#include "migcmd/governance/audit_export.hpp"

namespace migcmd::governance {
namespace {

nlohmann::ordered_json to_json(const AuditEntry& e) {
  nlohmann::ordered_json details = nlohmann::ordered_json::object();
  for (const auto& [key, value] : e.details) details[key] = value;
  return {{"sequence", e.sequence},
          {"time", e.time},
          {"actor", e.actor},
          {"action", e.action},
          {"result", e.result},
          {"environment", e.environment},
          {"plan_checksum", e.plan_checksum},
          {"target", e.target},
          {"message", e.message},
          {"duration_ms", e.duration_ms},
          {"host", e.host},
          {"pid", e.pid},
          {"tool_version", e.tool_version},
          {"details", std::move(details)},
          {"previous_hash", e.previous_hash},
          {"hash", e.hash}};
}

}  // namespace

std::string export_json(const std::vector<AuditEntry>& entries) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& e : entries) array.push_back(to_json(e));
  // Entries read from an edited store need not be valid UTF-8: replaced, not refused.
  return array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string export_csv(const std::vector<AuditEntry>& entries) {
  std::string out =
      "sequence,time,actor,action,result,environment,plan_checksum,target,message,duration_ms,"
      "host,pid,tool_version,details,previous_hash,hash\r\n";
  for (const auto& e : entries) {
    // Text from outside (users, messages, targets...) cannot run as a spreadsheet formula; the
    // numbers migcmd writes itself are left as they are.
    const auto text = [&](std::string_view field) {
      out.push_back(',');
      detail::append_csv_text(out, field);
    };
    const auto number = [&](std::int64_t value) { out += "," + std::to_string(value); };
    out += std::to_string(e.sequence);
    text(e.time);
    text(e.actor);
    text(e.action);
    text(e.result);
    text(e.environment);
    text(e.plan_checksum);
    text(e.target);
    text(e.message);
    number(e.duration_ms);
    text(e.host);
    number(e.pid);
    text(e.tool_version);
    text(e.details.empty() ? std::string() : details_json(e.details));
    text(e.previous_hash);
    text(e.hash);
    out += "\r\n";
  }
  return out;
}

}  // namespace migcmd::governance
