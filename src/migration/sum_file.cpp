// migcmd.sum lines: "<file> h1:<hex>" where hex = SHA-256 over the previous line's hex, the file
// name, "\n" and the file's content (line endings normalised as for checksums, so a CRLF
// checkout does not look edited). The first line is "h1:" + SHA-256 of all the lines below it.

#include "migcmd/sum_file.hpp"

#include "migcmd/file_write.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <system_error>

#include "migcmd/checksum.hpp"
#include "migcmd/error.hpp"
#include "migration/formats/formats.hpp"

namespace migcmd {
namespace {

struct SumEntry {
  std::string file;
  std::string hash;
};

// Version order of the migration a file belongs to, its up file before its down file.
std::vector<detail::MigrationFile> ordered_files(const std::filesystem::path& directory) {
  auto files = detail::list_migration_files(directory);
  std::stable_sort(files.begin(), files.end(),
                   [](const detail::MigrationFile& a, const detail::MigrationFile& b) {
                     const auto &x = a.info, &y = b.info;
                     if (x.kind != y.kind) return x.kind == MigrationKind::versioned;
                     int c = x.kind == MigrationKind::versioned
                                 ? compare_versions(x.version, y.version)
                                 : x.name.compare(y.name);
                     if (c != 0) return c < 0;
                     if (x.down != y.down) return !x.down;
                     return a.file_name < b.file_name;
                   });
  return files;
}

std::vector<SumEntry> current_entries(const std::filesystem::path& directory) {
  std::vector<SumEntry> entries;
  std::string previous;
  for (const auto& file : ordered_files(directory)) {
    std::string content = normalize_script(detail::read_file_bytes(file.path));
    previous = sha256_hex(previous + file.file_name + "\n" + content);
    entries.push_back({file.file_name, previous});
  }
  return entries;
}

std::string render(const std::vector<SumEntry>& entries) {
  std::string body;
  for (const auto& e : entries) body += fmt::format("{} h1:{}\n", e.file, e.hash);
  return fmt::format("h1:{}\n{}", sha256_hex(body), body);
}

bool contains(const std::vector<SumEntry>& entries, const std::string& file) {
  return std::any_of(entries.begin(), entries.end(),
                     [&](const SumEntry& e) { return e.file == file; });
}

std::vector<SumFileProblem> edited(std::string why) {
  return {{sum_file_name, fmt::format("{} itself was edited ({})", sum_file_name, why)}};
}

}  // namespace

std::string compute_sum_file(const std::filesystem::path& directory) {
  return render(current_entries(directory));
}

void write_sum_file(const std::filesystem::path& directory) {
  std::string text = compute_sum_file(directory);
  write_file_atomically(directory / sum_file_name, text);
}

std::vector<SumFileProblem> check_sum_file(const std::filesystem::path& directory) {
  auto path = directory / sum_file_name;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (ec) {
      throw Error(ErrorCode::io_error,
                  fmt::format("cannot read {}: {}", path.string(), ec.message()));
    }
    return {};
  }
  std::string text = detail::read_file_bytes(path);
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());

  std::size_t first_end = text.find('\n');
  std::string_view first = std::string_view(text).substr(0, first_end);
  if (first_end == std::string::npos || first.substr(0, 3) != "h1:") {
    return edited("its first line is not h1:<hash>");
  }
  std::string_view body = std::string_view(text).substr(first_end + 1);
  if (sha256_hex(body) != first.substr(3)) {
    return edited("its first line does not match the lines below it");
  }
  std::vector<SumEntry> recorded;
  for (const auto& line : detail::split_lines(body)) {
    std::size_t space = line.text.rfind(' ');
    if (space == std::string_view::npos || line.text.substr(space + 1, 3) != "h1:") {
      return edited(fmt::format("line {} is not \"<file> h1:<hash>\"", line.number + 1));
    }
    recorded.push_back(
        {std::string(line.text.substr(0, space)), std::string(line.text.substr(space + 4))});
  }

  auto current = current_entries(directory);
  for (std::size_t i = 0; i < std::max(current.size(), recorded.size()); ++i) {
    if (i >= recorded.size() || (i < current.size() && !contains(recorded, current[i].file))) {
      return {{current[i].file,
               fmt::format("file {} is new (not in {})", current[i].file, sum_file_name)}};
    }
    if (i >= current.size() || !contains(current, recorded[i].file)) {
      return {{recorded[i].file,
               fmt::format("file {} is in {} but missing", recorded[i].file, sum_file_name)}};
    }
    if (current[i].file != recorded[i].file) {
      return {{current[i].file, fmt::format("file {} is out of order ({} has {} in its place)",
                                            current[i].file, sum_file_name, recorded[i].file)}};
    }
    if (current[i].hash != recorded[i].hash) {
      return {{current[i].file, fmt::format("file {} was changed", current[i].file)}};
    }
  }
  return {};
}

}  // namespace migcmd
