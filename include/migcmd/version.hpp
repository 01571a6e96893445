#pragma once

namespace migcmd {

// The library's version, recorded in every history row it writes.
inline constexpr const char* library_version = "0.1.0";

}  // namespace migcmd
