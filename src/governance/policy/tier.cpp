#include "migcmd/governance/tier.hpp"

namespace migcmd::governance {

std::string_view to_string(Tier tier) noexcept {
  switch (tier) {
    case Tier::development:
      return "development";
    case Tier::staging:
      return "staging";
    case Tier::production:
      return "production";
  }
  return "production";
}

std::optional<Tier> tier_from_string(std::string_view text) noexcept {
  for (Tier tier : {Tier::development, Tier::staging, Tier::production}) {
    if (text == to_string(tier)) return tier;
  }
  return std::nullopt;
}

}  // namespace migcmd::governance
