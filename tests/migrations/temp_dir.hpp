#pragma once
// A fresh directory under the system temp directory, removed again at the end of the test.

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

namespace migcmd_test {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("migcmd-files-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  void write(const std::string& name, std::string_view content) const {
    std::ofstream out(path_ / name, std::ios::binary | std::ios::trunc);
    out << content;
  }

  [[nodiscard]] std::string read(const std::string& name) const {
    std::ifstream in(path_ / name, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  // Copies the files of tests/migrations/data/<name> here.
  void copy_data(const std::string& name) const {
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(MIGCMD_MIGRATIONS_DATA) / name)) {
      std::filesystem::copy_file(entry.path(), path_ / entry.path().filename());
    }
  }

 private:
  std::filesystem::path path_;
};

}  // namespace migcmd_test
