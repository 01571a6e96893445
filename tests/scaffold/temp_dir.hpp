#pragma once
// A fresh directory under the system temp directory, removed again at the end of the test.

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace migcmd_test {

class ScaffoldDir {
 public:
  ScaffoldDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("migcmd-scaffold-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScaffoldDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScaffoldDir(const ScaffoldDir&) = delete;
  ScaffoldDir& operator=(const ScaffoldDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  void write(const std::filesystem::path& relative, std::string_view content) const {
    const auto file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
  }

  [[nodiscard]] std::string read(const std::filesystem::path& relative) const {
    std::ifstream in(path_ / relative, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  // The file names in `relative`, sorted.
  [[nodiscard]] std::vector<std::string> files(const std::filesystem::path& relative = {}) const {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(path_ / relative, ec)) {
      names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace migcmd_test
