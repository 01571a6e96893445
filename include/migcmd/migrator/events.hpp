#pragma once
// Events of a migration run, for progress displays, logs, metrics and governance hooks.

#include <chrono>
#include <string>
#include <vector>

#include "migcmd/migration_script.hpp"

namespace migcmd {

enum class Direction { up, down };

struct PlannedStep {
  const MigrationScript* migration = nullptr;
  Direction direction = Direction::up;
  bool resume = false;      // continues a failed migration from statements_done
  int first_statement = 0;  // 0-based index of the first statement to run
};

struct Plan {
  std::vector<PlannedStep> steps;
  bool dry_run = false;
};

struct StatementEvent {
  const MigrationScript* migration = nullptr;
  int index = 0;  // 0-based
  int total = 0;
  std::string sql;
  std::chrono::microseconds duration{0};
  long long rows_affected = -1;  // -1: unknown
};

class MigrationListener {
 public:
  virtual ~MigrationListener() = default;
  virtual void plan_ready(const Plan&) {}
  virtual void waiting_for_lock(const std::string& /*holder description*/) {}
  virtual void migration_started(const PlannedStep&) {}
  virtual void statement_done(const StatementEvent&) {}
  virtual void migration_done(const PlannedStep&, std::chrono::milliseconds) {}
  virtual void migration_failed(const PlannedStep&, const std::string& /*error*/,
                                int /*statement*/) {}
};

}  // namespace migcmd
