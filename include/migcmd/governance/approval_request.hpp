#pragma once
// A request for approval of one exact plan, and the approvals and rejections given to it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/governance/plan_fingerprint.hpp"
#include "migcmd/governance/risk_level.hpp"
#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

// open: collecting approvals (whether it has enough is for evaluate() to say, at run time);
// rejected: someone rejected it, final; executed: a run used it, final (a plan approved once is
// not run twice on one approval, e.g. after a rollback).
enum class RequestStatus { open, rejected, executed };

[[nodiscard]] std::string_view to_string(RequestStatus status) noexcept;
[[nodiscard]] std::optional<RequestStatus> request_status_from_string(
    std::string_view text) noexcept;

enum class VoteKind { approve, reject };

struct ApprovalVote {
  std::string user;
  std::vector<std::string> roles;  // the voter's roles when voting (for "including a DBA")
  VoteKind kind = VoteKind::approve;
  std::string comment;        // the reason, for a rejection
  std::string plan_checksum;  // the checksum the vote was given to
  TimePoint at;

  friend bool operator==(const ApprovalVote&, const ApprovalVote&) = default;
};

struct ApprovalRequest {
  std::int64_t id = 0;
  PlanFingerprint plan;
  std::string plan_checksum;  // plan.checksum() when requested
  RiskLevel risk = RiskLevel::low;
  std::string reason;
  std::string requested_by;
  TimePoint requested_at;
  RequestStatus status = RequestStatus::open;
  std::string closed_by;  // who rejected it, or what run used it
  std::string closed_reason;
  std::optional<TimePoint> closed_at;
  std::vector<ApprovalVote> votes;  // in the order given

  [[nodiscard]] const std::string& environment() const noexcept { return plan.environment; }

  friend bool operator==(const ApprovalRequest&, const ApprovalRequest&) = default;
};

}  // namespace migcmd::governance
