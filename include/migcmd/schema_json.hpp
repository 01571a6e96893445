#pragma once
// JSON round-trip of the schema model. The document carries a format version so that a snapshot
// written by an older migcmd is read correctly, and a newer one is refused with a clear error.
// (nlohmann/json stays out of this header to keep core includes light.)

#include <string>
#include <string_view>

#include "migcmd/schema.hpp"

namespace migcmd {

inline constexpr int schema_json_format_version = 1;

// Pretty-printed, keys in a stable order, so snapshot files diff well under version control.
[[nodiscard]] std::string to_json(const Schema& schema);

// Throws Error(invalid_schema) naming the JSON path of the first mistake
// ("/tables/2/columns/0/type").
[[nodiscard]] Schema schema_from_json(std::string_view json);

}  // namespace migcmd
