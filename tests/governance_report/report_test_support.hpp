#pragma once
// A known audit trail and state snapshot, written by hand after what the gate, the policy
// services and the CLI record, with every number of its report worked out in report_test.cpp.

#include <string>
#include <vector>

#include "migcmd/governance/audit_entry.hpp"
#include "migcmd/governance/state_snapshot.hpp"

namespace report_test {

// 2026-11-20T00:00:00Z plus `minutes`.
[[nodiscard]] migcmd::governance::TimePoint at_minute(int minutes);

// The trail: prod (configured) with every kind of entry, dev (configured), qa (not configured),
// and entries of no environment; minutes 0 to 80. The period the tests use is [30, 70).
[[nodiscard]] std::vector<migcmd::governance::AuditEntry> trail();

// prod locked by ops, open requests #3 (prod) and #7 (dev), emergency run #4 (prod) awaiting its
// post-review, schedules #1 prod pending, #2 prod done, #3 dev cancelled, #4 dev running.
[[nodiscard]] migcmd::governance::StateSnapshot snapshot();

}  // namespace report_test
