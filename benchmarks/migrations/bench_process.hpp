#pragma once
// Running the competitors as processes: wall time and peak resident memory, each measured on the
// process itself (commands start with `exec` so the shell becomes the tool).

#include <string>
#include <vector>

namespace bench {

struct ProcessRun {
  double ms = 0;
  long max_rss_kb = 0;  // of the process (wait4's ru_maxrss)
};

// Runs `command` with /bin/sh -c, stdin from `input` (a file; empty: /dev/null), stdout and
// stderr discarded unless `log` names a file. Exits the benchmark with the command and its status
// when it fails: a benchmark that measured a failure measured nothing.
ProcessRun run(const std::string& command, const std::string& input = {},
               const std::string& log = {});

// Starts every command at once and waits for all; returns the time until the last one ended.
double run_together(const std::vector<std::string>& commands);

[[nodiscard]] double median(std::vector<double> values);
// Single quotes for /bin/sh.
[[nodiscard]] std::string quoted(const std::string& text);

}  // namespace bench
