// Maintenance windows: days of the week in the window's own zone, windows that cross midnight,
// several zones, daylight saving changes; and the time texts they are written with.

#include <doctest/doctest.h>

#include "governance_policy/policy_test_support.hpp"
#include "migcmd/error.hpp"
#include "migcmd/governance/maintenance_window.hpp"
#include "migcmd/governance/time_text.hpp"

using namespace migcmd::governance;

namespace {

TimePoint utc(const char* text) {
  return parse_timestamp(text);
}

MaintenanceWindow window(std::initializer_list<unsigned> days, const char* from, const char* to,
                         std::string zone) {
  MaintenanceWindow w;
  for (unsigned d : days) w.days[d] = true;
  w.from_minute = *parse_time_of_day(from);
  w.to_minute = *parse_time_of_day(to);
  w.time_zone = std::move(zone);
  return w;
}

constexpr unsigned sun = 0, mon = 1, tue = 2, wed = 3, thu = 4, fri = 5, sat = 6;

}  // namespace

TEST_CASE("a window crossing midnight, in Paris summer time (UTC+2)") {
  // Monday to Thursday nights, 22:00 to 02:00 the next morning. 2025-06-02 is a Monday.
  const auto w = window({mon, tue, wed, thu}, "22:00", "02:00", "Europe/Paris");
  CHECK_FALSE(is_open(w, utc("2025-06-02T19:59:00Z")));  // Mon 21:59 Paris
  CHECK(is_open(w, utc("2025-06-02T20:00:00Z")));        // Mon 22:00 Paris: opens
  CHECK(is_open(w, utc("2025-06-02T23:30:00Z")));        // Tue 01:30 Paris: Monday's night
  CHECK_FALSE(is_open(w, utc("2025-06-03T00:00:00Z")));  // Tue 02:00 Paris: closed ("to" excluded)
  CHECK(is_open(w, utc("2025-06-05T23:00:00Z")));        // Fri 01:00 Paris: Thursday's night
  CHECK_FALSE(is_open(w, utc("2025-06-06T20:30:00Z")));  // Fri 22:30 Paris: Friday not listed
  CHECK_FALSE(is_open(w, utc("2025-06-06T23:00:00Z")));  // Sat 01:00 Paris
  CHECK_FALSE(is_open(w, utc("2025-06-01T23:00:00Z")));  // Mon 01:00 Paris: Sunday's night, no

  CHECK(closing_time(w, utc("2025-06-02T20:30:00Z")) == utc("2025-06-03T00:00:00Z"));
  CHECK(closing_time(w, utc("2025-06-02T23:30:00Z")) == utc("2025-06-03T00:00:00Z"));
  CHECK_FALSE(closing_time(w, utc("2025-06-02T12:00:00Z")).has_value());

  // Friday noon: the next opening is Monday 22:00 Paris.
  CHECK(next_opening(w, utc("2025-06-06T12:00:00Z")) == utc("2025-06-09T20:00:00Z"));
  // Open now: now.
  CHECK(next_opening(w, utc("2025-06-02T21:00:00Z")) == utc("2025-06-02T21:00:00Z"));
  // Tuesday 03:00 Paris: Tuesday 22:00.
  CHECK(next_opening(w, utc("2025-06-03T01:00:00Z")) == utc("2025-06-03T20:00:00Z"));
  CHECK(describe(w) == "mon,tue,wed,thu 22:00-02:00 Europe/Paris");
}

TEST_CASE("the day of the week is the window's zone's, not UTC's") {
  // Monday 06:00-08:00 in Tokyo (UTC+9) is Sunday 21:00-23:00 UTC.
  const auto w = window({mon}, "06:00", "08:00", "Asia/Tokyo");
  CHECK(is_open(w, utc("2025-06-01T21:30:00Z")));        // Sunday in UTC, Monday in Tokyo
  CHECK_FALSE(is_open(w, utc("2025-06-02T21:30:00Z")));  // Monday in UTC, Tuesday in Tokyo
  CHECK_FALSE(is_open(w, utc("2025-06-02T07:00:00Z")));  // Monday 07:00 UTC is 16:00 in Tokyo
  CHECK(next_opening(w, utc("2025-06-02T00:00:00Z")) == utc("2025-06-08T21:00:00Z"));
}

