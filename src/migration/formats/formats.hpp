#pragma once
// SQL migration files (internal): which format a file name says, each format's content parser,
// and the directory listing shared by load_sql_migrations and the sum file.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/migration_script.hpp"

namespace migcmd::detail {

struct MigrationFileName {
  SourceFormat format = SourceFormat::dbmate;
  MigrationKind kind = MigrationKind::versioned;
  std::string version;  // as the migration will carry it ("1.2" for Flyway's V1_2)
  std::string name;
  std::string date;   // migcmd format: the YYYYMMDD part of the name
  bool down = false;  // a golang-migrate .down.sql or a Flyway U file
};

// std::nullopt for a file that is no migration.
[[nodiscard]] std::optional<MigrationFileName> classify_file_name(std::string_view file_name);

// Fill the up/down parts and metadata of `script` from a sectioned file's content.
void parse_dbmate(std::string_view content, std::string_view source, MigrationScript& script);
void parse_migcmd_sql(std::string_view content, std::string_view source,
                      const MigrationFileName& file, MigrationScript& script);

struct MigrationFile {
  std::string file_name;
  std::filesystem::path path;
  MigrationFileName info;
};

// The migration files of `directory`, sorted by file name. Throws Error(io_error).
[[nodiscard]] std::vector<MigrationFile> list_migration_files(
    const std::filesystem::path& directory);

// The file's bytes. Throws Error(io_error) naming it.
[[nodiscard]] std::string read_file_bytes(const std::filesystem::path& path);

struct TextLine {
  std::string_view text;  // without its line ending
  std::size_t begin = 0;  // offset of its first character in the content
  std::size_t next = 0;   // offset of the line after it
  int number = 1;
};

[[nodiscard]] std::vector<TextLine> split_lines(std::string_view content);

// "<source>:<line>"
[[nodiscard]] std::string where(std::string_view source, int line);

[[nodiscard]] std::string_view trim(std::string_view text);
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);

}  // namespace migcmd::detail
