#pragma once
// The database providers this build of the tool contains.

#include "migcmd/provider.hpp"

namespace migcmd::cli {

[[nodiscard]] ProviderRegistry builtin_providers();

}  // namespace migcmd::cli
