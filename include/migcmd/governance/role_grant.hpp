#pragma once
// A role given to a user by `roles grant USER ROLE --reason TEXT`, kept in the state store and
// added to the members of migcmd.json (apply_role_grants) until it is revoked.

#include <string>

#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

struct RoleGrant {
  std::string user;
  std::string role;
  std::string granted_by;
  std::string reason;
  TimePoint granted_at;

  friend bool operator==(const RoleGrant&, const RoleGrant&) = default;
};

}  // namespace migcmd::governance
