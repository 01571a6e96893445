#pragma once
// Secrets never reach the audit: text is scrubbed before it is stored.

#include <string>
#include <string_view>

#include "migcmd/governance/audit_entry.hpp"

namespace migcmd::governance {

// `text` with secrets masked as "***": passwords of URLs anywhere in it (scheme://user:pass@...,
// via migcmd::redact_url), key=value pairs whose key is password, pwd, passwd, secret, token,
// api_key... (also key: value and JSON "key":"value"), and bearer/basic credentials
// ("Bearer eyJ..." -> "Bearer ***").
[[nodiscard]] std::string scrub_secrets(std::string_view text);

// Every text field and details value of `entry` scrubbed (the hashes are left alone).
[[nodiscard]] AuditEntry scrub_secrets(AuditEntry entry);

}  // namespace migcmd::governance
