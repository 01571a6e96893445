#include "migcmd/sql_migrations.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "migcmd/checksum.hpp"
#include "migcmd/error.hpp"
#include "migcmd/sum_file.hpp"
#include "migration/formats/formats.hpp"

namespace migcmd {

namespace detail {

std::vector<MigrationFile> list_migration_files(const std::filesystem::path& directory) {
  namespace fs = std::filesystem;
  auto fail = [&](const std::error_code& ec) {
    return Error(
        ErrorCode::io_error,
        fmt::format("cannot read migration directory {}: {}", directory.string(), ec.message()),
        "check the path and its permissions");
  };
  std::error_code ec;
  fs::directory_iterator it(directory, ec);
  if (ec) throw fail(ec);
  std::vector<MigrationFile> files;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) throw fail(ec);
    std::error_code status_ec;
    if (!it->is_regular_file(status_ec)) continue;
    std::string name = it->path().filename().string();
    if (name == sum_file_name) continue;
    if (auto info = classify_file_name(name)) {
      files.push_back({name, it->path(), std::move(*info)});
    }
  }
  if (ec) throw fail(ec);
  std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
    return a.file_name < b.file_name;
  });
  return files;
}

// POSIX calls rather than an ifstream: a start-up reads a thousand small files, and the stream's
// set-up and character-by-character copy cost more than reading them (open, fstat, one read).
std::string read_file_bytes(const std::filesystem::path& path) {
  auto fail = [&](int error) {
    return Error(
        ErrorCode::io_error,
        fmt::format("cannot read {}: {}", path.string(), std::generic_category().message(error)),
        "check that the file exists and is readable");
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw fail(errno);
  struct FileCloser {
    int fd;
    ~FileCloser() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) throw fail(errno);
  // One byte more than its size: a read that fills less than asked has reached the end of a
  // regular file, so a second read is needed only when the file grew meanwhile.
  std::string bytes(static_cast<std::size_t>(info.st_size > 0 ? info.st_size : 0) + 1, '\0');
  std::size_t length = 0;
  for (;;) {
    const ssize_t got = ::read(fd, bytes.data() + length, bytes.size() - length);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw fail(errno);
    }
    length += static_cast<std::size_t>(got);
    if (got == 0 || (S_ISREG(info.st_mode) && length < bytes.size())) break;
    if (length < bytes.size()) continue;
    bytes.resize(bytes.size() * 2);
  }
  bytes.resize(length);
  return bytes;
}

}  // namespace detail

namespace {

using detail::MigrationFileName;

// Whole-file formats: the file is one direction.
void whole_file(std::string_view content, const std::string& source, const MigrationFileName& file,
                MigrationScript& script) {
  if (file.down) {
    script.has_down = true;
    script.down_sql = std::string(content);
    script.down_line = 1;
    script.down_source = source;
  } else {
    script.up_sql = std::string(content);
    script.up_line = 1;
    script.source = source;
  }
}

MigrationScript& up_for(std::vector<MigrationScript>& ups, const MigrationScript& down,
                        const MigrationFileName& file) {
  auto it = std::find_if(ups.begin(), ups.end(), [&](const MigrationScript& up) {
    return up.format == down.format && up.kind == MigrationKind::versioned &&
           compare_versions(up.version, down.version) == 0;
  });
  bool flyway = file.format == SourceFormat::flyway;
  if (it == ups.end()) {
    throw Error(
        ErrorCode::parse_error,
        fmt::format("{}: {} migration without its {} migration", detail::where(down.down_source, 1),
                    flyway ? "undo" : "down", flyway ? "versioned" : "up"),
        flyway ? fmt::format("add V{}__{}.sql or remove the undo file", down.version, down.name)
               : fmt::format("add {}_{}.up.sql or remove the down file", down.version, down.name));
  }
  if (it->has_down) {
    throw Error(
        ErrorCode::parse_error,
        fmt::format("{}: version {} already has {} script in {}",
                    detail::where(down.down_source, 1), down.version, flyway ? "an undo" : "a down",
                    it->down_source.empty() ? it->source : it->down_source),
        "keep one down script per migration");
  }
  return *it;
}

}  // namespace

std::optional<MigrationScript> parse_sql_migration(std::string_view file_name,
                                                   std::string_view content,
                                                   std::string_view source_path) {
  auto file = detail::classify_file_name(file_name);
  if (!file) return std::nullopt;
  // Editors on Windows may start a file with a UTF-8 byte order mark; it is not SQL.
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (content.substr(0, bom.size()) == bom) content.remove_prefix(bom.size());

  std::string source(source_path.empty() ? file_name : source_path);
  MigrationScript script;
  script.version = file->version;
  script.name = file->name;
  script.kind = file->kind;
  script.format = file->format;
  switch (file->format) {
    case SourceFormat::dbmate:
      script.source = source;
      detail::parse_dbmate(content, source, script);
      break;
    case SourceFormat::migcmd_sql:
      script.source = source;
      detail::parse_migcmd_sql(content, source, *file, script);
      break;
    default:
      whole_file(content, source, *file, script);
  }
  if (!file->down) script.checksum = script_checksum(script.up_sql);
  if (script.has_down) script.down_checksum = script_checksum(script.down_sql);
  return script;
}

std::vector<MigrationScript> load_sql_migrations(const std::filesystem::path& directory) {
  std::vector<MigrationScript> ups;
  std::vector<std::pair<MigrationScript, MigrationFileName>> downs;
  for (const auto& file : detail::list_migration_files(directory)) {
    auto script =
        parse_sql_migration(file.file_name, detail::read_file_bytes(file.path), file.path.string());
    if (file.info.down)
      downs.emplace_back(std::move(*script), file.info);
    else
      ups.push_back(std::move(*script));
  }
  sort_migrations(ups);
  for (auto& [down, info] : downs) {
    MigrationScript& up = up_for(ups, down, info);
    up.has_down = true;
    up.down_sql = std::move(down.down_sql);
    up.down_line = down.down_line;
    up.down_source = std::move(down.down_source);
    up.down_checksum = std::move(down.down_checksum);
  }
  return ups;
}

}  // namespace migcmd
