#include "schema/value_json.hpp"

#include <stdexcept>

#include "detail/hex.hpp"

namespace migcmd {

nlohmann::ordered_json value_to_json(const Value& value) {
  struct ToJson {
    nlohmann::ordered_json operator()(std::monostate) const { return nullptr; }
    nlohmann::ordered_json operator()(bool v) const { return v; }
    nlohmann::ordered_json operator()(std::int64_t v) const { return v; }
    nlohmann::ordered_json operator()(double v) const { return v; }
    nlohmann::ordered_json operator()(const std::string& v) const { return v; }
    nlohmann::ordered_json operator()(const Bytes& v) const { return {{"hex", detail::to_hex(v)}}; }
  };
  return std::visit(ToJson{}, value.storage());
}

Value value_from_json(const nlohmann::ordered_json& j) {
  if (j.is_null()) return Value{};
  if (j.is_boolean()) return Value{j.get<bool>()};
  if (j.is_number_integer()) return Value{j.get<std::int64_t>()};
  if (j.is_number_float()) return Value{j.get<double>()};
  if (j.is_string()) return Value{j.get<std::string>()};
  if (j.is_object() && j.contains("hex") && j["hex"].is_string()) {
    return Value{detail::from_hex(j["hex"].get<std::string>())};
  }
  throw std::invalid_argument("expected null, a boolean, a number, a string or {\"hex\": \"...\"}");
}

}  // namespace migcmd
