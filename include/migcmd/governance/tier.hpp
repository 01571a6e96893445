#pragma once
// How much an environment matters. Permissions to run, roll back and approve are per tier, and the
// approval matrix is keyed by it, so that "prod-eu" and "prod-us" share the production rules.

#include <optional>
#include <string_view>

namespace migcmd::governance {

enum class Tier { development = 0, staging = 1, production = 2 };

[[nodiscard]] std::string_view to_string(Tier tier) noexcept;  // "development" ...
// Exact lower-case names only: a configuration saying "Prod" is a mistake, not production.
[[nodiscard]] std::optional<Tier> tier_from_string(std::string_view text) noexcept;

}  // namespace migcmd::governance
