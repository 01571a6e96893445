#pragma once
// Maintenance windows: when runs may touch an environment. A window opens on the listed days of
// the week at `from` and stays open until `to`, both wall-clock times in its IANA time zone (so
// "22:00" stays 22:00 across daylight saving changes). When `to` is earlier than `from` the window
// crosses midnight and closes on the next day; the days listed are the days it opens. `from` equal
// to `to` means the whole day. An environment with no windows is always open.

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/governance/time_text.hpp"

namespace migcmd::governance {

struct MaintenanceWindow {
  std::string name;
  std::array<bool, 7> days{};  // indexed by weekday: 0 = Sunday ... 6 = Saturday
  int from_minute = 0;         // minutes after local midnight, 0..1439
  int to_minute = 0;
  std::string time_zone = "UTC";  // IANA name: "Europe/Paris", "America/New_York", "UTC"

  friend bool operator==(const MaintenanceWindow&, const MaintenanceWindow&) = default;
};

// Both throw Error(usage) for an unknown time zone.
[[nodiscard]] bool is_open(const MaintenanceWindow& window, TimePoint at);
// `at` itself when the window is open then; otherwise the next moment it opens (a start time that
// falls in a daylight-saving gap opens at the end of the gap). std::nullopt for a window with no
// days.
[[nodiscard]] std::optional<TimePoint> next_opening(const MaintenanceWindow& window, TimePoint at);
// When the window that is open at `at` closes; std::nullopt when it is closed at `at`.
[[nodiscard]] std::optional<TimePoint> closing_time(const MaintenanceWindow& window, TimePoint at);

// An environment's windows: open if any is open; no windows: always open.
[[nodiscard]] bool is_open(const std::vector<MaintenanceWindow>& windows, TimePoint at);
// The earliest next_opening of any window; `at` when open or when there are no windows.
[[nodiscard]] std::optional<TimePoint> next_opening(const std::vector<MaintenanceWindow>& windows,
                                                    TimePoint at);

// "mon,tue,wed 22:00-02:00 Europe/Paris".
[[nodiscard]] std::string describe(const MaintenanceWindow& window);

// Parses "HH:MM" (00:00..23:59, also "24:00" for the end of a day) into minutes after midnight.
[[nodiscard]] std::optional<int> parse_time_of_day(std::string_view text) noexcept;
// Whether the time zone database knows `name`.
[[nodiscard]] bool is_known_time_zone(const std::string& name) noexcept;

}  // namespace migcmd::governance
