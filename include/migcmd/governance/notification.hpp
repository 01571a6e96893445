#pragma once
// Notification hooks: on chosen events, run a command or append a line to a file. No network:
// a command can forward the message wherever the deployment wants (a chat webhook, mail).
//
// A command runs through /bin/sh -c with the event in MIGCMD_EVENT, MIGCMD_ENVIRONMENT,
// MIGCMD_ACTOR and MIGCMD_MESSAGE, and the whole notification as one JSON object on its stdin.
// A file gets that JSON object as one line, appended.

#include <chrono>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace migcmd::governance {

struct NotificationHook {
  std::vector<std::string> events;  // names from notification_events(), or "*" for all
  std::string command;              // exactly one of command and file is set
  std::filesystem::path file;

  [[nodiscard]] bool wants(std::string_view event) const noexcept;
  friend bool operator==(const NotificationHook&, const NotificationHook&) = default;
};

// The events hooks can ask for: request, approve, reject, refused, run, run.failed, emergency,
// post_review, env.lock, env.unlock, schedule, schedule.cancel, role.change.
[[nodiscard]] std::span<const std::string_view> notification_events() noexcept;

struct Notification {
  std::string event;
  std::string environment;
  std::string actor;
  std::string message;
  std::vector<std::pair<std::string, std::string>> details;
  std::chrono::system_clock::time_point at = std::chrono::system_clock::now();
};

// The JSON object a hook receives: {"event", "environment", "actor", "message", "at", "details"}.
[[nodiscard]] std::string notification_json(const Notification& notification);

// Delivers `notification` to every hook that wants its event. A hook that fails (a command
// exiting non-zero, a file that cannot be written) does not stop the others nor the action that
// triggered it: the failures come back, one message each, for the caller to show and audit.
[[nodiscard]] std::vector<std::string> notify(std::span<const NotificationHook> hooks,
                                              const Notification& notification);

}  // namespace migcmd::governance
