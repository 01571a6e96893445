#pragma once
// Writing a file so that an interrupted run leaves either the old content or the new, never half:
// the text goes to a temporary file beside the target (same file system), which then replaces it.
// The sum file, snapshots, generated migrations and dumps are all written this way.

#include <filesystem>
#include <string_view>

namespace migcmd {

// Creates the parent directories when missing. Throws Error(io_error) naming the file.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace migcmd
