#pragma once
// Progress of up/down as it happens: one line per finished migration, a live line redrawn per
// statement on a terminal, each statement with --verbose, and the lock wait. Also keeps the
// durations for the JSON report.

#include <chrono>
#include <string>
#include <vector>

#include "cli/output.hpp"
#include "migcmd/migrator/events.hpp"

namespace migcmd::cli {

struct FinishedMigration {
  std::string version;  // the history key ("20250114120000", "R__views")
  std::string name;     // display name ("20250114120000_create_users")
  Direction direction = Direction::up;
  std::chrono::milliseconds duration{0};
};

class ProgressListener : public MigrationListener {
 public:
  ProgressListener(Output& output, bool dry_run) : output_(output), dry_run_(dry_run) {}
  ~ProgressListener() override;

  void waiting_for_lock(const std::string& holder) override;
  void migration_started(const PlannedStep& step) override;
  void statement_done(const StatementEvent& event) override;
  void migration_done(const PlannedStep& step, std::chrono::milliseconds duration) override;
  void migration_failed(const PlannedStep& step, const std::string& error, int statement) override;

  [[nodiscard]] const std::vector<FinishedMigration>& finished() const noexcept {
    return finished_;
  }

 private:
  void clear_live_line();
  void draw_live_line(const std::string& text);

  Output& output_;
  bool dry_run_;
  bool live_line_shown_ = false;
  std::vector<FinishedMigration> finished_;
};

}  // namespace migcmd::cli
