// Locks held by other processes: a runner whose connection closes, or whose process dies, frees
// the lock; eight runners started at once each apply their read-modify-write exactly once.
// Children open their own connections after fork() and leave with _exit(), never returning into
// doctest.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "mariadb_lock_support.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/mysql.hpp"

using namespace std::chrono_literals;
using namespace mariadb_lock_test;
using migcmd::Error;
using migcmd::ErrorCode;
using migcmd::LockOptions;
using migcmd::Provider;

namespace {

class Pipe {
 public:
  Pipe() { REQUIRE(pipe(fds_) == 0); }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;

  [[nodiscard]] int read_end() const { return fds_[0]; }
  [[nodiscard]] int write_end() const { return fds_[1]; }
  void close_read() { close_fd(fds_[0]); }
  void close_write() { close_fd(fds_[1]); }

 private:
  static void close_fd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
  }
  int fds_[2] = {-1, -1};
};

// Runs `body` in a child process, which ends with the status `body` returns (2 when it throws).
template <typename F>
pid_t spawn(F&& body) {
  std::fflush(nullptr);  // no buffered output printed twice
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int status = 2;
    try {
      status = body();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "child %ld: %s\n", static_cast<long>(getpid()), e.what());
    }
    _exit(status);
  }
  return pid;
}

// The child's exit status, 128 + the signal when a signal ended it.
int wait_for(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Blocks until a byte arrives or every writer closed the pipe; true for a byte.
bool wait_on(int fd) {
  char byte = 0;
  ssize_t n = 0;
  do {
    n = read(fd, &byte, 1);
  } while (n < 0 && errno == EINTR);
  return n == 1;
}

// Drops the test table whatever the test's outcome.
struct TableGuard {
  const Provider& provider;
  std::string table;
  ~TableGuard() {
    try {
      auto connection = provider.connect(server_url());
      connection->execute("DROP TABLE IF EXISTS " + provider.dialect().quote_identifier(table));
    } catch (const std::exception& e) {
      MESSAGE("could not drop " << table << ": " << std::string(e.what()));
    }
  }
};

// A child takes the lock and then closes its connection (or is killed, when `kill_it`); the
// lock must then come free for this process.
void check_freed_when_holder_goes(bool kill_it) {
  const auto provider = migcmd::mysql::make_provider();
  const std::string name = unique_name("gone");
  Pipe ready;
  Pipe go;
  // No connection is open in this process before fork().
  const pid_t child = spawn([&] {
    ready.close_read();
    go.close_write();
    auto connection = provider->connect(server_url());
    auto lock = provider->acquire_lock(*connection, LockOptions{name, 5s});
    if (write(ready.write_end(), "L", 1) != 1) return 3;
    wait_on(go.read_end());
    // Closes the session without RELEASE_LOCK; `lock` is never used again, as _exit runs no
    // destructors.
    connection.reset();
    _exit(0);
    return 0;
  });
  ready.close_write();
  go.close_read();
  REQUIRE_MESSAGE(wait_on(ready.read_end()), "the child could not take the lock");

  auto observer = connect_or_fail(*provider);
  CHECK(value(*observer, fmt::format("SELECT IS_USED_LOCK({})",
                                     provider->dialect().literal(migcmd::Value(name)))) !=
        std::nullopt);
  CHECK_THROWS_WITH_AS(auto lock = provider->acquire_lock(*observer, LockOptions{name, 200ms}),
                       doctest::Contains("timed out after 200 ms"), Error);

  if (kill_it) {
    REQUIRE(kill(child, SIGKILL) == 0);
    CHECK(wait_for(child) == 128 + SIGKILL);
  } else {
    go.close_write();
    CHECK(wait_for(child) == 0);
  }
  const Stopwatch watch;
  auto lock = provider->acquire_lock(*observer, LockOptions{name, 10s});
  CHECK(watch.elapsed_ms() < 5'000);
  CHECK(value(*observer, fmt::format("SELECT IS_USED_LOCK({})",
                                     provider->dialect().literal(migcmd::Value(name)))) ==
        provider->session_id(*observer));
}

}  // namespace

TEST_CASE("mariadb lock: a runner whose connection closes frees the lock") {
  check_freed_when_holder_goes(false);
}

TEST_CASE("mariadb lock: a runner whose process is killed frees the lock") {
  check_freed_when_holder_goes(true);
}

TEST_CASE("mariadb lock: eight processes increment a counter under the lock") {
  constexpr int runners = 8;
  const auto provider = migcmd::mysql::make_provider();
  const std::string name = unique_name("counter");
  const std::string table = provider->dialect().quote_identifier(name);
  TableGuard guard{*provider, name};
  {
    auto setup = connect_or_fail(*provider);
    setup->execute(fmt::format("CREATE TABLE {} (id INT PRIMARY KEY, n INT NOT NULL)", table));
    setup->execute(fmt::format("INSERT INTO {} VALUES (1, 0)", table));
  }  // closed: no connection is open in this process when the children fork

  Pipe start;
  std::vector<pid_t> children;
  for (int i = 0; i < runners; ++i) {
    children.push_back(spawn([&] {
      start.close_write();
      auto connection = provider->connect(server_url());
      wait_on(start.read_end());  // every runner connected: go at once
      auto lock = provider->acquire_lock(*connection, LockOptions{name, 60s});
      const auto rows = connection->query(fmt::format("SELECT n FROM {} WHERE id = 1", table));
      const int n = std::stoi(rows.rows.at(0).at(0).value());
      // Without the lock, others read the same n meanwhile and increments are lost.
      std::this_thread::sleep_for(5ms);
      connection->execute(fmt::format("UPDATE {} SET n = {} WHERE id = 1", table, n + 1));
      lock->release();
      return 0;
    }));
  }
  start.close_write();
  for (pid_t child : children) CHECK(wait_for(child) == 0);

  auto check = connect_or_fail(*provider);
  CHECK(value(*check, fmt::format("SELECT n FROM {} WHERE id = 1", table)) ==
        std::to_string(runners));
}
