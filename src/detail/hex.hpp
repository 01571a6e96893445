#pragma once
// Hexadecimal text of bytes (internal).

#include <string>
#include <string_view>

#include "migcmd/value.hpp"

namespace migcmd::detail {

[[nodiscard]] std::string to_hex(const Bytes& bytes, bool upper = false);
// Throws std::invalid_argument on odd length or a non-hex character.
[[nodiscard]] Bytes from_hex(std::string_view hex);

}  // namespace migcmd::detail
