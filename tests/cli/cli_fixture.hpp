#pragma once
// Runs the real migcmd binary in a fresh directory holding a migrations folder and a SQLite
// file, and looks at the results from outside: exit status, stdout, stderr, files, catalog.

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace migcmd_test {

struct CliResult {
  int status = -1;  // the exit status; -1 when the process did not exit normally
  std::string out;
  std::string err;
  std::chrono::milliseconds elapsed{0};
};

class CliFixture {
 public:
  CliFixture();
  ~CliFixture();
  CliFixture(const CliFixture&) = delete;
  CliFixture& operator=(const CliFixture&) = delete;

  [[nodiscard]] const std::filesystem::path& root() const { return root_; }
  [[nodiscard]] std::filesystem::path migrations() const { return root_ / "migrations"; }
  [[nodiscard]] std::string url() const { return "sqlite:" + (root_ / "app.db").string(); }

  // Runs `migcmd args...` in root() with DATABASE_URL set to url() (unless `database_url` says
  // otherwise; an empty one unsets it) and stdin from /dev/null.
  CliResult run(const std::vector<std::string>& args) const;
  CliResult run_with_env(const std::vector<std::string>& args,
                         std::optional<std::string> database_url) const;

  // Writes migrations/<file> (a dbmate file with the two sections).
  void write_migration(const std::string& file, const std::string& up,
                       const std::string& down) const;
  [[nodiscard]] std::string read(const std::filesystem::path& path) const;

  // Asks the SQLite file itself (through migcmd::sqlite::connect).
  [[nodiscard]] bool table_exists(const std::string& table) const;
  [[nodiscard]] std::vector<std::string> history_versions() const;  // status 'applied' only

 private:
  std::filesystem::path root_;
};

}  // namespace migcmd_test
