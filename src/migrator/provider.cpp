#include "migcmd/provider.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "migcmd/url.hpp"

namespace migcmd {

bool Provider::terminate_session(Connection&, const std::string&) const {
  return false;
}

std::string Provider::session_id(Connection&) const {
  return {};
}

std::vector<std::string> Provider::statement_lock_timeout_sql(std::chrono::milliseconds) const {
  return {};
}

bool Provider::is_lock_timeout(const DatabaseError&) const {
  return false;
}

Schema Provider::read_schema(Connection&, const ReadOptions&) const {
  throw Error(ErrorCode::unsupported_operation,
              fmt::format("the {} provider cannot read a live schema yet", name()));
}

std::unique_ptr<ScratchDatabase> Provider::open_scratch(std::string_view) const {
  throw Error(
      ErrorCode::unsupported_operation,
      fmt::format("the {} provider cannot make a scratch database to replay migrations in", name()),
      "compare against a live database URL or a snapshot file instead");
}

void ProviderRegistry::add(std::shared_ptr<const Provider> provider) {
  providers_.push_back(std::move(provider));
}

const Provider& ProviderRegistry::for_url(std::string_view url) const {
  const auto colon = url.find(':');
  const std::string scheme(colon == std::string_view::npos ? std::string_view{}
                                                           : url.substr(0, colon));
  std::vector<std::string> known;
  for (const auto& p : providers_) {
    for (const auto& s : p->url_schemes()) {
      if (s == scheme) return *p;
      known.push_back(s + ":");
    }
  }
  throw Error(ErrorCode::usage, fmt::format("no database provider for the URL {}", redact_url(url)),
              known.empty() ? std::string("this program was built without database providers")
                            : fmt::format("known URL schemes: {}", fmt::join(known, ", ")));
}

}  // namespace migcmd
