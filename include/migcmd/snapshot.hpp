#pragma once
// The snapshot: the schema expected after the newest migration, kept in a JSON file beside the
// migrations (EF Core's ModelSnapshot). `migcmd add` diffs the desired schema (a Model, or a
// database) against it, writes the next migration, and rewrites it.
//
// The file is the schema document of schema_json.hpp with the snapshot's own keys first:
//   {
//     "snapshot_format_version": 1,
//     "last_version": "20250114120000",
//     "dialect": "postgres",
//     "format_version": 1,
//     "tables": [...]
//   }
// so a JSON path in an error message ("/tables/2/columns/0/type") is the path in the file.

#include <filesystem>
#include <string>
#include <string_view>

#include "migcmd/schema.hpp"

namespace migcmd {

inline constexpr int snapshot_format_version = 1;
inline constexpr std::string_view default_snapshot_file = "migcmd.snapshot.json";

struct Snapshot {
  Schema schema;
  std::string last_version;  // the newest migration's version; empty before the first one
  std::string dialect;       // "postgres"...: whose types the schema was compared with; may be ""

  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

// Pretty-printed, keys in a stable order, ending with a newline: snapshot files diff well.
[[nodiscard]] std::string to_json(const Snapshot& snapshot);

// Throws Error(invalid_schema) whose message starts with `source` and names the JSON path of the
// mistake; refuses a snapshot written by a newer migcmd (a higher snapshot_format_version).
[[nodiscard]] Snapshot snapshot_from_json(std::string_view json, std::string_view source);

// Throws Error(io_error) when the file cannot be read, naming it.
[[nodiscard]] Snapshot read_snapshot(const std::filesystem::path& path);

// Writes a temporary file beside `path` and renames it over `path`, so a reader never sees half a
// snapshot. Creates the parent directory. Throws Error(io_error).
void write_snapshot(const std::filesystem::path& path, const Snapshot& snapshot);

}  // namespace migcmd
