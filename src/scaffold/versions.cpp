// Names and versions of the next migration file.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <map>
#include <system_error>

#include "migcmd/error.hpp"
#include "migcmd/scaffold.hpp"
#include "migration/formats/formats.hpp"

namespace fs = std::filesystem;

namespace migcmd {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string utc_stamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::array<char, 16> buffer{};
  std::strftime(buffer.data(), buffer.size(), "%Y%m%d%H%M%S", &tm);
  return buffer.data();
}

std::vector<fs::path> files_of(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code status_ec;
    if (it->is_regular_file(status_ec)) files.push_back(it->path());
  }
  if (ec) {
    throw Error(ErrorCode::io_error,
                fmt::format("cannot read the directory {}: {}", dir.string(), ec.message()),
                "check the path and its permissions");
  }
  return files;
}

// The current UTC time, or one more than the newest "<digits>_" file when that is not older:
// a new migration must sort last.
std::string timestamp_after(const std::vector<fs::path>& files) {
  std::uint64_t version = std::stoull(utc_stamp());
  for (const auto& path : files) {
    const std::string file = path.filename().string();
    std::size_t n = 0;
    while (n < file.size() && is_digit(file[n])) ++n;
    if (n == 0 || n > 19 || n >= file.size() || file[n] != '_') continue;
    const std::uint64_t existing = std::stoull(file.substr(0, n));
    if (existing >= version) version = existing + 1;
  }
  return fmt::format("{:014}", version);
}

SqlFileFormat to_file_format(SourceFormat format) {
  switch (format) {
    case SourceFormat::flyway:
      return SqlFileFormat::flyway;
    case SourceFormat::golang_migrate:
      return SqlFileFormat::golang_migrate;
    case SourceFormat::migcmd_sql:
      return SqlFileFormat::migcmd;
    default:
      return SqlFileFormat::dbmate;
  }
}

// The versions of the migration files of `dir` that are in `format`.
std::vector<std::string> versions_in(const std::vector<fs::path>& files, SqlFileFormat format) {
  std::vector<std::string> versions;
  for (const auto& path : files) {
    auto info = detail::classify_file_name(path.filename().string());
    if (!info || info->kind != MigrationKind::versioned) continue;
    if (to_file_format(info->format) != format) continue;
    versions.push_back(info->version);
  }
  return versions;
}

// "000002" -> "000003", "1.2" -> "1.3", "9" -> "10", "099" -> "100".
std::string increment_last_number(const std::string& version) {
  std::size_t begin = version.size();
  while (begin > 0 && is_digit(version[begin - 1])) --begin;
  const std::string digits = version.substr(begin);
  if (digits.empty() || digits.size() > 18) {
    throw Error(ErrorCode::usage, fmt::format("cannot tell the version after \"{}\"", version),
                "name the next migration's version yourself");
  }
  const std::uint64_t next = std::stoull(digits) + 1;
  return version.substr(0, begin) + fmt::format("{:0{}}", next, digits.size());
}

bool looks_like_timestamp(const std::string& version) {
  return version.size() == 14 && std::all_of(version.begin(), version.end(), is_digit) &&
         (version.substr(0, 2) == "19" || version.substr(0, 2) == "20");
}

}  // namespace

std::string_view to_string(SqlFileFormat format) noexcept {
  switch (format) {
    case SqlFileFormat::dbmate:
      return "dbmate";
    case SqlFileFormat::flyway:
      return "flyway";
    case SqlFileFormat::golang_migrate:
      return "golang-migrate";
    case SqlFileFormat::migcmd:
      return "migcmd";
  }
  return "dbmate";
}

std::optional<SqlFileFormat> sql_file_format_from_string(std::string_view text) noexcept {
  if (text == "dbmate") return SqlFileFormat::dbmate;
  if (text == "flyway") return SqlFileFormat::flyway;
  if (text == "golang-migrate" || text == "golang_migrate") return SqlFileFormat::golang_migrate;
  if (text == "migcmd") return SqlFileFormat::migcmd;
  return std::nullopt;
}

SqlFileFormat detect_sql_file_format(const fs::path& dir) {
  std::map<SqlFileFormat, int> counts;
  for (const auto& path : files_of(dir)) {
    if (auto info = detail::classify_file_name(path.filename().string())) {
      ++counts[to_file_format(info->format)];
    }
  }
  SqlFileFormat best = SqlFileFormat::dbmate;
  int most = 0;
  for (const auto& [format, count] : counts) {
    if (count > most) {
      best = format;
      most = count;
    }
  }
  return best;
}

std::string next_migration_version(const fs::path& dir, SqlFileFormat format) {
  const auto files = files_of(dir);
  if (format == SqlFileFormat::dbmate) return timestamp_after(files);
  auto versions = versions_in(files, format);
  if (versions.empty()) {
    switch (format) {
      case SqlFileFormat::flyway:
        return "1";
      case SqlFileFormat::golang_migrate:
        return "000001";
      default:
        return "001";
    }
  }
  const std::string newest = *std::max_element(
      versions.begin(), versions.end(),
      [](const std::string& a, const std::string& b) { return compare_versions(a, b) < 0; });
  if (looks_like_timestamp(newest)) return timestamp_after(files);
  return increment_last_number(newest);
}

bool is_valid_migration_name(std::string_view name) noexcept {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_';
  });
}

std::string migration_class_name(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  if (out.empty() || is_digit(out.front())) out = "Migration" + out;
  return out;
}

}  // namespace migcmd
