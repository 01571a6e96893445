#include "migcmd/file_write.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <system_error>

#include "migcmd/error.hpp"

namespace fs = std::filesystem;

namespace migcmd {

void write_file_atomically(const fs::path& path, std::string_view text) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec) {
    throw Error(ErrorCode::io_error, fmt::format("cannot create the directory {}: {}",
                                                 path.parent_path().string(), ec.message()));
  }
  fs::path temp = path;
  temp += fmt::format(".tmp-{}", ::getpid());  // one per process: concurrent writers do not mix
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      const std::string why = std::generic_category().message(errno);
      fs::remove(temp, ec);
      throw Error(ErrorCode::io_error, fmt::format("cannot write {}: {}", temp.string(), why),
                  "check the directory's permissions and free space");
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw Error(ErrorCode::io_error,
                fmt::format("cannot replace {}: {}", path.string(), ec.message()),
                "check the directory's permissions");
  }
}

}  // namespace migcmd
