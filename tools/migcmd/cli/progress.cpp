#include "cli/progress.hpp"

#include <fmt/format.h>

#include "migcmd/migration_script.hpp"

namespace migcmd::cli {
namespace {

std::string history_key(const MigrationScript& m) {
  return m.kind == MigrationKind::repeatable ? "R__" + m.name : m.version;
}

// The first line of a statement, shortened to fit a progress line.
std::string one_line(const std::string& sql, std::size_t width) {
  std::string text = sql.substr(0, sql.find('\n'));
  if (text.size() > width) text = text.substr(0, width - 3) + "...";
  return text;
}

}  // namespace

ProgressListener::~ProgressListener() {
  clear_live_line();
}

void ProgressListener::clear_live_line() {
  if (!live_line_shown_) return;
  output_.note_stream() << "\r\x1b[K" << std::flush;
  live_line_shown_ = false;
}

void ProgressListener::draw_live_line(const std::string& text) {
  if (!output_.live()) return;
  output_.note_stream() << "\r\x1b[K" << text << std::flush;
  live_line_shown_ = true;
}

void ProgressListener::waiting_for_lock(const std::string& holder) {
  clear_live_line();
  output_.note(fmt::format("waiting for the migration lock held by {}", holder));
}

void ProgressListener::migration_started(const PlannedStep& step) {
  draw_live_line(fmt::format("{} {} ...",
                             step.direction == Direction::up ? "applying" : "rolling back",
                             step.migration->display_name()));
}

void ProgressListener::statement_done(const StatementEvent& event) {
  const std::string name = event.migration ? event.migration->display_name() : std::string();
  if (output_.verbose()) {
    clear_live_line();
    output_.note(fmt::format("-- {} statement {}/{} ({:.1f} ms)\n{};", name, event.index + 1,
                             event.total, static_cast<double>(event.duration.count()) / 1000.0,
                             event.sql));
  }
  draw_live_line(fmt::format("{}: statement {}/{}  {}", name, event.index + 1, event.total,
                             one_line(event.sql, 50)));
}

void ProgressListener::migration_done(const PlannedStep& step, std::chrono::milliseconds duration) {
  clear_live_line();
  const MigrationScript& m = *step.migration;
  finished_.push_back({history_key(m), m.display_name(), step.direction, duration});
  const char* verb = step.direction == Direction::up ? "applied" : "rolled back";
  if (dry_run_) {
    output_.line(fmt::format("tried {} ({} ms, then rolled back: dry run)", m.display_name(),
                             duration.count()));
  } else {
    output_.line(fmt::format("{} {} ({} ms)", verb, m.display_name(), duration.count()));
  }
}

void ProgressListener::migration_failed(const PlannedStep&, const std::string&, int) {
  clear_live_line();  // the error itself is reported once, by the command's caller
}

}  // namespace migcmd::cli
