#include "bench_process.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace bench {
namespace {

using Clock = std::chrono::steady_clock;

pid_t start(const std::string& command, const std::string& input, const std::string& log) {
  const pid_t pid = fork();
  if (pid < 0) {
    fmt::print(stderr, "fork failed\n");
    std::exit(1);
  }
  if (pid == 0) {
    const int in = open(input.empty() ? "/dev/null" : input.c_str(), O_RDONLY);
    const int out = log.empty() ? open("/dev/null", O_WRONLY)
                                : open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

void check(int status, const std::string& command, const std::string& log) {
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  fmt::print(stderr, "benchmark command failed (status {}): {}{}\n",
             WIFEXITED(status) ? WEXITSTATUS(status) : -1, command,
             log.empty() ? "" : " (output in " + log + ")");
  std::exit(1);
}

}  // namespace

ProcessRun run(const std::string& command, const std::string& input, const std::string& log) {
  const auto began = Clock::now();
  const pid_t pid = start(command, input, log);
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) {
    fmt::print(stderr, "wait4 failed for {}\n", command);
    std::exit(1);
  }
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
  check(status, command, log);
  return {ms, usage.ru_maxrss};
}

double run_together(const std::vector<std::string>& commands) {
  const auto began = Clock::now();
  std::vector<pid_t> pids;
  for (const auto& c : commands) pids.push_back(start(c, {}, {}));
  for (std::size_t i = 0; i < pids.size(); ++i) {
    int status = 0;
    if (waitpid(pids[i], &status, 0) != pids[i]) std::exit(1);
    check(status, commands[i], {});
  }
  return std::chrono::duration<double, std::milli>(Clock::now() - began).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace bench
