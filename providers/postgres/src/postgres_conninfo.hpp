#pragma once
// libpq connection strings from parsed URLs (internal).

#include <string>
#include <string_view>

#include "migcmd/url.hpp"

namespace migcmd::postgres {

// 'value' with \ and ' escaped by a backslash: how libpq reads any value whole, spaces included.
[[nodiscard]] std::string conninfo_value(std::string_view value);

// "host='h' port='5432' dbname='d' user='u' password='p'" followed by the URL's parameters
// (sslmode, connect_timeout...) and application_name='migcmd' unless the URL sets one. A value
// holding whitespace is wrapped as "'a b'" for SOCI's own parsing of the string (see the .cpp).
// Throws Error(usage) for a parameter name libpq could not read, and for a value holding both
// whitespace and a double quote.
[[nodiscard]] std::string build_conninfo(const DatabaseUrl& url);

}  // namespace migcmd::postgres
