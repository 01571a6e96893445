// The history table and its lock-info companion, described in the schema model so that every
// dialect renders its own DDL; rows are written with the dialect's escaped literals.

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/error.hpp"
#include "migcmd/migrator/history.hpp"

namespace migcmd {
namespace {

Table history_definition(const QualifiedName& name) {
  Table t;
  t.name = name;
  t.columns = {
      {"version", Type::string(100), false},     {"name", Type::string(255), false},
      {"kind", Type::string(20), false},         {"source", Type::string(500), false},
      {"checksum", Type::string(64), false},     {"down_checksum", Type::string(64)},
      {"applied_at", Type::datetime(), false},   {"applied_by", Type::string(255), false},
      {"execution_ms", Type::int64(), false},    {"status", Type::string(20), false},
      {"batch", Type::int32(), false},           {"error", Type::text()},
      {"statements_done", Type::int32(), false}, {"statements_total", Type::int32(), false},
      {"tool_version", Type::string(50), false},
  };
  // The key makes exactly-once a property of the table too: a second row for a version fails.
  t.primary_key = PrimaryKey{"pk_" + name.name, {"version"}};
  return t;
}

Table lock_definition(const QualifiedName& name) {
  Table t;
  t.name = name;
  t.columns = {
      {"id", Type::int32(), false},
      {"holder", Type::string(255), false},
      {"host", Type::string(255), false},
      {"pid", Type::int64(), false},
      {"os_user", Type::string(255), false},
      {"since", Type::datetime(), false},
      {"session_id", Type::string(100), false},
  };
  t.primary_key = PrimaryKey{"pk_" + name.name, {"id"}};
  return t;
}

constexpr const char* history_columns =
    "version, name, kind, source, checksum, down_checksum, applied_at, applied_by, execution_ms, "
    "status, batch, error, statements_done, statements_total, tool_version";

// DATETIME columns come back as "2025-01-14 12:00:00", "...00.000000" or "...00+00": the first
// 19 characters are the same everywhere.
std::string timestamp_text(const std::optional<std::string>& cell) {
  std::string text = cell.value_or("");
  if (text.size() > 19) text.resize(19);
  if (text.size() > 10 && text[10] == 'T') text[10] = ' ';
  return text;
}

MigrationStatus status_from(const std::string& text, const std::string& version) {
  for (auto s : {MigrationStatus::applied, MigrationStatus::failed, MigrationStatus::rolled_back}) {
    if (to_string(s) == text) return s;
  }
  throw Error(ErrorCode::validation_failed,
              fmt::format("history row {} has an unknown status \"{}\"", version, text),
              "the history table was edited by hand; fix the row or run `migcmd repair`");
}

}  // namespace

std::string_view to_string(MigrationStatus status) noexcept {
  switch (status) {
    case MigrationStatus::applied:
      return "applied";
    case MigrationStatus::failed:
      return "failed";
    case MigrationStatus::rolled_back:
      return "rolled_back";
  }
  return "applied";
}

HistoryStore::HistoryStore(Connection& connection, const Dialect& dialect, QualifiedName table)
    : connection_(connection), dialect_(dialect), table_(std::move(table)) {}

QualifiedName HistoryStore::lock_table() const {
  return {table_.schema, table_.name + "_lock"};
}

bool HistoryStore::exists() {
  return table_exists(table_);
}

// A portable probe: the query fails exactly when the table is missing.
bool HistoryStore::table_exists(const QualifiedName& name) {
  try {
    (void)connection_.query(fmt::format("SELECT 1 FROM {} WHERE 1 = 0", dialect_.quote_name(name)));
    return true;
  } catch (const DatabaseError&) {
    return false;
  }
}

SqlCommands HistoryStore::create_sql(const Dialect& dialect, const QualifiedName& table) {
  const QualifiedName lock{table.schema, table.name + "_lock"};
  OperationList ops;
  if (!table.schema.empty() && dialect.capabilities().schemas) {
    ops.push_back(EnsureSchema{table.schema});
  }
  ops.push_back(CreateTable{lock_definition(lock)});
  ops.push_back(CreateTable{history_definition(table)});
  return dialect.generate(ops);
}

void HistoryStore::ensure() {
  if (exists()) return;
  // Several processes may get here at once: a CREATE that fails is fine when the table exists
  // afterwards (another process made it).
  auto create = [&](const QualifiedName& name, const Table& definition) {
    if (table_exists(name)) return;
    try {
      for (const auto& command : dialect_.generate({CreateTable{definition}})) {
        connection_.execute(command.sql);
      }
    } catch (const DatabaseError&) {
      if (!table_exists(name)) throw;
    }
  };
  if (!table_.schema.empty() && dialect_.capabilities().schemas) {
    try {
      for (const auto& command : dialect_.generate({EnsureSchema{table_.schema}})) {
        connection_.execute(command.sql);
      }
    } catch (const DatabaseError&) {
      // Raced with another process; creating the tables below fails if it really is missing.
    }
  }
  // The history table comes last: once it exists, so does everything it needs.
  create(lock_table(), lock_definition(lock_table()));
  create(table_, history_definition(table_));
}

std::vector<HistoryRow> HistoryStore::rows() {
  QueryResult result = connection_.query(
      fmt::format("SELECT {} FROM {}", history_columns, dialect_.quote_name(table_)));
  std::vector<HistoryRow> out;
  out.reserve(result.rows.size());
  for (auto& r : result.rows) {
    // Moved out of the result, not copied: a start-up check reads every row of a long history.
    auto text = [&](std::size_t i) { return std::move(r.at(i)).value_or(std::string()); };
    auto number = [&](std::size_t i) -> std::int64_t {
      const auto& t = r.at(i);
      return !t || t->empty() ? 0 : std::stoll(*t);
    };
    HistoryRow row;
    row.applied_at = timestamp_text(r.at(6));
    row.execution_ms = number(8);
    row.batch = static_cast<int>(number(10));
    row.statements_done = static_cast<int>(number(12));
    row.statements_total = static_cast<int>(number(13));
    row.version = text(0);
    row.name = text(1);
    row.kind = text(2);
    row.source = text(3);
    row.checksum = text(4);
    row.down_checksum = text(5);
    row.applied_by = text(7);
    row.status = status_from(r.at(9).value_or(""), row.version);
    row.error = text(11);
    row.tool_version = text(14);
    out.push_back(std::move(row));
  }
  const auto earlier = [](const HistoryRow& a, const HistoryRow& b) {
    return std::tie(a.applied_at, a.version) < std::tie(b.applied_at, b.version);
  };
  // Usually already in that order (rows are inserted as they are applied).
  if (!std::is_sorted(out.begin(), out.end(), earlier)) std::sort(out.begin(), out.end(), earlier);
  return out;
}

std::vector<HistoryRow> HistoryStore::planning_rows() {
  QueryResult result = connection_.query(
      fmt::format("SELECT version, kind, checksum, status, statements_done FROM {}",
                  dialect_.quote_name(table_)));
  std::vector<HistoryRow> out;
  out.reserve(result.rows.size());
  for (auto& r : result.rows) {
    HistoryRow row;
    row.version = std::move(r.at(0)).value_or(std::string());
    row.kind = std::move(r.at(1)).value_or(std::string());
    row.checksum = std::move(r.at(2)).value_or(std::string());
    row.status = status_from(r.at(3).value_or(""), row.version);
    const auto& done = r.at(4);
    row.statements_done = !done || done->empty() ? 0 : std::stoi(*done);
    out.push_back(std::move(row));
  }
  return out;
}

std::string HistoryStore::insert_sql(const HistoryRow& row) const {
  auto lit = [&](const Value& v) { return dialect_.literal(v); };
  auto opt = [&](const std::string& s) { return s.empty() ? std::string("NULL") : lit(s); };
  return fmt::format(
      "INSERT INTO {} ({}) VALUES ({}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})",
      dialect_.quote_name(table_), history_columns, lit(row.version), lit(row.name), lit(row.kind),
      lit(row.source), lit(row.checksum), opt(row.down_checksum), lit(row.applied_at),
      lit(row.applied_by), lit(Value{static_cast<long long>(row.execution_ms)}),
      lit(std::string(to_string(row.status))), lit(row.batch), opt(row.error),
      lit(row.statements_done), lit(row.statements_total), lit(row.tool_version));
}

std::string HistoryStore::update_sql(const HistoryRow& row) const {
  auto lit = [&](const Value& v) { return dialect_.literal(v); };
  auto opt = [&](const std::string& s) { return s.empty() ? std::string("NULL") : lit(s); };
  return fmt::format(
      "UPDATE {} SET name = {}, kind = {}, source = {}, checksum = {}, down_checksum = {}, "
      "applied_at = {}, applied_by = {}, execution_ms = {}, status = {}, batch = {}, error = {}, "
      "statements_done = {}, statements_total = {}, tool_version = {} WHERE version = {}",
      dialect_.quote_name(table_), lit(row.name), lit(row.kind), lit(row.source), lit(row.checksum),
      opt(row.down_checksum), lit(row.applied_at), lit(row.applied_by),
      lit(Value{static_cast<long long>(row.execution_ms)}), lit(std::string(to_string(row.status))),
      lit(row.batch), opt(row.error), lit(row.statements_done), lit(row.statements_total),
      lit(row.tool_version), lit(row.version));
}

std::string HistoryStore::delete_sql(const std::string& version) const {
  return fmt::format("DELETE FROM {} WHERE version = {}", dialect_.quote_name(table_),
                     dialect_.literal(version));
}

void HistoryStore::insert(const HistoryRow& row) {
  connection_.execute(insert_sql(row));
}
void HistoryStore::update(const HistoryRow& row) {
  connection_.execute(update_sql(row));
}
void HistoryStore::remove(const std::string& version) {
  connection_.execute(delete_sql(version));
}

std::optional<LockInfo> HistoryStore::lock_info() {
  QueryResult result = connection_.query(
      fmt::format("SELECT holder, host, pid, os_user, since, session_id FROM {} WHERE id = 1",
                  dialect_.quote_name(lock_table())));
  if (result.rows.empty()) return std::nullopt;
  const Row& r = result.rows[0];
  LockInfo info;
  info.holder = r.at(0).value_or("");
  info.host = r.at(1).value_or("");
  info.pid = std::stoll(r.at(2).value_or("0"));
  info.user = r.at(3).value_or("");
  info.since = timestamp_text(r.at(4));
  info.session_id = r.at(5).value_or("");
  return info;
}

void HistoryStore::write_lock_info(const LockInfo& info) {
  clear_lock_info();
  auto lit = [&](const Value& v) { return dialect_.literal(v); };
  connection_.execute(fmt::format(
      "INSERT INTO {} (id, holder, host, pid, os_user, since, session_id) VALUES (1, {}, {}, {}, "
      "{}, {}, {})",
      dialect_.quote_name(lock_table()), lit(info.holder), lit(info.host),
      lit(Value{static_cast<long long>(info.pid)}), lit(info.user), lit(info.since),
      lit(info.session_id)));
}

void HistoryStore::clear_lock_info() {
  connection_.execute(
      fmt::format("DELETE FROM {} WHERE id = 1", dialect_.quote_name(lock_table())));
}

}  // namespace migcmd
