#include "cli/pending_review.hpp"

#include "migcmd/governance/pending_plan.hpp"
#include "migcmd/governance/risk.hpp"

namespace migcmd::cli {
namespace {

namespace gov = migcmd::governance;

// The scripts of the plan, in its order.
std::vector<MigrationScript> planned_scripts(const std::vector<MigrationScript>& scripts,
                                             const gov::PlanFingerprint& plan) {
  std::vector<MigrationScript> out;
  for (const auto& [key, checksum] : plan.migrations) {
    for (const auto& m : scripts) {
      const std::string m_key = m.kind == MigrationKind::repeatable ? "R__" + m.name : m.version;
      if (m_key == key) {
        out.push_back(m);
        break;
      }
    }
  }
  return out;
}

}  // namespace

PendingReview review_pending(Context& context, const PolicySession& session,
                             const gov::EnvironmentConfig& environment,
                             const std::optional<std::string>& target) {
  const std::string url = environment_url(context, session, environment);
  const Provider& provider = context.providers().for_url(url);
  const auto scripts = context.migrations();
  auto connection = provider.connect(url);
  Migrator migrator(*connection, provider, scripts, context.base_migrator_options(nullptr));
  PendingReview review;
  review.plan = gov::pending_plan(environment.name, migrator.status(), target);
  review.risk = gov::analyze(planned_scripts(scripts, review.plan), provider.dialect()).level();
  return review;
}

}  // namespace migcmd::cli
