#pragma once
// JSON form of a Value (internal): null, true/false, integers and doubles as JSON numbers,
// strings as strings, bytes as {"hex": "..."}.

#include <nlohmann/json.hpp>

#include "migcmd/value.hpp"

namespace migcmd {

[[nodiscard]] nlohmann::ordered_json value_to_json(const Value& value);
// Throws std::invalid_argument when the JSON is not a value.
[[nodiscard]] Value value_from_json(const nlohmann::ordered_json& json);

}  // namespace migcmd
