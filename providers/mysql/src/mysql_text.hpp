#pragma once
// Text helpers for MySQL SQL: UTF-8 checks, string-literal escaping and case-insensitive matching.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace migcmd::mysql {

struct Utf8Info {
  std::size_t characters = 0;
  bool supplementary = false;  // a character outside the Basic Multilingual Plane (4 bytes)
};

// Characters of valid UTF-8 text, or std::nullopt when `text` is not valid UTF-8.
[[nodiscard]] std::optional<Utf8Info> utf8_info(std::string_view text);

// The body of a '...' literal: ' doubled (so that any quote-tracking scanner, SOCI's included,
// sees the same string boundaries as the server), \ and NUL, LF, CR, Ctrl-Z backslash-escaped.
// Correct while NO_BACKSLASH_ESCAPES is off.
[[nodiscard]] std::string escape_string(std::string_view text);

// `text` for an error message: control characters shown as \xNN, cut at 80 characters.
[[nodiscard]] std::string printable(std::string_view text);

[[nodiscard]] std::string to_upper(std::string_view text);
[[nodiscard]] bool starts_with_ci(std::string_view text, std::string_view prefix);
[[nodiscard]] std::string_view trim(std::string_view text);

// True when `expression` (raw SQL) mentions `column` as a whole word, bare or `quoted`,
// compared case-insensitively as MySQL compares column names. Errs towards true.
[[nodiscard]] bool mentions_identifier(std::string_view expression, std::string_view column);

// True when `expression` is "(...)" whose first parenthesis closes at its end (quotes skipped):
// MySQL takes such a default as an expression, and the reader strips such wrapping.
[[nodiscard]] bool fully_parenthesized(std::string_view expression);

}  // namespace migcmd::mysql
