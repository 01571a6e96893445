#pragma once
// What an approval is bound to: the target environment, the direction and the exact migrations
// (versions and checksums, in plan order). Any change to any of them changes the checksum, which
// invalidates approvals given to the old one.

#include <string>
#include <utility>
#include <vector>

namespace migcmd::governance {

struct PlanFingerprint {
  std::string environment;
  std::string direction = "up";                                 // "up" or "down"
  std::vector<std::pair<std::string, std::string>> migrations;  // version, checksum

  // The canonical form: compact JSON with sorted keys,
  // {"direction":"up","environment":"prod","migrations":[["001","ab12..."],...]}.
  [[nodiscard]] std::string canonical() const;
  // Lower-case hex SHA-256 of canonical().
  [[nodiscard]] std::string checksum() const;

  [[nodiscard]] std::string to_json() const { return canonical(); }
  // Error(parse_error) for text that is not a fingerprint.
  [[nodiscard]] static PlanFingerprint from_json(std::string_view text);

  friend bool operator==(const PlanFingerprint&, const PlanFingerprint&) = default;
};

// What changed between the approved plan and the current one, one item each: "the target changed
// from staging to prod", "migration 002 changed (checksum 1a2b3c4d -> 9f8e7d6c)", "migration 003
// was added", "migration 001 was removed", "the direction changed from up to down". Empty when
// both are equal.
[[nodiscard]] std::vector<std::string> plan_differences(const PlanFingerprint& approved,
                                                        const PlanFingerprint& current);

}  // namespace migcmd::governance
