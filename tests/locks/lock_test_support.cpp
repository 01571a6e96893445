#include "lock_test_support.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <random>
#include <system_error>
#include <vector>

#include "migcmd/error.hpp"

namespace migcmd::test::locks {

std::string unique_name(const std::string& prefix) {
  static std::atomic<int> counter{0};
  static const unsigned seed = std::random_device{}();
  return fmt::format("{}_{}_{}_{:08x}", prefix, getpid(), counter++, seed);
}

milliseconds time_lock_timeout(const std::function<void()>& wait, const std::string& lock_name) {
  const auto start = Clock::now();
  bool timed_out = false;
  try {
    wait();
  } catch (const Error& e) {
    timed_out = true;
    CHECK(e.code() == ErrorCode::lock_timeout);
    CHECK_MESSAGE(
        e.message().find("waiting for the migration lock " + lock_name) != std::string::npos,
        e.what());
    CHECK(e.hint().find("migcmd lock status") != std::string::npos);
  }
  CHECK_MESSAGE(timed_out, "the lock ", lock_name, " was granted although another session held it");
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start);
}

void abandon(std::unique_ptr<MigrationLock> lock) {
  static auto* abandoned = new std::vector<std::unique_ptr<MigrationLock>>();
  abandoned->push_back(std::move(lock));
}

int run_in_children(int children, const std::function<bool()>& work) {
  std::vector<pid_t> pids;
  for (int i = 0; i < children; ++i) {
    const pid_t pid = fork();
    REQUIRE_MESSAGE(pid >= 0, "fork failed");
    if (pid == 0) {
      bool ok = false;
      try {
        ok = work();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "child %d: %s\n", static_cast<int>(getpid()), e.what());
      } catch (...) {
        std::fprintf(stderr, "child %d: unknown exception\n", static_cast<int>(getpid()));
      }
      std::fflush(stderr);
      _exit(ok ? 0 : 1);  // no atexit handlers, no doctest report from the child
    }
    pids.push_back(pid);
  }
  int succeeded = 0;
  for (const pid_t pid : pids) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
      if (errno != EINTR) FAIL("waitpid failed: ", std::generic_category().message(errno));
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++succeeded;
  }
  return succeeded;
}

TempDir::TempDir()
    : path_(std::filesystem::temp_directory_path() / unique_name("migcmd_lock_test")) {
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace migcmd::test::locks
