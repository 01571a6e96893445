#include "migcmd/governance/notification.hpp"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {
namespace {

constexpr std::array<std::string_view, 13> events{
    "request",    "approve",         "reject",      "refused",  "run",
    "run.failed", "emergency",       "post_review", "env.lock", "env.unlock",
    "schedule",   "schedule.cancel", "role.change"};

// Runs `command` with /bin/sh, `input` on its stdin and the variables set; returns "" or what
// went wrong.
std::string run_command(const std::string& command, const std::string& input,
                        const Notification& n) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return fmt::format("cannot create a pipe: {}", std::strerror(errno));
  const pid_t pid = fork();
  if (pid < 0) {
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    return fmt::format("cannot start a process: {}", std::strerror(errno));
  }
  if (pid == 0) {
    dup2(pipe_fds[0], STDIN_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    setenv("MIGCMD_EVENT", n.event.c_str(), 1);
    setenv("MIGCMD_ENVIRONMENT", n.environment.c_str(), 1);
    setenv("MIGCMD_ACTOR", n.actor.c_str(), 1);
    setenv("MIGCMD_MESSAGE", n.message.c_str(), 1);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[0]);
  // A command that does not read its input must not kill us with SIGPIPE.
  struct sigaction ignore {};
  struct sigaction previous {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &previous);
  std::size_t written = 0;
  while (written < input.size()) {
    const ssize_t n_written = write(pipe_fds[1], input.data() + written, input.size() - written);
    if (n_written <= 0) break;
    written += static_cast<std::size_t>(n_written);
  }
  close(pipe_fds[1]);
  sigaction(SIGPIPE, &previous, nullptr);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return fmt::format("cannot wait for the command: {}", std::strerror(errno));
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
  if (WIFEXITED(status)) return fmt::format("exited with status {}", WEXITSTATUS(status));
  return "was killed by a signal";
}

}  // namespace

bool NotificationHook::wants(std::string_view event) const noexcept {
  return std::any_of(events.begin(), events.end(),
                     [&](const std::string& e) { return e == "*" || e == event; });
}

std::span<const std::string_view> notification_events() noexcept {
  return events;
}

std::string notification_json(const Notification& notification) {
  nlohmann::json details = nlohmann::json::object();
  for (const auto& [key, value] : notification.details) details[key] = value;
  nlohmann::json j = {
      {"event", notification.event},       {"environment", notification.environment},
      {"actor", notification.actor},       {"message", notification.message},
      {"at", format_utc(notification.at)}, {"details", details}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> notify(std::span<const NotificationHook> hooks,
                                const Notification& notification) {
  std::vector<std::string> failures;
  const std::string json = notification_json(notification);
  for (const auto& hook : hooks) {
    if (!hook.wants(notification.event)) continue;
    if (!hook.command.empty()) {
      if (auto problem = run_command(hook.command, json + "\n", notification); !problem.empty()) {
        failures.push_back(fmt::format("notification command `{}` {}", hook.command, problem));
      }
    } else if (!hook.file.empty()) {
      std::ofstream out(hook.file, std::ios::app | std::ios::binary);
      out << json << '\n';
      out.flush();
      if (!out) {
        failures.push_back(fmt::format("cannot append the notification to {}", hook.file.string()));
      }
    }
  }
  return failures;
}

}  // namespace migcmd::governance
