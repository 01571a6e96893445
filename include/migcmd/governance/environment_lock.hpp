#pragma once
// A locked environment refuses every run until it is unlocked (`env lock ENV --reason`).

#include <string>

#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

struct EnvironmentLock {
  std::string environment;
  std::string locked_by;
  std::string reason;
  TimePoint locked_at;

  friend bool operator==(const EnvironmentLock&, const EnvironmentLock&) = default;
};

}  // namespace migcmd::governance
