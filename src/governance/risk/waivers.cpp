#include "risk/waivers.hpp"

#include <cctype>

#include "risk/sql_tokens.hpp"

namespace migcmd::governance::risk {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool Waiver::covers(const RiskRuleInfo& rule) const noexcept {
  if (reason.empty()) return false;
  for (const auto& r : rules) {
    if (iequals(r, rule.code) || iequals(r, rule.name)) return true;
  }
  return false;
}

std::optional<Waiver> parse_waiver(std::string_view comment) {
  constexpr std::string_view directive = "migcmd:allow";
  std::string_view text = trim(comment);
  if (text.size() < directive.size() || !iequals(text.substr(0, directive.size()), directive)) {
    return std::nullopt;
  }
  Waiver w;
  w.text = std::string(text);
  text.remove_prefix(directive.size());
  if (text.size() >= 5 && iequals(text.substr(0, 5), "-file")) {
    w.file_scope = true;
    text.remove_prefix(5);
  }
  // "migcmd:allowance" is no directive.
  if (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) == 0 &&
      text.front() != ':') {
    return std::nullopt;
  }
  const auto colon = text.find(':');
  const std::string_view rules = trim(text.substr(0, colon));
  if (colon != std::string_view::npos) w.reason = std::string(trim(text.substr(colon + 1)));
  std::size_t start = 0;
  while (start <= rules.size()) {
    auto comma = rules.find(',', start);
    if (comma == std::string_view::npos) comma = rules.size();
    const std::string_view rule = trim(rules.substr(start, comma - start));
    if (!rule.empty()) w.rules.emplace_back(rule);
    start = comma + 1;
  }
  return w;
}

std::vector<Waiver> find_waivers(std::string_view script, std::string_view dialect,
                                 int first_line) {
  std::vector<Waiver> waivers;
  for (const auto& token : tokenize(script, dialect, true)) {
    if (token.kind != TokenKind::comment) continue;
    auto w = parse_waiver(token.text);
    if (!w) continue;
    w->line = first_line + token.line;
    w->offset = token.offset;
    waivers.push_back(std::move(*w));
  }
  return waivers;
}

}  // namespace migcmd::governance::risk
