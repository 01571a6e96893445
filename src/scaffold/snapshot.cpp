// The snapshot file: the schema document with the snapshot's own keys in front, so the JSON
// paths schema_from_json reports are the paths in the file.

#include "migcmd/snapshot.hpp"

#include "migcmd/file_write.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "migcmd/error.hpp"
#include "migcmd/schema_json.hpp"
#include "migration/formats/formats.hpp"

namespace migcmd {
namespace {

using nlohmann::ordered_json;

constexpr const char* version_key = "snapshot_format_version";

constexpr std::string_view rebuild_hint =
    "fix the snapshot, or rebuild it from the migrations (the design-time `snapshot` verb)";

[[noreturn]] void invalid(std::string_view source, std::string_view what) {
  throw Error(ErrorCode::invalid_schema, fmt::format("{}: {}", source, what),
              std::string(rebuild_hint));
}

std::string string_field(const ordered_json& doc, const char* key, std::string_view source) {
  if (!doc.contains(key)) return {};
  const auto& value = doc.at(key);
  if (!value.is_string()) invalid(source, fmt::format("snapshot JSON /{}: expected a string", key));
  return value.get<std::string>();
}

}  // namespace

std::string to_json(const Snapshot& snapshot) {
  ordered_json doc;
  doc[version_key] = snapshot_format_version;
  doc["last_version"] = snapshot.last_version;
  doc["dialect"] = snapshot.dialect;
  // Named: iterating items() of a temporary would dangle (the range-for keeps only the proxy).
  const ordered_json schema = ordered_json::parse(to_json(snapshot.schema));
  for (const auto& [key, value] : schema.items()) doc[key] = value;
  return doc.dump(2) + "\n";
}

Snapshot snapshot_from_json(std::string_view json, std::string_view source) {
  ordered_json doc;
  try {
    doc = ordered_json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    invalid(source, fmt::format("not valid JSON: {}", e.what()));
  }
  if (!doc.is_object()) invalid(source, "snapshot JSON /: expected an object");
  if (!doc.contains(version_key)) {
    invalid(source, fmt::format("snapshot JSON /: missing \"{}\" (is this a migcmd snapshot?)",
                                version_key));
  }
  const auto& version = doc.at(version_key);
  if (!version.is_number_integer()) {
    invalid(source, fmt::format("snapshot JSON /{}: expected an integer", version_key));
  }
  const auto number = version.get<long long>();
  if (number < 1 || number > snapshot_format_version) {
    throw Error(ErrorCode::invalid_schema,
                fmt::format("{}: snapshot JSON /{}: format version {} is not supported (this "
                            "migcmd reads 1 to {})",
                            source, version_key, number, snapshot_format_version),
                number > snapshot_format_version
                    ? "the snapshot was written by a newer migcmd: upgrade migcmd"
                    : std::string(rebuild_hint));
  }
  Snapshot snapshot;
  snapshot.last_version = string_field(doc, "last_version", source);
  snapshot.dialect = string_field(doc, "dialect", source);
  try {
    snapshot.schema = schema_from_json(json);
  } catch (const Error& e) {
    throw Error(e.code(), fmt::format("{}: {}", source, e.message()),
                e.hint().empty() ? std::string(rebuild_hint) : e.hint());
  }
  return snapshot;
}

Snapshot read_snapshot(const std::filesystem::path& path) {
  return snapshot_from_json(detail::read_file_bytes(path), path.string());
}

void write_snapshot(const std::filesystem::path& path, const Snapshot& snapshot) {
  write_file_atomically(path, to_json(snapshot));
}

}  // namespace migcmd
