#include "migcmd/url.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "migcmd/error.hpp"

namespace migcmd {
namespace {

// Percent-decoding, so that a password containing '@' or ':' can be written as %40 / %3A.
std::string decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int value = 0;
      auto [ptr, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
      if (ec == std::errc{} && ptr == text.data() + i + 3) {
        out.push_back(static_cast<char>(value));
        i += 2;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

// Parameter names that carry a secret, compared case-insensitively (ODBC's PWD, libpq's
// password, tokens and keys).
bool is_secret_parameter(std::string_view name) {
  std::string lower;
  for (char c : name)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::string_view secret : {"password", "pwd", "pass", "passwd", "token", "secret", "key"}) {
    if (lower.find(secret) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::string redact_url(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  auto authority_start = scheme_end + 3;
  auto at = url.find('@', authority_start);
  auto slash = url.find('/', authority_start);
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) {
    return std::string(url);
  }
  auto colon = url.find(':', authority_start);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return fmt::format("{}***{}", url.substr(0, colon + 1), url.substr(at));
}

std::string DatabaseUrl::redacted() const {
  std::string out = scheme + "://";
  if (scheme == "sqlite") return "sqlite:" + database;
  if (!user.empty()) {
    out += user;
    if (!password.empty()) out += ":***";
    out += "@";
  }
  out += host;
  if (port) out += fmt::format(":{}", *port);
  out += "/" + database;
  char sep = '?';
  for (const auto& [k, v] : parameters) {
    bool secret = is_secret_parameter(k);
    out += fmt::format("{}{}={}", sep, k, secret ? "***" : v);
    sep = '&';
  }
  return out;
}

DatabaseUrl parse_url(std::string_view url) {
  auto fail = [&](std::string_view why) -> DatabaseUrl {
    throw Error(ErrorCode::usage,
                fmt::format("cannot parse database URL {}: {}", redact_url(url), why),
                "use sqlite:path, postgres://user:pass@host:port/db, mysql://..., "
                "sqlserver://... or odbc://DSN");
  };
  DatabaseUrl out;
  auto colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return fail("no scheme");
  out.scheme = std::string(url.substr(0, colon));
  std::string_view rest = url.substr(colon + 1);
  if (out.scheme == "sqlite" || out.scheme == "sqlite3") {
    out.scheme = "sqlite";
    if (rest.starts_with("//")) rest.remove_prefix(2);  // sqlite://path as dbmate writes it
    if (rest.empty()) return fail("no database file");
    out.database = std::string(rest);
    return out;
  }
  if (!rest.starts_with("//")) return fail("expected \"://\" after the scheme");
  rest.remove_prefix(2);
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    std::string_view query = rest.substr(q + 1);
    rest = rest.substr(0, q);
    while (!query.empty()) {
      auto amp = query.find('&');
      std::string_view pair = query.substr(0, amp);
      auto eq = pair.find('=');
      if (eq == std::string_view::npos)
        return fail(fmt::format("parameter \"{}\" has no value", pair));
      out.parameters[decode(pair.substr(0, eq))] = decode(pair.substr(eq + 1));
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) out.database = decode(rest.substr(slash + 1));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    std::string_view userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
    auto c = userinfo.find(':');
    out.user = decode(userinfo.substr(0, c));
    if (c != std::string_view::npos) out.password = decode(userinfo.substr(c + 1));
  }
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {  // [IPv6]:port
    auto close = authority.find(']');
    if (close == std::string_view::npos) return fail("unterminated [IPv6] host");
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (after.starts_with(':')) port = after.substr(1);
  } else if (auto c = authority.rfind(':'); c != std::string_view::npos) {
    host = authority.substr(0, c);
    port = authority.substr(c + 1);
  }
  if (!port.empty()) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || ptr != port.data() + port.size() || value <= 0 || value > 65535) {
      return fail(fmt::format("port \"{}\" is not a number from 1 to 65535", port));
    }
    out.port = value;
  }
  out.host = decode(host);
  return out;
}

}  // namespace migcmd
