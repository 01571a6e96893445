#include "cli/cli_fixture.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "migcmd/providers/sqlite.hpp"

namespace migcmd_test {
namespace fs = std::filesystem;

CliFixture::CliFixture() {
  std::string pattern = (fs::temp_directory_path() / "migcmd-cli-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  root_ = pattern;
}

CliFixture::~CliFixture() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

CliResult CliFixture::run(const std::vector<std::string>& args) const {
  return run_with_env(args, url());
}

CliResult CliFixture::run_with_env(const std::vector<std::string>& args,
                                   std::optional<std::string> database_url) const {
  const fs::path out_file = root_ / ".stdout";
  const fs::path err_file = root_ / ".stderr";
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // The child: only async-signal-safe work until exec, then the binary.
    if (chdir(root_.c_str()) != 0) _exit(127);
    const int in = open("/dev/null", O_RDONLY);
    const int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0) _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (database_url && !database_url->empty()) {
      setenv("DATABASE_URL", database_url->c_str(), 1);
    } else {
      unsetenv("DATABASE_URL");
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(MIGCMD_CLI_BINARY));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(MIGCMD_CLI_BINARY, argv.data());
    _exit(127);
  }
  int wstatus = 0;
  if (waitpid(pid, &wstatus, 0) != pid) throw std::runtime_error("waitpid failed");
  CliResult result;
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  result.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  result.out = read(out_file);
  result.err = read(err_file);
  return result;
}

void CliFixture::write_migration(const std::string& file, const std::string& up,
                                 const std::string& down) const {
  fs::create_directories(migrations());
  std::ofstream out(migrations() / file, std::ios::binary | std::ios::trunc);
  out << "-- migrate:up\n" << up << "\n\n-- migrate:down\n" << down << "\n";
}

std::string CliFixture::read(const fs::path& path) const {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool CliFixture::table_exists(const std::string& table) const {
  auto db = migcmd::sqlite::connect(url());
  const auto result =
      db->query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'");
  return !result.rows.empty();
}

std::vector<std::string> CliFixture::history_versions() const {
  auto db = migcmd::sqlite::connect(url());
  if (db->query("SELECT name FROM sqlite_master WHERE name = 'migcmd_history'").rows.empty()) {
    return {};
  }
  std::vector<std::string> versions;
  for (const auto& row :
       db->query("SELECT version FROM migcmd_history WHERE status = 'applied' ORDER BY version")
           .rows) {
    versions.push_back(row.at(0).value_or(""));
  }
  return versions;
}

}  // namespace migcmd_test
