#pragma once
// Where the CLI writes: results on stdout, errors on stderr, or one JSON document on stdout with
// --json. Everything that may carry text from outside (errors, lock holders) goes through scrub(),
// which masks the password of the database URL in case a driver message repeats it.

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/error.hpp"

namespace migcmd::cli {

// An error with machine-readable details for the JSON output (e.g. the list of problems).
class DetailedError : public Error {
 public:
  DetailedError(ErrorCode code, std::string message, std::string hint, nlohmann::json details)
      : Error(code, std::move(message), std::move(hint)), details_(std::move(details)) {}
  [[nodiscard]] const nlohmann::json& details() const noexcept { return details_; }

 private:
  nlohmann::json details_;
};

class Output {
 public:
  Output(std::ostream& out, std::ostream& err, bool json, bool verbose, bool terminal);

  [[nodiscard]] bool json() const noexcept { return json_; }
  [[nodiscard]] bool verbose() const noexcept { return verbose_; }
  // stdout is a terminal and not JSON: progress lines may be redrawn in place.
  [[nodiscard]] bool live() const noexcept { return terminal_ && !json_; }

  // A result line on stdout (text mode only; JSON commands print one document instead).
  void line(std::string_view text);
  // A message for the person watching: stdout in text mode, stderr with --json so stdout stays
  // one parseable document.
  void note(std::string_view text);
  // "warning: <text>" on stderr, always: stdout may be a script or dump being redirected.
  void warning(std::string_view text);
  // Raw access for progress redraws (the note stream, unscrubbed: callers write names only).
  [[nodiscard]] std::ostream& note_stream() noexcept { return json_ ? err_ : out_; }
  // Raw stdout, for documents that must come out byte for byte (scripts).
  [[nodiscard]] std::ostream& out_stream() noexcept { return out_; }

  // Prints {"ok": true, "command": ..., ...document} on stdout.
  void json_result(std::string_view command, nlohmann::json document);
  // Text: "migcmd: <message>" and "hint: <hint>" on stderr. JSON: {"ok":false,"error":{...}}.
  void error(const Error& error);

  // Text equal to `secret` is masked from now on; `replacement` is shown instead.
  void add_secret(std::string secret, std::string replacement = "***");
  [[nodiscard]] std::string scrub(std::string text) const;

 private:
  std::ostream& out_;
  std::ostream& err_;
  bool json_;
  bool verbose_;
  bool terminal_;
  std::vector<std::pair<std::string, std::string>> secrets_;
};

}  // namespace migcmd::cli
