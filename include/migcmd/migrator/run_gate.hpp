#pragma once
// The hook governance plugs into: the migrator asks it before it changes anything, with the final
// plan taken under the migration lock (so what is authorised is exactly what runs), tells it every
// event of the run, and reports the outcome. An embedding application or the CLI sets
// MigratorOptions::gate; throwing from authorize() refuses the run with nothing changed.

#include <string>
#include <string_view>
#include <vector>

#include "migcmd/migrator/events.hpp"

namespace migcmd {

class RunGate : public MigrationListener {
 public:
  // Under the lock, after the plan was made again there. Dry runs come here too (plan.dry_run).
  virtual void authorize(const Plan& plan) = 0;
  // repair, baseline, adopt and lock release ("repair", "baseline", "adopt", "lock_release"),
  // before anything changes; `versions` are the ones concerned when known.
  virtual void authorize_maintenance(std::string_view /*action*/,
                                     const std::vector<std::string>& /*versions*/) {}
  // After a run authorize() allowed: the versions done (applied or rolled back), and the error
  // message when it failed (empty when it succeeded).
  virtual void run_finished(const Plan& /*plan*/, const std::vector<std::string>& /*done*/,
                            const std::string& /*error*/) {}
};

}  // namespace migcmd
