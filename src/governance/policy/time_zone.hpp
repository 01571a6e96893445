#pragma once
// The IANA time zone database (Howard Hinnant's date/tz over the system's zoneinfo), kept out of
// the public headers.

#include <date/tz.h>

#include <string>

namespace migcmd::governance::detail {

// Error(usage) naming the zone when the database does not know it.
[[nodiscard]] const date::time_zone* find_time_zone(const std::string& name);

}  // namespace migcmd::governance::detail
