#pragma once
// SQL migration files. Each file's format is detected from its name and content:
//   dbmate          20250114120000_name.sql with "-- migrate:up" / "-- migrate:down" sections and
//                   an optional "transaction:false" on the section line
//   Flyway          V1_2__desc.sql, undo U1_2__desc.sql, repeatable R__desc.sql
//   golang-migrate  000001_name.up.sql / 000001_name.down.sql
//   migcmd          V001_20250114_name.sql with a metadata header ("-- Migration:", "-- Version:",
//                   "-- Database:", "-- Author:", "-- Created:", "-- Description:",
//                   "-- Dependencies:") and "-- === UP Migration ===" / "-- === DOWN Migration ==="
// Files that match none of these (README.sql, schema.sql dumps) are ignored; migcmd.sum is the
// sum file (sum_file.hpp).

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "migcmd/migration_script.hpp"

namespace migcmd {

// Reads every migration file of `directory` (not recursive), pairs up/down and undo files,
// computes checksums and returns them sorted. Throws Error(parse_error) naming file and line for
// a malformed file (missing section marker, bad header, an up file without version...).
[[nodiscard]] std::vector<MigrationScript> load_sql_migrations(
    const std::filesystem::path& directory);

// Parses one file's content as the format its name says (exposed for tests and tools). Returns
// std::nullopt for a name that is no migration. A down or undo file on its own gives only the
// down part (has_down, down_sql, down_source, down_checksum) with an empty source and checksum.
[[nodiscard]] std::optional<MigrationScript> parse_sql_migration(std::string_view file_name,
                                                                 std::string_view content,
                                                                 std::string_view source_path);

}  // namespace migcmd
