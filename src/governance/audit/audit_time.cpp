// Audit times: one fixed textual form ("2026-11-21T14:05:09.123Z"), so that stored times sort
// and compare as text in every database, and a lenient parser for what people type.

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <string>

#include "migcmd/error.hpp"
#include "migcmd/governance/audit_log.hpp"

namespace migcmd::governance {
namespace {

using namespace std::chrono;

class TimeParser {
 public:
  explicit TimeParser(std::string_view text) : text_(text) {}

  [[nodiscard]] bool at_end() const { return pos_ == text_.size(); }
  [[nodiscard]] char peek() const { return at_end() ? '\0' : text_[pos_]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Exactly `digits` decimal digits.
  int number(int digits) {
    int value = 0;
    for (int i = 0; i < digits; ++i) {
      if (at_end() || std::isdigit(static_cast<unsigned char>(text_[pos_])) == 0) fail();
      value = value * 10 + (text_[pos_++] - '0');
    }
    return value;
  }
  // Any number of digits after a decimal point, as milliseconds (truncated).
  int fraction_ms() {
    int value = 0;
    int digits = 0;
    while (!at_end() && std::isdigit(static_cast<unsigned char>(text_[pos_])) != 0) {
      if (digits < 3) value = value * 10 + (text_[pos_] - '0');
      ++digits;
      ++pos_;
    }
    if (digits == 0) fail();
    for (; digits < 3; ++digits) value *= 10;
    return value;
  }
  [[noreturn]] void fail() const {
    throw Error(ErrorCode::usage, fmt::format("\"{}\" is not a time", text_),
                "write a UTC time as 2026-11-21, 2026-11-21T14:05, 2026-11-21 14:05:09 or "
                "2026-11-21T14:05:09.123Z, or add an offset such as +02:00");
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

system_clock::time_point parse_audit_time(std::string_view text) {
  TimeParser p(text);
  const int y = p.number(4);
  if (!p.accept('-')) p.fail();
  const int mo = p.number(2);
  if (!p.accept('-')) p.fail();
  const int d = p.number(2);
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                            day{static_cast<unsigned>(d)}};
  if (!date.ok()) p.fail();
  milliseconds time_of_day{0};
  if (p.accept('T') || p.accept(' ')) {
    const int h = p.number(2);
    if (!p.accept(':')) p.fail();
    const int mi = p.number(2);
    int s = 0;
    int ms = 0;
    if (p.accept(':')) {
      s = p.number(2);
      if (p.accept('.')) ms = p.fraction_ms();
    }
    if (h > 23 || mi > 59 || s > 60) p.fail();
    time_of_day = hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
    if (p.accept('Z') || p.accept('z')) {
    } else if (p.peek() == '+' || p.peek() == '-') {
      const bool east = p.accept('+');
      if (!east) p.accept('-');
      const int oh = p.number(2);
      p.accept(':');
      const int om = p.number(2);
      if (oh > 23 || om > 59) p.fail();
      const minutes offset = hours{oh} + minutes{om};
      time_of_day -= east ? offset : -offset;
    }
  }
  if (!p.at_end()) p.fail();
  return time_point_cast<system_clock::duration>(sys_days{date} + time_of_day);
}

std::string format_audit_time(system_clock::time_point time) {
  const auto ms = floor<milliseconds>(time);
  const auto days = floor<std::chrono::days>(ms);
  const year_month_day date{days};
  const hh_mm_ss<milliseconds> t{ms - days};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     t.hours().count(), t.minutes().count(), t.seconds().count(),
                     t.subseconds().count());
}

}  // namespace migcmd::governance
