#include "migcmd/governance/pending_plan.hpp"

namespace migcmd::governance {
namespace {

// The history table's key of a migration (the migrator's own rule).
std::string key_of(const MigrationScript& m) {
  return m.kind == MigrationKind::repeatable ? "R__" + m.name : m.version;
}

}  // namespace

PlanFingerprint plan_fingerprint(std::string environment, const Plan& plan) {
  PlanFingerprint fp;
  fp.environment = std::move(environment);
  if (!plan.steps.empty() && plan.steps.front().direction == Direction::down) fp.direction = "down";
  for (const auto& step : plan.steps) {
    if (!step.migration) continue;
    fp.migrations.emplace_back(key_of(*step.migration), step.migration->checksum);
  }
  return fp;
}

PlanFingerprint pending_plan(std::string environment,
                             const std::vector<MigrationStatusEntry>& entries,
                             const std::optional<std::string>& target) {
  PlanFingerprint fp;
  fp.environment = std::move(environment);
  for (const auto& e : entries) {
    const bool repeatable = e.version.starts_with("R__");
    // Past the target nothing runs, repeatable migrations included (as in Migrator::up).
    if (!repeatable && target && compare_versions(e.version, *target) > 0) break;
    const bool todo = e.state == MigrationState::pending ||
                      e.state == MigrationState::rolled_back ||
                      e.state == MigrationState::out_of_order ||
                      e.state == MigrationState::outdated || e.state == MigrationState::failed;
    if (todo) fp.migrations.emplace_back(e.version, e.checksum);
  }
  return fp;
}

}  // namespace migcmd::governance
