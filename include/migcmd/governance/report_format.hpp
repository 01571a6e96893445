#pragma once
// A governance report as a document:
// - text: aligned, one block per environment and the open items, for a person to read;
// - markdown: headings and tables (a wiki page, a ticket, a pull request);
// - json: every number, times as stored in the audit ("2026-11-21T14:05:09.123Z"), durations in
//   milliseconds;
// - csv: one row per environment (RFC 4180, CRLF line ends, a header row), durations in seconds;
//   a cell that a spreadsheet could take for a formula (it starts with = + - @, a tab or a
//   carriage return) starts with an apostrophe instead.

#include <optional>
#include <string>
#include <string_view>

#include "migcmd/governance/report.hpp"

namespace migcmd::governance {

enum class ReportFormat { text, markdown, json, csv };

[[nodiscard]] std::string_view to_string(ReportFormat format) noexcept;
// "text", "markdown" (or "md"), "json", "csv"; std::nullopt for anything else.
[[nodiscard]] std::optional<ReportFormat> report_format_from_string(std::string_view text) noexcept;

[[nodiscard]] std::string render_report(const GovernanceReport& report, ReportFormat format);

}  // namespace migcmd::governance