TEST_CASE("the same wall-clock window in different zones opens at different instants") {
  const auto paris = window({mon}, "22:00", "23:00", "Europe/Paris");
  const auto new_york = window({mon}, "22:00", "23:00", "America/New_York");
  const auto at = utc("2025-06-02T20:30:00Z");  // 22:30 Paris, 16:30 New York
  CHECK(is_open(paris, at));
  CHECK_FALSE(is_open(new_york, at));
  CHECK(next_opening(new_york, at) == utc("2025-06-03T02:00:00Z"));  // 22:00 EDT
  // An environment is open when any of its windows is; without windows, always.
  CHECK(is_open(std::vector<MaintenanceWindow>{paris, new_york}, at));
  CHECK_FALSE(is_open(std::vector<MaintenanceWindow>{new_york}, at));
  CHECK(is_open(std::vector<MaintenanceWindow>{}, at));
  CHECK(next_opening(std::vector<MaintenanceWindow>{}, at) == at);
  CHECK(next_opening(std::vector<MaintenanceWindow>{new_york, paris},
                     utc("2025-06-02T12:00:00Z")) == utc("2025-06-02T20:00:00Z"));
}

TEST_CASE("windows keep their wall-clock time across daylight saving changes") {
  // Every day 22:00-23:00 in Paris: 21:00 UTC in winter, 20:00 UTC in summer.
  const auto daily = window({sun, mon, tue, wed, thu, fri, sat}, "22:00", "23:00", "Europe/Paris");
  CHECK(next_opening(daily, utc("2025-01-15T12:00:00Z")) == utc("2025-01-15T21:00:00Z"));
  CHECK(next_opening(daily, utc("2025-07-15T12:00:00Z")) == utc("2025-07-15T20:00:00Z"));
  CHECK(describe(daily) == "daily 22:00-23:00 Europe/Paris");

  // 2025-03-30, Paris springs forward at 02:00 CET (01:00 UTC) to 03:00 CEST. A Sunday window
  // 01:30-03:30 local lasts one hour that night: 00:30 to 01:30 UTC.
  const auto spring = window({sun}, "01:30", "03:30", "Europe/Paris");
  CHECK_FALSE(is_open(spring, utc("2025-03-30T00:29:00Z")));
  CHECK(is_open(spring, utc("2025-03-30T00:30:00Z")));        // 01:30 CET
  CHECK(is_open(spring, utc("2025-03-30T01:15:00Z")));        // 03:15 CEST
  CHECK_FALSE(is_open(spring, utc("2025-03-30T01:30:00Z")));  // 03:30 CEST (a fixed +1 says 02:30)
  CHECK(closing_time(spring, utc("2025-03-30T00:45:00Z")) == utc("2025-03-30T01:30:00Z"));

  // A window starting in the skipped hour (02:30 does not exist that night) opens when the gap
  // ends, 03:00 CEST.
  const auto in_gap = window({sun}, "02:30", "04:00", "Europe/Paris");
  CHECK(next_opening(in_gap, utc("2025-03-29T12:00:00Z")) == utc("2025-03-30T01:00:00Z"));
  CHECK(is_open(in_gap, utc("2025-03-30T01:00:00Z")));

  // 2025-11-02, New York falls back at 02:00 EDT to 01:00 EST: 01:15 happens twice, and a
  // window 01:00-01:30 is open both times.
  const auto fall = window({sun}, "01:00", "01:30", "America/New_York");
  CHECK(is_open(fall, utc("2025-11-02T05:15:00Z")));        // 01:15 EDT
  CHECK_FALSE(is_open(fall, utc("2025-11-02T05:45:00Z")));  // 01:45 EDT
  CHECK(is_open(fall, utc("2025-11-02T06:15:00Z")));        // 01:15 EST, the second time
  CHECK(next_opening(fall, utc("2025-11-01T12:00:00Z")) == utc("2025-11-02T05:00:00Z"));
}

