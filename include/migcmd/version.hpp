#pragma once

namespace migcmd {

inline constexpr const char* version = "0.1.0";

}  // namespace migcmd
