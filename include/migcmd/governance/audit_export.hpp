#pragma once
// Audit entries for an auditor: JSON (an array of objects, one per entry, details as an object)
// or CSV (RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or
// line break; details as one JSON object per cell). A CSV text field that a spreadsheet could take
// for a formula (it starts with = + - @, a tab or a carriage return) starts with an apostrophe.

#include <string>
#include <vector>

#include "migcmd/governance/audit_entry.hpp"

namespace migcmd::governance {

[[nodiscard]] std::string export_json(const std::vector<AuditEntry>& entries);
[[nodiscard]] std::string export_csv(const std::vector<AuditEntry>& entries);

}  // namespace migcmd::governance
