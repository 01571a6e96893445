#pragma once
// The governance state of a project, in one SQLite file (default .migcmd/governance.db):
// environment locks, approval requests and their votes, emergency runs awaiting post-review,
// scheduled runs, granted roles and the fingerprint of the settings last seen. Several processes
// may use the file at once: every read-modify-write runs in a BEGIN IMMEDIATE transaction (SQLite's
// write lock, waited for up to a few seconds), and every state change checks the state it starts
// from inside that transaction.
//
// The store keeps records; who may change them is checked by Approvals, EnvironmentLocks and the
// CLI before they call it.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/connection.hpp"
#include "migcmd/governance/approval_request.hpp"
#include "migcmd/governance/emergency_run.hpp"
#include "migcmd/governance/environment_lock.hpp"
#include "migcmd/governance/role_grant.hpp"
#include "migcmd/governance/scheduled_run.hpp"

namespace migcmd::governance {

struct RequestFilter {
  std::string environment;      // empty: all
  bool include_closed = false;  // rejected and executed ones too
};

class StateStore {
 public:
  // Opens the file, creating it, its directory and the tables when missing.
  explicit StateStore(const std::filesystem::path& file);
  ~StateStore();
  StateStore(const StateStore&) = delete;
  StateStore& operator=(const StateStore&) = delete;

  [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }

  // --- Environment locks
  [[nodiscard]] std::optional<EnvironmentLock> environment_lock(std::string_view environment);
  [[nodiscard]] std::vector<EnvironmentLock> environment_locks();
  // Error(refused) naming who holds it, since when and why, when it is locked already.
  EnvironmentLock lock_environment(const std::string& environment, const std::string& user,
                                   const std::string& reason, TimePoint now);
  // The lock that was removed; std::nullopt when the environment was not locked.
  std::optional<EnvironmentLock> unlock_environment(const std::string& environment);

  // --- Approval requests (ids start at 1 and are never reused)
  // Stores `request` (its id, status and votes are ignored) and returns its id.
  std::int64_t add_request(const ApprovalRequest& request);
  [[nodiscard]] std::optional<ApprovalRequest> find_request(std::int64_t id);
  // Error(usage) "there is no approval request #7".
  [[nodiscard]] ApprovalRequest request(std::int64_t id);
  // Newest first.
  [[nodiscard]] std::vector<ApprovalRequest> requests(const RequestFilter& filter = {});
  // Open requests for exactly this plan checksum, newest first.
  [[nodiscard]] std::vector<ApprovalRequest> open_requests_for(std::string_view plan_checksum);
  // Adds a vote to an open request; a reject vote also closes it as rejected. Error(refused)
  // when the request is no longer open (rejected or executed), checked in the same transaction.
  ApprovalRequest add_vote(std::int64_t id, const ApprovalVote& vote);
  // open -> executed, recording what used it. Error(refused) when it is not open.
  ApprovalRequest mark_request_executed(std::int64_t id, const std::string& by,
                                        const std::string& note, TimePoint now);

  // --- Emergency runs
  std::int64_t add_emergency(const EmergencyRun& run);
  [[nodiscard]] std::optional<EmergencyRun> find_emergency(std::int64_t id);
  // Newest first; reviewed ones only with `include_reviewed`.
  [[nodiscard]] std::vector<EmergencyRun> emergency_runs(bool include_reviewed = false);
  void set_emergency_outcome(std::int64_t id, const std::string& outcome);
  // Error(refused) when it was reviewed already (by whom, when); Error(usage) for an unknown id.
  EmergencyRun mark_reviewed(std::int64_t id, const std::string& user, const std::string& comment,
                             TimePoint now);

  // --- Scheduled runs
  // Stores `run` as pending (its id, status and claim fields are ignored) and returns its id.
  std::int64_t add_schedule(const ScheduledRun& run);
  [[nodiscard]] std::optional<ScheduledRun> find_schedule(std::int64_t id);
  // Soonest first; finished (done, failed, cancelled) ones only with `include_finished`.
  [[nodiscard]] std::vector<ScheduledRun> schedules(bool include_finished = false);
  // Pending runs due at `now` (at <= now), soonest first.
  [[nodiscard]] std::vector<ScheduledRun> due_schedules(TimePoint now);
  // pending -> running for `agent`, atomically: true for exactly one caller, however many agents
  // race for it; false when it is not pending (claimed, finished, cancelled) or unknown.
  bool claim_schedule(std::int64_t id, const std::string& agent, TimePoint now);
  // The soonest due pending run, claimed for `agent`; std::nullopt when none is due.
  std::optional<ScheduledRun> claim_next_due(const std::string& agent, TimePoint now);
  // running -> done (succeeded) or failed, by the agent that claimed it. Error(refused) when it
  // is not running under `agent`.
  ScheduledRun finish_schedule(std::int64_t id, const std::string& agent, bool succeeded,
                               const std::string& message, TimePoint now);
  // pending -> cancelled. Error(refused) when it is not pending any more (running or finished).
  ScheduledRun cancel_schedule(std::int64_t id, const std::string& user, const std::string& reason,
                               TimePoint now);
  // Runs left `running` (by `agent`, or by any agent when empty): an agent that stopped while
  // running them. They are never claimed again; someone must check the database and close them
  // with finish_schedule.
  [[nodiscard]] std::vector<ScheduledRun> interrupted_schedules(const std::string& agent = {});

  // --- Granted roles (RoleGrants checks who may change them)
  // Stores the grant. Error(refused) naming who granted it, when and why, when the user holds
  // that role by a grant already.
  RoleGrant add_role_grant(const RoleGrant& grant);
  // The grant that was removed; std::nullopt when the user held no such grant.
  std::optional<RoleGrant> remove_role_grant(const std::string& user, const std::string& role);
  // By user, then role.
  [[nodiscard]] std::vector<RoleGrant> role_grants();

  // --- The settings fingerprint (record_settings_changes)
  // The fingerprint stored last; std::nullopt before the first.
  [[nodiscard]] std::optional<std::string> settings_fingerprint();
  // Stores `fingerprint` and returns the one it replaces, read in the same transaction: of
  // processes racing to store the same new fingerprint, exactly one gets the old one back.
  std::optional<std::string> swap_settings_fingerprint(const std::string& fingerprint,
                                                       TimePoint now);

 private:
  std::filesystem::path file_;
  std::unique_ptr<Connection> db_;
};

}  // namespace migcmd::governance
