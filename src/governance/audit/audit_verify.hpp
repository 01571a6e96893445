#pragma once
// The chain check behind AuditLog::verify, on entries already read (in sequence order).

#include <optional>
#include <string>
#include <vector>

#include "migcmd/governance/audit_log.hpp"

namespace migcmd::governance {

[[nodiscard]] AuditVerification verify_audit_chain(const std::vector<AuditEntry>& entries,
                                                   const std::optional<std::string>& hmac_key);

}  // namespace migcmd::governance
