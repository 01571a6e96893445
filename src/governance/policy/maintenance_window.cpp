#include "migcmd/governance/maintenance_window.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "time_zone.hpp"

namespace migcmd::governance {
namespace {

using std::chrono::days;
using std::chrono::floor;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::array<std::string_view, 7> day_names{"sun", "mon", "tue", "wed",
                                                    "thu", "fri", "sat"};

bool whole_day(const MaintenanceWindow& w) {
  return w.from_minute == w.to_minute || (w.from_minute == 0 && w.to_minute >= 1440);
}

bool crosses_midnight(const MaintenanceWindow& w) {
  return !whole_day(w) && w.to_minute < w.from_minute;
}

unsigned weekday_index(date::local_days day) {
  return date::weekday{day}.c_encoding();  // 0 = Sunday
}

// The wall-clock time of `at` in the window's zone: the day and the minute of that day.
struct LocalMoment {
  date::local_days day;
  int minute = 0;
};

LocalMoment local_moment(const date::time_zone* zone, TimePoint at) {
  const auto local = zone->to_local(floor<seconds>(at));
  const auto day = floor<days>(local);
  return {day, static_cast<int>(floor<minutes>(local - day).count())};
}

bool open_at(const MaintenanceWindow& w, const LocalMoment& m) {
  const unsigned today = weekday_index(m.day);
  const unsigned yesterday = (today + 6) % 7;
  if (whole_day(w)) return w.days[today];
  if (!crosses_midnight(w)) {
    return w.days[today] && m.minute >= w.from_minute && m.minute < w.to_minute;
  }
  return (w.days[today] && m.minute >= w.from_minute) ||
         (w.days[yesterday] && m.minute < w.to_minute);
}

// A wall-clock time as a moment: in a daylight-saving gap, the end of the gap; when it happens
// twice, the first.
TimePoint to_sys(const date::time_zone* zone, date::local_seconds local) {
  return TimePoint{zone->to_sys(local, date::choose::earliest).time_since_epoch()};
}

}  // namespace

bool is_open(const MaintenanceWindow& window, TimePoint at) {
  return open_at(window, local_moment(detail::find_time_zone(window.time_zone), at));
}

std::optional<TimePoint> next_opening(const MaintenanceWindow& window, TimePoint at) {
  const auto* zone = detail::find_time_zone(window.time_zone);
  const LocalMoment now = local_moment(zone, at);
  if (open_at(window, now)) return at;
  const int start_minute = whole_day(window) ? 0 : window.from_minute;
  // Each opening is on a listed day at `from`; within eight days every weekday has come round.
  for (int k = 0; k <= 8; ++k) {
    const date::local_days day = now.day + days(k);
    if (!window.days[weekday_index(day)]) continue;
    const TimePoint start = to_sys(zone, date::local_seconds{day} + minutes(start_minute));
    if (start > at) return start;
  }
  return std::nullopt;
}

std::optional<TimePoint> closing_time(const MaintenanceWindow& window, TimePoint at) {
  const auto* zone = detail::find_time_zone(window.time_zone);
  TimePoint moment = at;
  // Follows back-to-back openings (a whole-day window on consecutive days) to the real end.
  for (int hop = 0; hop < 8; ++hop) {
    const LocalMoment m = local_moment(zone, moment);
    if (!open_at(window, m)) return hop == 0 ? std::nullopt : std::optional<TimePoint>(moment);
    date::local_seconds end;
    if (whole_day(window)) {
      end = date::local_seconds{m.day + days(1)};
    } else if (!crosses_midnight(window)) {
      end = date::local_seconds{m.day} + minutes(window.to_minute);
    } else if (m.minute >= window.from_minute && window.days[weekday_index(m.day)]) {
      end = date::local_seconds{m.day + days(1)} + minutes(window.to_minute);
    } else {
      end = date::local_seconds{m.day} + minutes(window.to_minute);
    }
    moment = to_sys(zone, end);
  }
  return moment;
}

bool is_open(const std::vector<MaintenanceWindow>& windows, TimePoint at) {
  if (windows.empty()) return true;
  return std::any_of(windows.begin(), windows.end(),
                     [&](const MaintenanceWindow& w) { return is_open(w, at); });
}

std::optional<TimePoint> next_opening(const std::vector<MaintenanceWindow>& windows, TimePoint at) {
  if (windows.empty()) return at;
  std::optional<TimePoint> best;
  for (const auto& w : windows) {
    const auto next = next_opening(w, at);
    if (next && (!best || *next < *best)) best = next;
  }
  return best;
}

std::string describe(const MaintenanceWindow& window) {
  std::string days;
  const auto count = std::count(window.days.begin(), window.days.end(), true);
  if (count == 7) {
    days = "daily";
  } else if (count == 0) {
    days = "never";
  } else {
    // Monday first, as people read a week.
    for (unsigned i : {1U, 2U, 3U, 4U, 5U, 6U, 0U}) {
      if (!window.days[i]) continue;
      if (!days.empty()) days += ',';
      days += day_names[i];
    }
  }
  auto hhmm = [](int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); };
  const std::string hours =
      whole_day(window) ? "all day"
                        : fmt::format("{}-{}", hhmm(window.from_minute), hhmm(window.to_minute));
  return fmt::format("{} {} {}", days, hours,
                     window.time_zone.empty() ? std::string("UTC") : window.time_zone);
}

std::optional<int> parse_time_of_day(std::string_view text) noexcept {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() - colon != 3) {
    return std::nullopt;
  }
  auto digits = [](std::string_view part) -> std::optional<int> {
    int value = 0;
    for (char c : part) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  const auto hours = digits(text.substr(0, colon));
  const auto mins = digits(text.substr(colon + 1));
  if (!hours || !mins || *mins > 59) return std::nullopt;
  if (*hours == 24 && *mins == 0) return 1440;
  if (*hours > 23) return std::nullopt;
  return *hours * 60 + *mins;
}

bool is_known_time_zone(const std::string& name) noexcept {
  try {
    (void)date::locate_zone(name);
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace migcmd::governance
