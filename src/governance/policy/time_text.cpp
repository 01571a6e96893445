#include "migcmd/governance/time_text.hpp"

#include <fmt/format.h>

#include <cctype>
#include <regex>

#include "migcmd/error.hpp"
#include "time_zone.hpp"

namespace migcmd::governance {
namespace detail {

const date::time_zone* find_time_zone(const std::string& name) {
  try {
    return date::locate_zone(name.empty() ? std::string("UTC") : name);
  } catch (const std::exception&) {
    throw Error(ErrorCode::usage, fmt::format("unknown time zone \"{}\"", name),
                "use an IANA time zone name such as UTC, Europe/Paris or America/New_York");
  }
}

}  // namespace detail

std::string format_utc(TimePoint at) {
  return date::format("%Y-%m-%d %H:%M:%S UTC", std::chrono::floor<std::chrono::seconds>(at));
}

std::string format_in_zone(TimePoint at, const std::string& time_zone) {
  const auto* zone = detail::find_time_zone(time_zone);
  return date::format("%Y-%m-%d %H:%M:%S %Z",
                      date::make_zoned(zone, std::chrono::floor<std::chrono::seconds>(at)));
}

std::optional<std::chrono::seconds> parse_duration(std::string_view text) noexcept {
  if (text.empty()) return std::nullopt;
  long long total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    long long number = 0;
    const std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      number = number * 10 + (text[i] - '0');
      if (number > 10'000'000) return std::nullopt;  // nobody means 115 days in seconds
      ++i;
    }
    if (i == start || i == text.size()) return std::nullopt;
    long long unit = 0;
    switch (text[i]) {
      case 's':
        unit = 1;
        break;
      case 'm':
        unit = 60;
        break;
      case 'h':
        unit = 3600;
        break;
      case 'd':
        unit = 86400;
        break;
      case 'w':
        unit = 7 * 86400;
        break;
      default:
        return std::nullopt;
    }
    ++i;
    total += number * unit;
  }
  if (total <= 0) return std::nullopt;
  return std::chrono::seconds(total);
}

std::string format_duration(std::chrono::seconds duration) {
  long long left = duration.count();
  if (left <= 0) return "0s";
  std::string out;
  // "24h" and "36h" read better than "1d" and "1d12h"; days only from two on.
  const long long day = left >= 2 * 86400 ? 86400LL : 0LL;
  for (auto [unit, suffix] : {std::pair{day, 'd'}, {3600LL, 'h'}, {60LL, 'm'}, {1LL, 's'}}) {
    if (unit == 0) continue;
    if (left >= unit) {
      out += fmt::format("{}{}", left / unit, suffix);
      left %= unit;
    }
  }
  return out;
}

TimePoint parse_timestamp(std::string_view text, const std::string& time_zone) {
  static const std::regex form(
      R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$)");
  const std::string s(text);
  std::smatch m;
  auto fail = [&](std::string_view why) -> TimePoint {
    throw Error(ErrorCode::usage, fmt::format("cannot read the time \"{}\": {}", s, why),
                "write it as 2025-03-30T22:00:00Z (UTC), 2025-03-30T22:00+02:00, or "
                "2025-03-30 22:00 for a wall-clock time in the environment's time zone");
  };
  if (!std::regex_match(s, m, form)) return fail("not a date and time");
  const date::year_month_day ymd{date::year{std::stoi(m[1])},
                                 date::month{static_cast<unsigned>(std::stoi(m[2]))},
                                 date::day{static_cast<unsigned>(std::stoi(m[3]))}};
  const int hour = std::stoi(m[4]);
  const int minute = std::stoi(m[5]);
  const int second = m[6].matched ? std::stoi(m[6]) : 0;
  if (!ymd.ok()) return fail("no such date");
  if (hour > 23 || minute > 59 || second > 59) return fail("no such time of day");
  const auto wall = date::local_days{ymd} + std::chrono::hours(hour) +
                    std::chrono::minutes(minute) + std::chrono::seconds(second);
  if (m[7].matched) {
    const std::string zone = m[7];
    if (zone == "Z") return TimePoint{wall.time_since_epoch()};
    const int sign = zone[0] == '-' ? -1 : 1;
    const std::string digits = zone[3] == ':' ? zone.substr(1, 2) + zone.substr(4) : zone.substr(1);
    const int offset_h = std::stoi(digits.substr(0, 2));
    const int offset_m = std::stoi(digits.substr(2, 2));
    if (offset_h > 18 || offset_m > 59) return fail("no such UTC offset");
    const auto offset = std::chrono::minutes(sign * (offset_h * 60 + offset_m));
    return TimePoint{wall.time_since_epoch() - offset};
  }
  const auto* zone = detail::find_time_zone(time_zone);
  const auto info = zone->get_info(wall);
  if (info.result == date::local_info::nonexistent) {
    return fail(fmt::format("it does not exist in {} (the clocks skip it)", time_zone));
  }
  if (info.result == date::local_info::ambiguous) {
    return fail(
        fmt::format("it happens twice in {} (the clocks go back); add the UTC offset", time_zone));
  }
  return zone->to_sys(wall);
}

}  // namespace migcmd::governance
