// From a migcmd URL to an ODBC connection string, with each value escaped so that no part of
// the URL can add or replace an attribute.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "migcmd/url.hpp"

namespace migcmd::sqlserver {
namespace {

constexpr std::string_view default_driver = "ODBC Driver 18 for SQL Server";

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// ODBC reads a value up to the next ";" unless it is braced, and a braced value up to the first
// single "}": braces keep ";", "=" and "{" inside, and "}" is doubled.
std::string attribute_value(std::string_view value, bool brace = false) {
  brace = brace || value.find_first_of(";={}") != std::string_view::npos ||
          (!value.empty() && (is_space(value.front()) || is_space(value.back())));
  if (!brace) return std::string(value);
  std::string out = "{";
  for (char c : value) {
    out += c;
    if (c == '}') out += '}';
  }
  return out + "}";
}

class Attributes {
 public:
  explicit Attributes(std::string redacted_url) : url_(std::move(redacted_url)) {}

  void add(std::string_view key, std::string_view value, bool secret = false, bool brace = false) {
    if (value.find('\0') != std::string_view::npos) {
      fail(fmt::format("the value of {} contains a NUL character", key));
    }
    const std::string text = attribute_value(value, brace);
    parts_.push_back(
        {fmt::format("{}={}", key, text), fmt::format("{}={}", key, secret ? "***" : text)});
  }

  [[noreturn]] void fail(std::string_view why) const {
    throw Error(ErrorCode::usage, fmt::format("cannot use database URL {}: {}", url_, why),
                "use sqlserver://user:pass@host:port/database?param=value or odbc://DSN");
  }

  [[nodiscard]] OdbcConnectionString build() const {
    OdbcConnectionString out;
    for (const auto& [value, redacted] : parts_) {
      out.value += value + ";";
      out.redacted += redacted + ";";
    }
    return out;
  }

 private:
  std::string url_;
  std::vector<std::pair<std::string, std::string>> parts_;
};

// Keywords that the URL itself sets, or that would carry credentials outside the URL's userinfo
// (where they would escape redaction).
bool is_reserved(std::string_view key, bool dsn) {
  static constexpr std::array common = {"driver", "dsn",      "filedsn", "uid",
                                        "pwd",    "password", "user",    "user id"};
  static constexpr std::array server = {"server", "address", "addr", "database"};
  const std::string k = lower(key);
  if (std::find(common.begin(), common.end(), k) != common.end()) return true;
  return !dsn && std::find(server.begin(), server.end(), k) != server.end();
}

// The URL for messages: DatabaseUrl::redacted() hides the userinfo password and a few parameter
// spellings; a password given as any other spelling (?Pwd=...) is refused below, but the message
// saying so must not show it either.
std::string redacted(DatabaseUrl url) {
  for (auto& [key, value] : url.parameters) {
    const std::string k = lower(key);
    if (k == "pwd" || k == "password") value = "***";
  }
  return url.redacted();
}

}  // namespace

OdbcConnectionString odbc_connection_string(std::string_view url) {
  DatabaseUrl parsed = parse_url(url);
  Attributes attributes(redacted(parsed));
  const bool dsn = parsed.scheme == "odbc";
  if (!dsn && parsed.scheme != "sqlserver") {
    attributes.fail(fmt::format("the scheme \"{}\" is not sqlserver or odbc", parsed.scheme));
  }
  if (dsn) {
    // odbc://DSN puts the name where a host goes; odbc://user:pass@/DSN where a database goes.
    if (!parsed.host.empty() && !parsed.database.empty()) {
      attributes.fail("give the data source once: odbc://DSN or odbc://user:pass@/DSN");
    }
    if (parsed.port) attributes.fail("a data source name has no port");
    const std::string& name = parsed.host.empty() ? parsed.database : parsed.host;
    if (name.empty()) attributes.fail("no data source name");
    attributes.add("DSN", name);
  } else {
    auto driver = parsed.parameters.find("driver");
    // Driver names have spaces and are conventionally braced whatever they contain.
    attributes.add("Driver", driver == parsed.parameters.end() ? default_driver : driver->second,
                   false, true);
    if (driver != parsed.parameters.end()) parsed.parameters.erase(driver);
    if (parsed.host.empty()) attributes.fail("no server host");
    std::string server = parsed.host;
    if (parsed.port) server += fmt::format(",{}", *parsed.port);
    attributes.add("Server", server);
    if (!parsed.database.empty()) attributes.add("Database", parsed.database);
  }
  if (!parsed.user.empty()) attributes.add("UID", parsed.user);
  if (!parsed.password.empty()) attributes.add("PWD", parsed.password, true);
  for (const auto& [key, value] : parsed.parameters) {
    if (key.empty() || key.find_first_of("[]{}(),;?*=!@") != std::string::npos ||
        is_space(key.front()) || is_space(key.back())) {
      attributes.fail(fmt::format("\"{}\" is not an ODBC keyword", key));
    }
    if (is_reserved(key, dsn)) {
      attributes.fail(
          fmt::format("the parameter {} is not allowed: the URL sets it (put the "
                      "user, password, host, database and DSN in the URL itself)",
                      key));
    }
    attributes.add(key, value);
  }
  return attributes.build();
}

}  // namespace migcmd::sqlserver
