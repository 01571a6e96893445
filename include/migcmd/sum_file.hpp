#pragma once
// migcmd.sum: a chained integrity file beside the migrations, like Atlas's atlas.sum. Each line
// holds a file's name and a hash of that file's content together with everything before it, so
// editing, inserting, deleting or reordering any migration changes every hash from there on and
// `validate` catches a bad merge in CI before it reaches a database.
//
//   h1:<hash of the whole list>
//   20250114120000_create_users.sql h1:<chained hash>
//   ...
//
// Hashes are lower-case hex SHA-256. A file's chained hash covers the previous line's hash (none
// for the first file), its name, "\n" and its content with line endings normalised as for
// checksums; files are listed in the version order of their migration, an up file before its
// down (or undo) file, repeatable migrations last.

#include <filesystem>
#include <string>
#include <vector>

namespace migcmd {

inline constexpr const char* sum_file_name = "migcmd.sum";

// The sum file text for the migration files of `directory` (in version order).
[[nodiscard]] std::string compute_sum_file(const std::filesystem::path& directory);

// Writes `directory`/migcmd.sum.
void write_sum_file(const std::filesystem::path& directory);

struct SumFileProblem {
  std::string file;     // the first file whose line does not match, or "migcmd.sum"
  std::string message;  // what is wrong, plainly
};

// Compares the directory with its sum file. Empty: all good. A directory without a sum file has
// no problem to report (the project does not use one).
[[nodiscard]] std::vector<SumFileProblem> check_sum_file(const std::filesystem::path& directory);

}  // namespace migcmd
