#include "migcmd/governance/state_store.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/error.hpp"
#include "migcmd/providers/sqlite.hpp"

namespace migcmd::governance {
namespace {

// Times are milliseconds since the epoch, in BIGINT columns: 64 bits for any reader (SOCI took a
// column declared INTEGER for a 32-bit int).
constexpr const char* schema_sql[] = {
    "CREATE TABLE IF NOT EXISTS governance_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS environment_locks ("
    " environment TEXT PRIMARY KEY, locked_by TEXT NOT NULL, reason TEXT NOT NULL,"
    " locked_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS approval_requests ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, environment TEXT NOT NULL, direction TEXT NOT NULL,"
    " plan_checksum TEXT NOT NULL, plan_json TEXT NOT NULL, risk TEXT NOT NULL,"
    " reason TEXT NOT NULL, requested_by TEXT NOT NULL, requested_at BIGINT NOT NULL,"
    " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rejected', 'executed')),"
    " closed_by TEXT NOT NULL DEFAULT '', closed_reason TEXT NOT NULL DEFAULT '',"
    " closed_at BIGINT)",
    "CREATE INDEX IF NOT EXISTS approval_requests_checksum ON approval_requests (plan_checksum)",
    "CREATE TABLE IF NOT EXISTS approval_votes ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " request_id INTEGER NOT NULL REFERENCES approval_requests (id), actor TEXT NOT NULL,"
    " roles TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('approve', 'reject')),"
    " comment TEXT NOT NULL, plan_checksum TEXT NOT NULL, at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS emergency_runs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, environment TEXT NOT NULL, plan_checksum TEXT NOT NULL,"
    " plan_json TEXT NOT NULL, reason TEXT NOT NULL, run_by TEXT NOT NULL, run_at BIGINT NOT NULL,"
    " outcome TEXT NOT NULL DEFAULT '', reviewed_by TEXT NOT NULL DEFAULT '',"
    " review_comment TEXT NOT NULL DEFAULT '', reviewed_at BIGINT)",
    "CREATE TABLE IF NOT EXISTS scheduled_runs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, environment TEXT NOT NULL, plan_checksum TEXT NOT NULL,"
    " request_id INTEGER, run_at BIGINT NOT NULL, options TEXT NOT NULL DEFAULT '',"
    " status TEXT NOT NULL DEFAULT 'pending'"
    "  CHECK (status IN ('pending', 'running', 'done', 'failed', 'cancelled')),"
    " created_by TEXT NOT NULL, created_at BIGINT NOT NULL, claimed_by TEXT NOT NULL DEFAULT '',"
    " claimed_at BIGINT, finished_at BIGINT, message TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE IF NOT EXISTS role_grants ("
    " user_name TEXT NOT NULL, role TEXT NOT NULL, granted_by TEXT NOT NULL, reason TEXT NOT NULL,"
    " granted_at BIGINT NOT NULL, PRIMARY KEY (user_name, role))",
    "CREATE TABLE IF NOT EXISTS governance_settings ("
    " key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL)",
    "INSERT OR IGNORE INTO governance_meta (key, value) VALUES ('schema_version', '1')",
};

std::int64_t to_ms(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

TimePoint from_ms(std::int64_t ms) {
  return TimePoint{std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds(ms))};
}

const std::string& text(const Row& row, std::size_t i) {
  static const std::string empty;
  return row.at(i) ? *row.at(i) : empty;
}

std::int64_t integer(const Row& row, std::size_t i) {
  return row.at(i) ? std::stoll(*row.at(i)) : 0;
}

std::optional<TimePoint> optional_time(const Row& row, std::size_t i) {
  if (!row.at(i)) return std::nullopt;
  return from_ms(std::stoll(*row.at(i)));
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ',';
    out += item;
  }
  return out;
}

std::vector<std::string> split(const std::string& joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < joined.size()) {
    const auto comma = joined.find(',', start);
    out.push_back(
        joined.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// A write transaction: BEGIN IMMEDIATE takes SQLite's write lock at once (waiting for it up to the
// busy timeout), so what is read inside cannot change before the write. Rolled back unless
// committed.
class WriteTransaction {
 public:
  explicit WriteTransaction(Connection& db) : db_(db) { db_.execute("BEGIN IMMEDIATE"); }
  ~WriteTransaction() {
    if (!done_) {
      try {
        db_.execute("ROLLBACK");
      } catch (...) {
        // The connection is gone or no transaction is open: nothing to undo.
      }
    }
  }
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit() {
    db_.execute("COMMIT");
    done_ = true;
  }

 private:
  Connection& db_;
  bool done_ = false;
};

constexpr const char* request_columns =
    "id, environment, direction, plan_checksum, plan_json, risk, reason, requested_by,"
    " requested_at, status, closed_by, closed_reason, closed_at";

constexpr const char* emergency_columns =
    "id, environment, plan_checksum, plan_json, reason, run_by, run_at, outcome, reviewed_by,"
    " review_comment, reviewed_at";

constexpr const char* schedule_columns =
    "id, environment, plan_checksum, request_id, run_at, options, status, created_by, created_at,"
    " claimed_by, claimed_at, finished_at, message";

ApprovalRequest request_from_row(const Row& row) {
  ApprovalRequest r;
  r.id = integer(row, 0);
  r.plan = PlanFingerprint::from_json(text(row, 4));
  r.plan_checksum = text(row, 3);
  r.risk = risk_level_from_string(text(row, 5)).value_or(RiskLevel::critical);
  r.reason = text(row, 6);
  r.requested_by = text(row, 7);
  r.requested_at = from_ms(integer(row, 8));
  r.status = request_status_from_string(text(row, 9)).value_or(RequestStatus::rejected);
  r.closed_by = text(row, 10);
  r.closed_reason = text(row, 11);
  r.closed_at = optional_time(row, 12);
  return r;
}

EmergencyRun emergency_from_row(const Row& row) {
  EmergencyRun e;
  e.id = integer(row, 0);
  e.plan_checksum = text(row, 2);
  e.plan = PlanFingerprint::from_json(text(row, 3));
  e.reason = text(row, 4);
  e.run_by = text(row, 5);
  e.run_at = from_ms(integer(row, 6));
  e.outcome = text(row, 7);
  e.reviewed_by = text(row, 8);
  e.review_comment = text(row, 9);
  e.reviewed_at = optional_time(row, 10);
  return e;
}

ScheduledRun schedule_from_row(const Row& row) {
  ScheduledRun s;
  s.id = integer(row, 0);
  s.environment = text(row, 1);
  s.plan_checksum = text(row, 2);
  if (row.at(3)) s.request_id = integer(row, 3);
  s.at = from_ms(integer(row, 4));
  s.options = text(row, 5);
  s.status = schedule_status_from_string(text(row, 6)).value_or(ScheduleStatus::failed);
  s.created_by = text(row, 7);
  s.created_at = from_ms(integer(row, 8));
  s.claimed_by = text(row, 9);
  s.claimed_at = optional_time(row, 10);
  s.finished_at = optional_time(row, 11);
  s.message = text(row, 12);
  return s;
}

std::int64_t last_id(Connection& db) {
  return integer(db.query("SELECT last_insert_rowid()").rows.at(0), 0);
}

}  // namespace

std::string_view to_string(RequestStatus status) noexcept {
  switch (status) {
    case RequestStatus::open:
      return "open";
    case RequestStatus::rejected:
      return "rejected";
    case RequestStatus::executed:
      return "executed";
  }
  return "rejected";
}

std::optional<RequestStatus> request_status_from_string(std::string_view text) noexcept {
  for (auto s : {RequestStatus::open, RequestStatus::rejected, RequestStatus::executed}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

std::string_view to_string(ScheduleStatus status) noexcept {
  switch (status) {
    case ScheduleStatus::pending:
      return "pending";
    case ScheduleStatus::running:
      return "running";
    case ScheduleStatus::done:
      return "done";
    case ScheduleStatus::failed:
      return "failed";
    case ScheduleStatus::cancelled:
      return "cancelled";
  }
  return "failed";
}

std::optional<ScheduleStatus> schedule_status_from_string(std::string_view text) noexcept {
  for (auto s : {ScheduleStatus::pending, ScheduleStatus::running, ScheduleStatus::done,
                 ScheduleStatus::failed, ScheduleStatus::cancelled}) {
    if (text == to_string(s)) return s;
  }
  return std::nullopt;
}

StateStore::StateStore(const std::filesystem::path& file) : file_(file) {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  if (ec) {
    throw Error(ErrorCode::io_error,
                fmt::format("cannot create the directory of the governance state file {}: {}",
                            file.string(), ec.message()),
                "set \"state_file\" in migcmd.json to a writable place");
  }
  db_ = sqlite::connect("sqlite:" + file.string());
  // Writers queue behind each other's short transactions rather than failing at once.
  db_->execute("PRAGMA busy_timeout = 30000");
  WriteTransaction tx(*db_);
  for (const char* sql : schema_sql) db_->execute(sql);
  tx.commit();
}

StateStore::~StateStore() = default;

// --- Environment locks

std::optional<EnvironmentLock> StateStore::environment_lock(std::string_view environment) {
  const auto result = db_->query(
      "SELECT environment, locked_by, reason, locked_at FROM environment_locks WHERE environment "
      "= :p0",
      {std::string(environment)});
  if (result.rows.empty()) return std::nullopt;
  const Row& row = result.rows.front();
  return EnvironmentLock{text(row, 0), text(row, 1), text(row, 2), from_ms(integer(row, 3))};
}

std::vector<EnvironmentLock> StateStore::environment_locks() {
  std::vector<EnvironmentLock> out;
  for (const auto& row : db_->query("SELECT environment, locked_by, reason, locked_at FROM "
                                    "environment_locks ORDER BY environment")
                             .rows) {
    out.push_back({text(row, 0), text(row, 1), text(row, 2), from_ms(integer(row, 3))});
  }
  return out;
}

EnvironmentLock StateStore::lock_environment(const std::string& environment,
                                             const std::string& user, const std::string& reason,
                                             TimePoint now) {
  WriteTransaction tx(*db_);
  if (auto held = environment_lock(environment)) {
    throw Error(
        ErrorCode::refused,
        fmt::format("environment {} is already locked by {} since {}: {}", environment,
                    held->locked_by, format_utc(held->locked_at), held->reason),
        fmt::format("`migcmd env unlock {}` first if the lock is no longer needed", environment));
  }
  db_->execute(
      "INSERT INTO environment_locks (environment, locked_by, reason, locked_at) VALUES (:p0, "
      ":p1, :p2, :p3)",
      {environment, user, reason, static_cast<long long>(to_ms(now))});
  tx.commit();
  return {environment, user, reason, from_ms(to_ms(now))};
}

std::optional<EnvironmentLock> StateStore::unlock_environment(const std::string& environment) {
  WriteTransaction tx(*db_);
  auto held = environment_lock(environment);
  if (held) db_->execute("DELETE FROM environment_locks WHERE environment = :p0", {environment});
  tx.commit();
  return held;
}

// --- Approval requests

std::int64_t StateStore::add_request(const ApprovalRequest& request) {
  WriteTransaction tx(*db_);
  db_->execute(
      "INSERT INTO approval_requests (environment, direction, plan_checksum, plan_json, risk, "
      "reason, requested_by, requested_at) VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6, :p7)",
      {request.plan.environment, request.plan.direction,
       request.plan_checksum.empty() ? request.plan.checksum() : request.plan_checksum,
       request.plan.to_json(), std::string(to_string(request.risk)), request.reason,
       request.requested_by, static_cast<long long>(to_ms(request.requested_at))});
  const auto id = last_id(*db_);
  tx.commit();
  return id;
}

std::optional<ApprovalRequest> StateStore::find_request(std::int64_t id) {
  const auto result =
      db_->query(fmt::format("SELECT {} FROM approval_requests WHERE id = :p0", request_columns),
                 {static_cast<long long>(id)});
  if (result.rows.empty()) return std::nullopt;
  ApprovalRequest r = request_from_row(result.rows.front());
  for (const auto& row :
       db_->query("SELECT actor, roles, kind, comment, plan_checksum, at FROM approval_votes "
                  "WHERE request_id = :p0 ORDER BY id",
                  {static_cast<long long>(id)})
           .rows) {
    ApprovalVote v;
    v.user = text(row, 0);
    v.roles = split(text(row, 1));
    v.kind = text(row, 2) == "reject" ? VoteKind::reject : VoteKind::approve;
    v.comment = text(row, 3);
    v.plan_checksum = text(row, 4);
    v.at = from_ms(integer(row, 5));
    r.votes.push_back(std::move(v));
  }
  return r;
}

ApprovalRequest StateStore::request(std::int64_t id) {
  if (auto r = find_request(id)) return *r;
  throw Error(ErrorCode::usage, fmt::format("there is no approval request #{}", id),
              "`migcmd approvals --all` lists the requests");
}

std::vector<ApprovalRequest> StateStore::requests(const RequestFilter& filter) {
  std::string sql = "SELECT id FROM approval_requests WHERE 1 = 1";
  std::vector<Value> parameters;
  if (!filter.environment.empty()) {
    sql += " AND environment = :p0";
    parameters.emplace_back(filter.environment);
  }
  if (!filter.include_closed) sql += " AND status = 'open'";
  sql += " ORDER BY id DESC";
  std::vector<ApprovalRequest> out;
  for (const auto& row : db_->query(sql, parameters).rows) out.push_back(request(integer(row, 0)));
  return out;
}

std::vector<ApprovalRequest> StateStore::open_requests_for(std::string_view plan_checksum) {
  std::vector<ApprovalRequest> out;
  for (const auto& row : db_->query("SELECT id FROM approval_requests WHERE plan_checksum = :p0 "
                                    "AND status = 'open' ORDER BY id DESC",
                                    {std::string(plan_checksum)})
                             .rows) {
    out.push_back(request(integer(row, 0)));
  }
  return out;
}

namespace {

void require_open(const ApprovalRequest& r) {
  if (r.status == RequestStatus::open) return;
  throw Error(
      ErrorCode::refused,
      r.status == RequestStatus::rejected
          ? fmt::format("request #{} was rejected by {}: {}", r.id, r.closed_by, r.closed_reason)
          : fmt::format("request #{} was already used by a run ({})", r.id,
                        r.closed_reason.empty() ? r.closed_by : r.closed_reason),
      "a new request is needed: `migcmd request`");
}

}  // namespace

ApprovalRequest StateStore::add_vote(std::int64_t id, const ApprovalVote& vote) {
  WriteTransaction tx(*db_);
  require_open(request(id));
  const bool rejecting = vote.kind == VoteKind::reject;
  db_->execute(
      "INSERT INTO approval_votes (request_id, actor, roles, kind, comment, plan_checksum, at) "
      "VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6)",
      {static_cast<long long>(id), vote.user, join(vote.roles),
       std::string(rejecting ? "reject" : "approve"), vote.comment, vote.plan_checksum,
       static_cast<long long>(to_ms(vote.at))});
  if (rejecting) {
    db_->execute(
        "UPDATE approval_requests SET status = 'rejected', closed_by = :p0, closed_reason = :p1, "
        "closed_at = :p2 WHERE id = :p3",
        {vote.user, vote.comment, static_cast<long long>(to_ms(vote.at)),
         static_cast<long long>(id)});
  }
  tx.commit();
  return request(id);
}

ApprovalRequest StateStore::mark_request_executed(std::int64_t id, const std::string& by,
                                                  const std::string& note, TimePoint now) {
  WriteTransaction tx(*db_);
  require_open(request(id));
  db_->execute(
      "UPDATE approval_requests SET status = 'executed', closed_by = :p0, closed_reason = :p1, "
      "closed_at = :p2 WHERE id = :p3",
      {by, note, static_cast<long long>(to_ms(now)), static_cast<long long>(id)});
  tx.commit();
  return request(id);
}

// --- Emergency runs

std::int64_t StateStore::add_emergency(const EmergencyRun& run) {
  WriteTransaction tx(*db_);
  db_->execute(
      "INSERT INTO emergency_runs (environment, plan_checksum, plan_json, reason, run_by, run_at, "
      "outcome) VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6)",
      {run.plan.environment, run.plan_checksum.empty() ? run.plan.checksum() : run.plan_checksum,
       run.plan.to_json(), run.reason, run.run_by, static_cast<long long>(to_ms(run.run_at)),
       run.outcome});
  const auto id = last_id(*db_);
  tx.commit();
  return id;
}

std::optional<EmergencyRun> StateStore::find_emergency(std::int64_t id) {
  const auto result =
      db_->query(fmt::format("SELECT {} FROM emergency_runs WHERE id = :p0", emergency_columns),
                 {static_cast<long long>(id)});
  if (result.rows.empty()) return std::nullopt;
  return emergency_from_row(result.rows.front());
}

std::vector<EmergencyRun> StateStore::emergency_runs(bool include_reviewed) {
  std::vector<EmergencyRun> out;
  for (const auto& row :
       db_->query(fmt::format("SELECT {} FROM emergency_runs {} ORDER BY id DESC",
                              emergency_columns, include_reviewed ? "" : "WHERE reviewed_by = ''"))
           .rows) {
    out.push_back(emergency_from_row(row));
  }
  return out;
}

void StateStore::set_emergency_outcome(std::int64_t id, const std::string& outcome) {
  WriteTransaction tx(*db_);
  db_->execute("UPDATE emergency_runs SET outcome = :p0 WHERE id = :p1",
               {outcome, static_cast<long long>(id)});
  tx.commit();
}

EmergencyRun StateStore::mark_reviewed(std::int64_t id, const std::string& user,
                                       const std::string& comment, TimePoint now) {
  WriteTransaction tx(*db_);
  auto run = find_emergency(id);
  if (!run) {
    throw Error(ErrorCode::usage, fmt::format("there is no emergency run #{}", id),
                "`migcmd approvals --post-review` lists them");
  }
  if (run->reviewed()) {
    throw Error(ErrorCode::refused,
                fmt::format("emergency run #{} was already reviewed by {} at {}", id,
                            run->reviewed_by, format_utc(*run->reviewed_at)));
  }
  db_->execute(
      "UPDATE emergency_runs SET reviewed_by = :p0, review_comment = :p1, reviewed_at = :p2 "
      "WHERE id = :p3",
      {user, comment, static_cast<long long>(to_ms(now)), static_cast<long long>(id)});
  tx.commit();
  return *find_emergency(id);
}

// --- Scheduled runs

std::int64_t StateStore::add_schedule(const ScheduledRun& run) {
  WriteTransaction tx(*db_);
  Value request_id;
  if (run.request_id) request_id = static_cast<long long>(*run.request_id);
  db_->execute(
      "INSERT INTO scheduled_runs (environment, plan_checksum, request_id, run_at, options, "
      "created_by, created_at) VALUES (:p0, :p1, :p2, :p3, :p4, :p5, :p6)",
      {run.environment, run.plan_checksum, request_id, static_cast<long long>(to_ms(run.at)),
       run.options, run.created_by, static_cast<long long>(to_ms(run.created_at))});
  const auto id = last_id(*db_);
  tx.commit();
  return id;
}

std::optional<ScheduledRun> StateStore::find_schedule(std::int64_t id) {
  const auto result =
      db_->query(fmt::format("SELECT {} FROM scheduled_runs WHERE id = :p0", schedule_columns),
                 {static_cast<long long>(id)});
  if (result.rows.empty()) return std::nullopt;
  return schedule_from_row(result.rows.front());
}

std::vector<ScheduledRun> StateStore::schedules(bool include_finished) {
  std::vector<ScheduledRun> out;
  for (const auto& row :
       db_->query(fmt::format("SELECT {} FROM scheduled_runs {} ORDER BY run_at, id",
                              schedule_columns,
                              include_finished ? "" : "WHERE status IN ('pending', 'running')"))
           .rows) {
    out.push_back(schedule_from_row(row));
  }
  return out;
}

std::vector<ScheduledRun> StateStore::due_schedules(TimePoint now) {
  std::vector<ScheduledRun> out;
  for (const auto& row :
       db_->query(fmt::format("SELECT {} FROM scheduled_runs WHERE status = 'pending' AND run_at "
                              "<= :p0 ORDER BY run_at, id",
                              schedule_columns),
                  {static_cast<long long>(to_ms(now))})
           .rows) {
    out.push_back(schedule_from_row(row));
  }
  return out;
}

bool StateStore::claim_schedule(std::int64_t id, const std::string& agent, TimePoint now) {
  WriteTransaction tx(*db_);
  // The status test and the change are one statement under the write lock: whoever comes second
  // finds it no longer pending.
  db_->execute(
      "UPDATE scheduled_runs SET status = 'running', claimed_by = :p0, claimed_at = :p1 "
      "WHERE id = :p2 AND status = 'pending'",
      {agent, static_cast<long long>(to_ms(now)), static_cast<long long>(id)});
  const bool claimed = integer(db_->query("SELECT changes()").rows.at(0), 0) == 1;
  tx.commit();
  return claimed;
}

std::optional<ScheduledRun> StateStore::claim_next_due(const std::string& agent, TimePoint now) {
  WriteTransaction tx(*db_);
  const auto due = db_->query(
      "SELECT id FROM scheduled_runs WHERE status = 'pending' AND run_at <= :p0 "
      "ORDER BY run_at, id LIMIT 1",
      {static_cast<long long>(to_ms(now))});
  if (due.rows.empty()) return std::nullopt;
  const auto id = integer(due.rows.front(), 0);
  db_->execute(
      "UPDATE scheduled_runs SET status = 'running', claimed_by = :p0, claimed_at = :p1 "
      "WHERE id = :p2 AND status = 'pending'",
      {agent, static_cast<long long>(to_ms(now)), static_cast<long long>(id)});
  tx.commit();
  return find_schedule(id);
}

ScheduledRun StateStore::finish_schedule(std::int64_t id, const std::string& agent, bool succeeded,
                                         const std::string& message, TimePoint now) {
  WriteTransaction tx(*db_);
  auto run = find_schedule(id);
  if (!run) throw Error(ErrorCode::usage, fmt::format("there is no scheduled run #{}", id));
  if (run->status != ScheduleStatus::running || run->claimed_by != agent) {
    throw Error(
        ErrorCode::refused,
        fmt::format(
            "scheduled run #{} is {}{}, not running under {}", id, to_string(run->status),
            run->claimed_by.empty() ? std::string() : " (claimed by " + run->claimed_by + ")",
            agent));
  }
  db_->execute(
      "UPDATE scheduled_runs SET status = :p0, finished_at = :p1, message = :p2 WHERE id = :p3",
      {std::string(succeeded ? "done" : "failed"), static_cast<long long>(to_ms(now)), message,
       static_cast<long long>(id)});
  tx.commit();
  return *find_schedule(id);
}

ScheduledRun StateStore::cancel_schedule(std::int64_t id, const std::string& user,
                                         const std::string& reason, TimePoint now) {
  WriteTransaction tx(*db_);
  auto run = find_schedule(id);
  if (!run) throw Error(ErrorCode::usage, fmt::format("there is no scheduled run #{}", id));
  if (run->status != ScheduleStatus::pending) {
    throw Error(ErrorCode::refused, fmt::format("scheduled run #{} cannot be cancelled: it is {}",
                                                id, to_string(run->status)));
  }
  db_->execute(
      "UPDATE scheduled_runs SET status = 'cancelled', finished_at = :p0, message = :p1 "
      "WHERE id = :p2",
      {static_cast<long long>(to_ms(now)),
       fmt::format("cancelled by {}{}", user, reason.empty() ? "" : ": " + reason),
       static_cast<long long>(id)});
  tx.commit();
  return *find_schedule(id);
}

std::vector<ScheduledRun> StateStore::interrupted_schedules(const std::string& agent) {
  std::vector<ScheduledRun> out;
  std::vector<Value> parameters;
  std::string where = "status = 'running'";
  if (!agent.empty()) {
    where += " AND claimed_by = :p0";
    parameters.emplace_back(agent);
  }
  for (const auto& row :
       db_->query(fmt::format("SELECT {} FROM scheduled_runs WHERE {} ORDER BY run_at, id",
                              schedule_columns, where),
                  parameters)
           .rows) {
    out.push_back(schedule_from_row(row));
  }
  return out;
}

// --- Granted roles

namespace {

constexpr const char* grant_columns = "user_name, role, granted_by, reason, granted_at";

RoleGrant grant_from_row(const Row& row) {
  return {text(row, 0), text(row, 1), text(row, 2), text(row, 3), from_ms(integer(row, 4))};
}

}  // namespace

RoleGrant StateStore::add_role_grant(const RoleGrant& grant) {
  WriteTransaction tx(*db_);
  const auto held = db_->query(
      fmt::format("SELECT {} FROM role_grants WHERE user_name = :p0 AND role = :p1", grant_columns),
      {grant.user, grant.role});
  if (!held.rows.empty()) {
    const RoleGrant existing = grant_from_row(held.rows.front());
    throw Error(ErrorCode::refused,
                fmt::format("{} already holds role {}, granted by {} at {}: {}", existing.user,
                            existing.role, existing.granted_by, format_utc(existing.granted_at),
                            existing.reason),
                "`migcmd roles` lists the granted roles");
  }
  db_->execute(
      fmt::format("INSERT INTO role_grants ({}) VALUES (:p0, :p1, :p2, :p3, :p4)", grant_columns),
      {grant.user, grant.role, grant.granted_by, grant.reason,
       static_cast<long long>(to_ms(grant.granted_at))});
  tx.commit();
  RoleGrant stored = grant;
  stored.granted_at = from_ms(to_ms(grant.granted_at));
  return stored;
}

std::optional<RoleGrant> StateStore::remove_role_grant(const std::string& user,
                                                       const std::string& role) {
  WriteTransaction tx(*db_);
  const auto held = db_->query(
      fmt::format("SELECT {} FROM role_grants WHERE user_name = :p0 AND role = :p1", grant_columns),
      {user, role});
  if (held.rows.empty()) return std::nullopt;
  db_->execute("DELETE FROM role_grants WHERE user_name = :p0 AND role = :p1", {user, role});
  tx.commit();
  return grant_from_row(held.rows.front());
}

std::vector<RoleGrant> StateStore::role_grants() {
  std::vector<RoleGrant> out;
  for (const auto& row :
       db_->query(fmt::format("SELECT {} FROM role_grants ORDER BY user_name, role", grant_columns))
           .rows) {
    out.push_back(grant_from_row(row));
  }
  return out;
}

// --- The settings fingerprint

std::optional<std::string> StateStore::settings_fingerprint() {
  const auto result =
      db_->query("SELECT value FROM governance_settings WHERE key = 'settings_fingerprint'");
  if (result.rows.empty()) return std::nullopt;
  return text(result.rows.front(), 0);
}

std::optional<std::string> StateStore::swap_settings_fingerprint(const std::string& fingerprint,
                                                                 TimePoint now) {
  WriteTransaction tx(*db_);
  auto previous = settings_fingerprint();
  db_->execute(
      "INSERT INTO governance_settings (key, value, updated_at) VALUES "
      "('settings_fingerprint', :p0, :p1) ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
      " updated_at = excluded.updated_at",
      {fingerprint, static_cast<long long>(to_ms(now))});
  tx.commit();
  return previous;
}

}  // namespace migcmd::governance
