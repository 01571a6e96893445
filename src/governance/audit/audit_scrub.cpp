// Masks secrets in free text before it is stored. It errs on the side of masking: a word too
// many hidden in an audit message costs little; a password kept in it forever costs a lot.

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "migcmd/governance/audit_scrub.hpp"
#include "migcmd/url.hpp"

namespace migcmd::governance {
namespace {

constexpr std::string_view mask = "***";

bool is_scheme_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '.' || c == '-';
}
bool ends_token(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '"' || c == '\'' || c == '`' ||
         c == '<' || c == '>';
}

// The userinfo password of one URL token. redact_url stops at the first '@' and leaves URLs
// whose password holds a '/' alone; an unencoded '@' or '/' in a password is common enough that
// this masks up to the token's last '@' before any query.
std::string mask_url_token(std::string_view token) {
  std::string out = redact_url(token);
  const auto start = out.find("://");
  if (start == std::string::npos) return out;
  const auto authority = start + 3;
  const auto query = out.find_first_of("?#", authority);
  const auto at = out.rfind('@', query == std::string::npos ? std::string::npos : query);
  if (at == std::string::npos || at < authority) return out;
  const auto colon = out.find(':', authority);
  if (colon == std::string::npos || colon > at) return out;
  if (out.substr(authority, colon - authority).find('/') != std::string::npos) return out;
  out.replace(colon + 1, at - colon - 1, mask);
  return out;
}

// Every "scheme://..." substring (up to white space or a quote) through mask_url_token.
std::string mask_urls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  std::size_t search = 0;
  while (true) {
    const auto sep = text.find("://", search);
    if (sep == std::string_view::npos) break;
    std::size_t begin = sep;
    while (begin > done && is_scheme_char(text[begin - 1])) --begin;
    std::size_t end = sep + 3;
    while (end < text.size() && !ends_token(text[end])) ++end;
    if (begin == sep) {  // "://" without a scheme before it
      search = sep + 3;
      continue;
    }
    out.append(text.substr(done, begin - done));
    out += mask_url_token(text.substr(begin, end - begin));
    done = end;
    search = end;
  }
  out.append(text.substr(done));
  return out;
}

bool is_secret_key(std::string key) {
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (key == "pass" || key == "pw") return true;
  static constexpr std::array<std::string_view, 10> endings = {
      "password", "passwd",  "pwd",        "secret",      "token",
      "apikey",   "api_key", "access_key", "private_key", "credentials"};
  return std::any_of(endings.begin(), endings.end(),
                     [&](std::string_view e) { return key.ends_with(e); });
}

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}
bool is_key_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
}
bool ends_value(char c) {
  return is_space(c) || c == '&' || c == ';' || c == ',' || c == '"' || c == '\'' || c == '<' ||
         c == '>';
}
bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '~' ||
         c == '+' || c == '/' || c == '=' || c == '-';
}
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

// A value starting at `pos`: a quoted string (the quotes kept out) or a run up to a delimiter.
// Returns [begin, end) of what to mask.
std::pair<std::size_t, std::size_t> value_at(const std::string& text, std::size_t pos) {
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
    const auto close = text.find(text[pos], pos + 1);
    if (close != std::string::npos) return {pos + 1, close};
  }
  std::size_t end = pos;
  while (end < text.size() && !ends_value(text[end])) ++end;
  return {pos, end};
}

// Scans by hand rather than with std::regex: libstdc++'s regex recurses once per character and
// would overflow the stack on a long message (a whole SQL script, say).
class Masker {
 public:
  explicit Masker(std::string text) : text_(std::move(text)) {}
  std::string take() && { return std::move(text_); }

