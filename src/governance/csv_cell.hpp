#pragma once
// CSV cells as RFC 4180 writes them, shared by the audit export and the report. Text that comes
// from outside (users, messages, environment names) must not run as a formula when the file is
// opened in a spreadsheet: a cell starting with = + - @ (or a tab or carriage return, which some
// spreadsheets skip before such a sign) gets a leading apostrophe.

#include <string>
#include <string_view>

namespace migcmd::governance::detail {

// `text`, with an apostrophe in front when a spreadsheet could take it for a formula.
[[nodiscard]] std::string neutralise_formula(std::string_view text);

// Appends `field` as it is, quoted (with doubled quotes) when it holds a comma, a quote or a line
// break. For numbers and other text migcmd writes itself.
void append_csv_field(std::string& out, std::string_view field);

// Appends text from outside: neutralise_formula, then append_csv_field.
void append_csv_text(std::string& out, std::string_view text);

}  // namespace migcmd::governance::detail
