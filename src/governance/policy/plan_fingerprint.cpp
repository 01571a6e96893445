#include "migcmd/governance/plan_fingerprint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "migcmd/checksum.hpp"
#include "migcmd/error.hpp"

namespace migcmd::governance {
namespace {

std::string short_checksum(const std::string& checksum) {
  return checksum.substr(0, 8);
}

}  // namespace

std::string PlanFingerprint::canonical() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [version, checksum] : migrations) list.push_back({version, checksum});
  // nlohmann::json orders object keys, so the text is the same whatever built it.
  const nlohmann::json j = {
      {"environment", environment}, {"direction", direction}, {"migrations", list}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

std::string PlanFingerprint::checksum() const {
  return sha256_hex(canonical());
}

PlanFingerprint PlanFingerprint::from_json(std::string_view text) {
  try {
    const auto j = nlohmann::json::parse(text);
    PlanFingerprint plan;
    plan.environment = j.at("environment").get<std::string>();
    plan.direction = j.at("direction").get<std::string>();
    for (const auto& item : j.at("migrations")) {
      plan.migrations.emplace_back(item.at(0).get<std::string>(), item.at(1).get<std::string>());
    }
    return plan;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::parse_error, fmt::format("not a plan fingerprint: {}", e.what()));
  }
}

std::vector<std::string> plan_differences(const PlanFingerprint& approved,
                                          const PlanFingerprint& current) {
  std::vector<std::string> out;
  if (approved.environment != current.environment) {
    out.push_back(
        fmt::format("the target changed from {} to {}", approved.environment, current.environment));
  }
  if (approved.direction != current.direction) {
    out.push_back(
        fmt::format("the direction changed from {} to {}", approved.direction, current.direction));
  }
  std::map<std::string, std::string> before(approved.migrations.begin(), approved.migrations.end());
  std::map<std::string, std::string> after(current.migrations.begin(), current.migrations.end());
  for (const auto& [version, checksum] : current.migrations) {
    auto it = before.find(version);
    if (it == before.end()) {
      out.push_back(fmt::format("migration {} was added", version));
    } else if (it->second != checksum) {
      out.push_back(fmt::format("migration {} changed (checksum {} -> {})", version,
                                short_checksum(it->second), short_checksum(checksum)));
    }
  }
  for (const auto& [version, checksum] : approved.migrations) {
    if (!after.count(version)) out.push_back(fmt::format("migration {} was removed", version));
  }
  if (out.empty() && approved.migrations != current.migrations) {
    out.push_back("the migrations are in another order");
  }
  return out;
}

}  // namespace migcmd::governance
