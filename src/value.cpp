#include "migcmd/value.hpp"

#include <fmt/format.h>

namespace migcmd {

std::string describe(const Value& value) {
  struct Describe {
    std::string operator()(std::monostate) const { return "NULL"; }
    std::string operator()(bool v) const { return v ? "true" : "false"; }
    std::string operator()(std::int64_t v) const { return fmt::format("{}", v); }
    std::string operator()(double v) const { return fmt::format("{}", v); }
    std::string operator()(const std::string& v) const { return fmt::format("'{}'", v); }
    std::string operator()(const Bytes& v) const { return fmt::format("<{} bytes>", v.size()); }
  };
  return std::visit(Describe{}, value.storage());
}

}  // namespace migcmd
