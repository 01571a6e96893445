#include "cli/governed_run.hpp"

#include <filesystem>

namespace migcmd::cli {

std::shared_ptr<GovernedRun> open_governed_run(Context& context, const ProviderRegistry& providers,
                                               const std::optional<std::string>& emergency_reason) {
  if (!is_governed_project(context.options())) return nullptr;
  auto run = std::make_shared<GovernedRun>();
  run->policy = context.kept_policy_session();
  if (!run->policy) {
    run->policy = std::make_shared<PolicySession>(open_policy_session(context, true));
  }
  run->environment = &chosen_environment(context, *run->policy);
  run->url = environment_url(context, *run->policy, *run->environment);
  const Provider& provider = providers.for_url(run->url);
  governance::GateSettings settings{run->environment->name, emergency_reason};
  run->gate = std::make_unique<governance::GovernanceGate>(
      run->policy->config, run->policy->store(), *run->policy->audit, run->policy->identity,
      provider.dialect(), settings);
  return run;
}

}  // namespace migcmd::cli
