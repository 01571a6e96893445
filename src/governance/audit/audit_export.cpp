// Entries as JSON or CSV for auditors and their tools.

#include <nlohmann/json.hpp>

#include <string>

#include "audit_json.hpp"
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

void append_csv_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out.push_back('"');
  for (const char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
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
    const std::string fields[] = {std::to_string(e.sequence),
                                  e.time,
                                  e.actor,
                                  e.action,
                                  e.result,
                                  e.environment,
                                  e.plan_checksum,
                                  e.target,
                                  e.message,
                                  std::to_string(e.duration_ms),
                                  e.host,
                                  std::to_string(e.pid),
                                  e.tool_version,
                                  e.details.empty() ? std::string() : details_json(e.details),
                                  e.previous_hash,
                                  e.hash};
    bool first = true;
    for (const auto& field : fields) {
      if (!first) out.push_back(',');
      first = false;
      append_csv_field(out, field);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace migcmd::governance
