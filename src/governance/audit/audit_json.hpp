#pragma once
// JSON text written byte for byte: the canonical form that is hashed, and the details column.

#include <map>
#include <string>
#include <string_view>

namespace migcmd::governance {

// `text` as a JSON string literal: escapes '"', '\\' and bytes below 0x20, copies the rest.
void append_json_string(std::string& out, std::string_view text);
// {"key":"value",...} with keys in std::map order.
[[nodiscard]] std::string details_json(const std::map<std::string, std::string>& details);

}  // namespace migcmd::governance
