// What the database has applied compared with the migrations: status and validation. Nothing here
// changes the database.

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "migcmd/error.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migrator/migrator_internal.hpp"
#include "migrator/migrator_session.hpp"

namespace migcmd {

std::string_view to_string(MigrationState state) noexcept {
  switch (state) {
    case MigrationState::pending:
      return "pending";
    case MigrationState::applied:
      return "applied";
    case MigrationState::failed:
      return "failed";
    case MigrationState::rolled_back:
      return "rolled_back";
    case MigrationState::changed:
      return "changed";
    case MigrationState::missing:
      return "missing";
    case MigrationState::out_of_order:
      return "out_of_order";
    case MigrationState::outdated:
      return "outdated";
  }
  return "pending";
}

namespace detail {

std::vector<MigrationStatusEntry> compute_status(const std::vector<MigrationScript>& migrations,
                                                 const std::vector<HistoryRow>& rows,
                                                 bool allow_out_of_order) {
  // Keyed by views into `rows`: a start-up check compares a long history with as many migrations.
  std::unordered_map<std::string_view, std::size_t> by_key;
  by_key.reserve(rows.size());
  std::string_view newest_applied;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const HistoryRow& row = rows[i];
    by_key.emplace(row.version, i);
    if (row.status == MigrationStatus::applied && row.kind != "repeatable" &&
        (newest_applied.empty() || compare_versions(row.version, newest_applied) > 0)) {
      newest_applied = row.version;
    }
  }
  // Versions are matched numerically ("000002" is "2"), so the lookup tolerates formats.
  auto find = [&](const MigrationScript& m, const std::string& key) -> std::optional<std::size_t> {
    if (auto it = by_key.find(key); it != by_key.end()) return it->second;
    if (m.kind == MigrationKind::repeatable) return std::nullopt;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].kind != "repeatable" && compare_versions(rows[i].version, key) == 0) return i;
    }
    return std::nullopt;
  };

  std::vector<MigrationStatusEntry> out;
  out.reserve(migrations.size());
  std::vector<bool> matched(rows.size(), false);
  for (const auto& m : migrations) {
    std::string key = history_key(m);
    const auto index = find(m, key);
    MigrationStatusEntry e{std::move(key),          m.name,       m.source,
                           MigrationState::pending, std::nullopt, m.checksum};
    const HistoryRow* row = index ? &rows[*index] : nullptr;
    if (row) {
      matched[*index] = true;
      e.history = *row;
    }
    if (!row || row->status == MigrationStatus::rolled_back) {
      e.state = row ? MigrationState::rolled_back : MigrationState::pending;
      if (m.kind == MigrationKind::versioned && !allow_out_of_order && !newest_applied.empty() &&
          compare_versions(m.version, newest_applied) < 0) {
        e.state = MigrationState::out_of_order;
      }
    } else if (row->status == MigrationStatus::failed) {
      e.state = MigrationState::failed;
    } else if (row->kind == "baseline") {
      e.state = MigrationState::applied;  // marked applied without running: no checksum to hold
    } else if (row->checksum != m.checksum) {
      e.state =
          m.kind == MigrationKind::repeatable ? MigrationState::outdated : MigrationState::changed;
    } else {
      e.state = MigrationState::applied;
    }
    out.push_back(std::move(e));
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const HistoryRow& row = rows[i];
    if (matched[i]) continue;
    if (row.status == MigrationStatus::rolled_back) continue;
    out.push_back({row.version, row.name, row.source, MigrationState::missing, row, {}});
  }
  return out;
}

std::vector<ValidationIssue> issues_of(const std::vector<MigrationStatusEntry>& entries,
                                       const std::vector<MigrationScript>& migrations) {
  std::vector<ValidationIssue> issues;
  for (const auto& e : entries) {
    switch (e.state) {
      case MigrationState::changed:
        issues.push_back(
            {e.version, e.source,
             fmt::format("{} changed after it was applied: the history records checksum {}, the "
                         "file now has {}",
                         e.source, e.history->checksum, e.checksum)});
        break;
      case MigrationState::missing:
        issues.push_back({e.version, e.source,
                          fmt::format("version {} ({}) is applied in the database but no migration "
                                      "has it any more",
                                      e.version, e.history->source)});
        break;
      case MigrationState::out_of_order:
        issues.push_back(
            {e.version, e.source,
             fmt::format("{} is pending but older than the newest applied version (out of "
                         "order); pass --allow-out-of-order to apply it anyway",
                         e.source)});
        break;
      case MigrationState::failed:
        // Nothing of it stayed applied (rolled back, or it failed at its first statement): it is
        // simply tried again. Only a partly applied migration needs a decision.
        if (e.history->statements_done == 0) break;
        issues.push_back(
            {e.version, e.source,
             fmt::format("{} failed after {} of its {} statements stayed applied: {}; fix the "
                         "cause, then run `migcmd up --resume` to continue at statement {}, or "
                         "`migcmd repair` to clear the failure",
                         e.source, e.history->statements_done, e.history->statements_total,
                         e.history->error, e.history->statements_done + 1)});
        break;
      default:
        break;
    }
  }
  // Declared dependencies must come earlier in the plan.
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    for (const auto& dep : migrations[i].metadata.dependencies) {
      auto it = std::find_if(migrations.begin(), migrations.end(), [&](const MigrationScript& m) {
        return compare_versions(m.version, dep) == 0;
      });
      if (it == migrations.end()) {
        issues.push_back({migrations[i].version, migrations[i].source,
                          fmt::format("{} depends on version {}, which no migration has",
                                      migrations[i].source, dep)});
      } else if (static_cast<std::size_t>(it - migrations.begin()) > i) {
        issues.push_back({migrations[i].version, migrations[i].source,
                          fmt::format("{} depends on version {}, which comes after it",
                                      migrations[i].source, dep)});
      }
    }
  }
  return issues;
}

}  // namespace detail

std::vector<MigrationStatusEntry> Migrator::status() {
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  return detail::compute_status(migrations_, session.read_history(false),
                                options_.allow_out_of_order);
}

std::vector<ValidationIssue> Migrator::validate() {
  detail::MigratorSession session(connection_, provider_, migrations_, options_);
  auto entries =
      detail::compute_status(migrations_, session.read_history(false), options_.allow_out_of_order);
  return detail::issues_of(entries, migrations_);
}

}  // namespace migcmd
