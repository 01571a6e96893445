#pragma once
// The tamper-evident audit trail: entries, stores, the hash-chained log, export and scrubbing.

#include "migcmd/governance/audit_entry.hpp"   // IWYU pragma: export
#include "migcmd/governance/audit_export.hpp"  // IWYU pragma: export
#include "migcmd/governance/audit_log.hpp"     // IWYU pragma: export
#include "migcmd/governance/audit_scrub.hpp"   // IWYU pragma: export
#include "migcmd/governance/audit_store.hpp"   // IWYU pragma: export
