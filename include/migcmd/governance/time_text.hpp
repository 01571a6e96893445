#pragma once
// Times and durations as people write them in migcmd.json and on the command line.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace migcmd::governance {

using TimePoint = std::chrono::system_clock::time_point;
// "Now", injectable so tests can move time; an empty one means the system clock.
using Clock = std::function<TimePoint()>;

// "2025-03-30 01:30:00 UTC" (seconds precision).
[[nodiscard]] std::string format_utc(std::chrono::system_clock::time_point at);
// "2025-03-30 03:30:00 CEST" in the IANA zone `time_zone`; Error(usage) for an unknown zone.
[[nodiscard]] std::string format_in_zone(std::chrono::system_clock::time_point at,
                                         const std::string& time_zone);

// "90s", "30m", "24h", "7d", also combined ("1h30m"); positive only. std::nullopt otherwise.
[[nodiscard]] std::optional<std::chrono::seconds> parse_duration(std::string_view text) noexcept;
// The shortest form parse_duration reads back: "24h", "1h30m", "45s".
[[nodiscard]] std::string format_duration(std::chrono::seconds duration);

// A moment as written on a command line: "2025-03-30T22:00:00Z", "2025-03-30T22:00+02:00",
// "2025-03-30 22:00" or "2025-03-30T22:00:00" (wall-clock time in `time_zone`, "UTC" unless
// given). A wall-clock time that does not exist (a daylight-saving gap) or exists twice is
// refused rather than guessed. Throws Error(usage) explaining the accepted forms.
[[nodiscard]] std::chrono::system_clock::time_point parse_timestamp(
    std::string_view text, const std::string& time_zone = "UTC");

}  // namespace migcmd::governance