  // key=value and key: value (also "key": "value") where the key names a secret; the
  // Authorization header's credentials.
  void pairs() {
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] != '=' && text_[i] != ':') continue;
      if (text_.compare(i, 3, "://") == 0) continue;  // a URL, done already
      std::size_t key_end = i;
      while (key_end > 0 && is_space(text_[key_end - 1])) --key_end;
      if (key_end > 0 && (text_[key_end - 1] == '"' || text_[key_end - 1] == '\'')) --key_end;
      std::size_t key_begin = key_end;
      while (key_begin > 0 && is_key_char(text_[key_begin - 1])) --key_begin;
      if (key_begin == key_end) continue;
      const std::string key = text_.substr(key_begin, key_end - key_begin);
      std::size_t value = i + 1;
      while (value < text_.size() && is_space(text_[value])) ++value;
      if (iequals(key, "authorization") || iequals(key, "proxy-authorization")) {
        i = credentials(value);
      } else if (is_secret_key(key)) {
        const auto [begin, end] = value_at(text_, value);
        i = replace(begin, end);
      }
    }
  }

  // "Bearer xyz" anywhere.
  void bearer() {
    for (std::size_t i = 0; i + 6 < text_.size(); ++i) {
      if (!iequals(std::string_view(text_).substr(i, 6), "bearer")) continue;
      if (i > 0 && is_key_char(text_[i - 1])) continue;
      std::size_t begin = i + 6;
      if (begin >= text_.size() || !is_space(text_[begin])) continue;
      while (begin < text_.size() && is_space(text_[begin])) ++begin;
      std::size_t end = begin;
      while (end < text_.size() && is_token_char(text_[end])) ++end;
      if (end - begin >= 8) i = replace(begin, end);
    }
  }

  // JSON web tokens standing alone: eyJ<header>.<payload>.<signature>
  void jwts() {
    for (std::size_t i = text_.find("eyJ"); i != std::string::npos; i = text_.find("eyJ", i + 1)) {
      if (i > 0 && is_key_char(text_[i - 1])) continue;
      std::size_t end = i;
      int dots = 0;
      while (end < text_.size() && (is_key_char(text_[end]))) {
        if (text_[end] == '.') ++dots;
        ++end;
      }
      if (dots >= 2 && end - i >= 20) i = replace(i, end);
    }
  }

 private:
  // "Bearer xyz", "Basic xyz", or a bare credential.
  std::size_t credentials(std::size_t pos) {
    const auto [begin, end] = value_at(text_, pos);
    std::size_t next = end;
    while (next < text_.size() && is_space(text_[next])) ++next;
    const bool scheme_word =
        end > begin && std::all_of(text_.begin() + static_cast<std::ptrdiff_t>(begin),
                                   text_.begin() + static_cast<std::ptrdiff_t>(end), [](char c) {
                                     return std::isalpha(static_cast<unsigned char>(c));
                                   });
    if (scheme_word && next > end && next < text_.size() && is_token_char(text_[next])) {
      std::size_t token_end = next;
      while (token_end < text_.size() && is_token_char(text_[token_end])) ++token_end;
      return replace(next, token_end);
    }
    return replace(begin, end);
  }

  // Masks [begin, end) unless it is empty or masked already; returns where to go on scanning.
  std::size_t replace(std::size_t begin, std::size_t end) {
    if (end <= begin || text_.compare(begin, end - begin, mask) == 0) return end;
    text_.replace(begin, end - begin, mask);
    return begin + mask.size();
  }

  std::string text_;
};

}  // namespace

std::string scrub_secrets(std::string_view text) {
  if (text.empty()) return {};
  Masker masker(mask_urls(text));
  masker.pairs();
  masker.bearer();
  masker.jwts();
  return std::move(masker).take();
}

AuditEntry scrub_secrets(AuditEntry entry) {
  for (std::string* field :
       {&entry.time, &entry.actor, &entry.action, &entry.result, &entry.environment,
        &entry.plan_checksum, &entry.target, &entry.message, &entry.host, &entry.tool_version}) {
    *field = scrub_secrets(*field);
  }
  std::map<std::string, std::string> details;
  for (auto& [key, value] : entry.details) {
    // A detail named like a secret is masked whole, whatever it holds.
    details[scrub_secrets(key)] = is_secret_key(key) ? std::string(mask) : scrub_secrets(value);
  }
  entry.details = std::move(details);
  return entry;
}

}  // namespace migcmd::governance