TEST_CASE("whole days, consecutive days, and a window with no day") {
  const auto weekend = window({sat, sun}, "00:00", "00:00", "UTC");  // from == to: all day
  CHECK(is_open(weekend, utc("2025-06-07T00:00:00Z")));
  CHECK(is_open(weekend, utc("2025-06-08T23:59:00Z")));
  CHECK_FALSE(is_open(weekend, utc("2025-06-09T00:00:00Z")));
  // Saturday and Sunday run together: it closes Monday 00:00.
  CHECK(closing_time(weekend, utc("2025-06-07T10:00:00Z")) == utc("2025-06-09T00:00:00Z"));
  CHECK(describe(weekend) == "sat,sun all day UTC");
  const auto until_midnight = window({fri}, "18:00", "24:00", "UTC");
  CHECK(is_open(until_midnight, utc("2025-06-06T23:59:00Z")));
  CHECK_FALSE(is_open(until_midnight, utc("2025-06-07T00:00:00Z")));
  const auto never = window({}, "01:00", "02:00", "UTC");
  CHECK_FALSE(is_open(never, utc("2025-06-06T01:30:00Z")));
  CHECK_FALSE(next_opening(never, utc("2025-06-06T01:30:00Z")).has_value());
}

TEST_CASE("an unknown time zone is an error, not UTC") {
  const auto w = window({mon}, "01:00", "02:00", "Europe/Atlantis");
  CHECK_THROWS_WITH_AS((void)is_open(w, utc("2025-06-02T01:30:00Z")),
                       doctest::Contains("unknown time zone \"Europe/Atlantis\""), migcmd::Error);
  CHECK(is_known_time_zone("Europe/Paris"));
  CHECK_FALSE(is_known_time_zone("Europe/Atlantis"));
}

TEST_CASE("times of day, durations and timestamps as written") {
  CHECK(parse_time_of_day("00:00") == 0);
  CHECK(parse_time_of_day("9:05") == 545);
  CHECK(parse_time_of_day("23:59") == 1439);
  CHECK(parse_time_of_day("24:00") == 1440);
  CHECK_FALSE(parse_time_of_day("24:01"));
  CHECK_FALSE(parse_time_of_day("12:60"));
  CHECK_FALSE(parse_time_of_day("1200"));
  CHECK_FALSE(parse_time_of_day("12:5"));

  CHECK(parse_duration("24h") == std::chrono::hours(24));
  CHECK(parse_duration("30m") == std::chrono::minutes(30));
  CHECK(parse_duration("1h30m") == std::chrono::minutes(90));
  CHECK(parse_duration("7d") == std::chrono::hours(168));
  CHECK_FALSE(parse_duration("24"));
  CHECK_FALSE(parse_duration("h"));
  CHECK_FALSE(parse_duration("0m"));
  CHECK_FALSE(parse_duration("24 hours"));
  CHECK(format_duration(std::chrono::minutes(90)) == "1h30m");
  CHECK(format_duration(std::chrono::hours(24)) == "24h");
  CHECK(format_duration(std::chrono::hours(168)) == "7d");

  CHECK(format_utc(utc("2025-03-30T01:30:00Z")) == "2025-03-30 01:30:00 UTC");
  CHECK(parse_timestamp("2025-03-30T03:30:00+02:00") == utc("2025-03-30T01:30:00Z"));
  CHECK(parse_timestamp("2025-03-30 03:30", "Europe/Paris") == utc("2025-03-30T01:30:00Z"));
  CHECK(parse_timestamp("2025-03-29 22:00", "Europe/Paris") == utc("2025-03-29T21:00:00Z"));
  CHECK(format_in_zone(utc("2025-03-30T01:30:00Z"), "Europe/Paris") == "2025-03-30 03:30:00 CEST");
  // A wall-clock time in a gap or in the repeated hour is not guessed.
  CHECK_THROWS_WITH_AS((void)parse_timestamp("2025-03-30 02:30", "Europe/Paris"),
                       doctest::Contains("does not exist"), migcmd::Error);
  CHECK_THROWS_WITH_AS((void)parse_timestamp("2025-11-02 01:30", "America/New_York"),
                       doctest::Contains("happens twice"), migcmd::Error);
  CHECK_THROWS_AS((void)parse_timestamp("tomorrow"), migcmd::Error);
  CHECK_THROWS_AS((void)parse_timestamp("2025-02-30T10:00Z"), migcmd::Error);
}
