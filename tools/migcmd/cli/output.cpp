#include "cli/output.hpp"

#include <algorithm>

namespace migcmd::cli {

Output::Output(std::ostream& out, std::ostream& err, bool json, bool verbose, bool terminal)
    : out_(out), err_(err), json_(json), verbose_(verbose), terminal_(terminal) {}

void Output::line(std::string_view text) {
  if (json_) return;
  out_ << scrub(std::string(text)) << '\n' << std::flush;
}

void Output::note(std::string_view text) {
  note_stream() << scrub(std::string(text)) << '\n' << std::flush;
}

void Output::warning(std::string_view text) {
  err_ << "warning: " << scrub(std::string(text)) << '\n' << std::flush;
}

void Output::json_result(std::string_view command, nlohmann::json document) {
  nlohmann::json result = {{"ok", true}, {"command", command}};
  for (auto& [key, value] : document.items()) result[key] = std::move(value);
  // Scrubbing the rendered text covers every string inside the document.
  out_ << scrub(result.dump(2)) << '\n' << std::flush;
}

void Output::error(const Error& error) {
  const std::string message = scrub(error.message());
  const std::string hint = scrub(error.hint());
  if (json_) {
    nlohmann::json document = {
        {"ok", false},
        {"error", {{"code", to_string(error.code())}, {"message", message}, {"hint", hint}}}};
    if (const auto* detailed = dynamic_cast<const DetailedError*>(&error)) {
      for (const auto& [key, value] : detailed->details().items()) document[key] = value;
    }
    out_ << scrub(document.dump(2)) << '\n' << std::flush;
    return;
  }
  err_ << "migcmd: " << message << '\n';
  if (!hint.empty()) err_ << "hint: " << hint << '\n';
  err_ << std::flush;
}

void Output::add_secret(std::string secret, std::string replacement) {
  if (secret.empty() || secret == replacement) return;
  secrets_.emplace_back(std::move(secret), std::move(replacement));
  // Longest first, so that a URL is replaced whole before the password inside it.
  std::stable_sort(secrets_.begin(), secrets_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::string Output::scrub(std::string text) const {
  for (const auto& [secret, replacement] : secrets_) {
    for (auto at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + replacement.size())) {
      text.replace(at, secret.size(), replacement);
    }
  }
  return text;
}

}  // namespace migcmd::cli
