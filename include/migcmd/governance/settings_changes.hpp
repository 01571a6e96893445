#pragma once
// Noticing edits of migcmd.json that change who may do what: the settings fingerprint is the part
// of the configuration that decides permissions and approvals (roles, members, default roles, the
// approval matrix, maintenance windows, each environment's tier, windows and time zone), as
// canonical JSON. The state store keeps the one seen last; record_settings_changes compares the
// configuration in use with it and audits what changed, so that an edit making someone a DBA does
// not go unnoticed. Roles granted with `roles grant` are not part of it: they are audited when
// they are granted.

#include <string>
#include <vector>

#include "migcmd/governance/audit_log.hpp"
#include "migcmd/governance/identity.hpp"
#include "migcmd/governance/project_config.hpp"
#include "migcmd/governance/state_store.hpp"
#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

// The canonical JSON of what decides permissions and approvals in `config`; equal configurations
// give equal text, and nothing else (URL variables, notifications, audit settings) is in it.
[[nodiscard]] std::string settings_fingerprint(const ProjectConfig& config);

// Each difference between two fingerprints as one plain sentence, in a fixed order (roles,
// members, default roles, approval rules, windows, environments), e.g. "member bob: roles
// developer -> developer, dba", "role tech_lead: permissions added approve.production",
// "approval rule for production HIGH changed: ... -> ...", "environment prod: tier staging ->
// production". An unreadable `before` gives one sentence saying so.
[[nodiscard]] std::vector<std::string> settings_differences(const std::string& before,
                                                            const std::string& after);

// Compares `config` with the fingerprint stored in `store`. The first time it only stores it and
// returns nothing. Afterwards, when it differs, it stores the new one, appends ONE audit entry
// (action "settings_change", actor `observer`, target the configuration file, the message listing
// every difference) and returns the differences; unchanged: nothing. Of several processes that
// notice the same edit at once, one records it.
std::vector<std::string> record_settings_changes(const ProjectConfig& config, StateStore& store,
                                                 AuditLog* audit, const Identity& observer,
                                                 TimePoint now = std::chrono::system_clock::now());

}  // namespace migcmd::governance
