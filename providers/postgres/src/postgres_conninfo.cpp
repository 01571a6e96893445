#include "postgres_conninfo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "migcmd/error.hpp"

namespace migcmd::postgres {

std::string conninfo_value(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string build_conninfo(const DatabaseUrl& url) {
  std::string out;
  auto add = [&](std::string_view key, std::string_view value) {
    if (!out.empty()) out += ' ';
    // SOCI 4.0 splits the string into key=value tokens before libpq sees it: a value ends at the
    // first whitespace unless it is wrapped in double quotes (which SOCI removes, without any
    // escape). So a libpq-quoted value holding whitespace travels inside "...", which then must
    // not hold a double quote.
    const bool has_space =
        std::any_of(value.begin(), value.end(), [](unsigned char c) { return std::isspace(c); });
    if (!has_space) {
      out += fmt::format("{}={}", key, conninfo_value(value));
    } else if (value.find('"') == std::string_view::npos) {
      out += fmt::format("{}=\"{}\"", key, conninfo_value(value));
    } else {
      throw Error(ErrorCode::usage,
                  fmt::format("cannot connect to {}: the {} holds both whitespace and a double "
                              "quote, which SOCI cannot pass on to libpq",
                              url.redacted(), key),
                  "change the value, or set it through the PG* environment variables");
    }
  };
  if (!url.host.empty()) add("host", url.host);
  if (url.port) add("port", fmt::format("{}", *url.port));
  if (!url.database.empty()) add("dbname", url.database);
  if (!url.user.empty()) add("user", url.user);
  if (!url.password.empty()) add("password", url.password);
  for (const auto& [key, value] : url.parameters) {
    // Keywords cannot be quoted in a conninfo string; anything but a plain word would let a
    // parameter name change how the rest of the string is read.
    const bool plain = !key.empty() && std::all_of(key.begin(), key.end(), [](unsigned char c) {
      return std::isalnum(c) || c == '_';
    });
    if (!plain) {
      throw Error(ErrorCode::usage,
                  fmt::format("cannot connect to {}: \"{}\" is not a PostgreSQL connection "
                              "parameter name",
                              url.redacted(), key),
                  "use libpq parameter names such as sslmode or connect_timeout");
    }
    add(key, value);
  }
  if (!url.parameters.contains("application_name")) add("application_name", "migcmd");
  return out;
}

}  // namespace migcmd::postgres
