#pragma once
// The fingerprint of a plan, as a request records it and as the gate checks it: both must compute
// it the same way, so both call these. Migrations are keyed as in the history table (the version,
// or "R__<name>" for a repeatable one) with their current checksum (of the up script), in plan
// order.

#include <optional>
#include <string>
#include <vector>

#include "migcmd/governance/plan_fingerprint.hpp"
#include "migcmd/migrator/events.hpp"
#include "migcmd/migrator/migrator.hpp"

namespace migcmd::governance {

// The fingerprint of the plan the migrator made (RunGate::authorize). The direction is the
// steps' ("up" for an empty plan).
[[nodiscard]] PlanFingerprint plan_fingerprint(std::string environment, const Plan& plan);

// What `up` would apply, from the migrator's status, before running anything (for `request`):
// the entries that are pending, rolled back, out of order, outdated or failed, in order, stopping
// after `target` when given — the same steps Migrator::up plans.
[[nodiscard]] PlanFingerprint pending_plan(std::string environment,
                                           const std::vector<MigrationStatusEntry>& entries,
                                           const std::optional<std::string>& target = {});

}  // namespace migcmd::governance
