// 16 separate `migcmd up` processes started at the same moment on one database: every
// migration is applied exactly once and every process exits 0.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include "migrator_fixture.hpp"

using namespace migcmd;
using migcmd::test::TestDatabase;

TEST_CASE("16 migcmd up processes at once apply each migration exactly once") {
  TestDatabase db;
  db.write_file("20250101000000_log.sql", "-- migrate:up\nCREATE TABLE applied_log (k INT);\n");
  for (int k = 2; k <= 9; ++k) {
    db.write_file(fmt::format("2025010{}000000_m{}.sql", k, k),
                  fmt::format("-- migrate:up\nINSERT INTO applied_log (k) VALUES ({});\n"
                              "CREATE TABLE t{} (id INT);\n",
                              k, k));
  }
  const std::string dir = (db.dir() / "migrations").string();
  int start_gate[2];
  REQUIRE(pipe(start_gate) == 0);
  std::vector<pid_t> children;
  for (int i = 0; i < 16; ++i) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      close(start_gate[1]);
      char byte;
      (void)!read(start_gate[0], &byte, 1);  // returns when the parent closes the gate
      const std::string url = db.url();
      execl(MIGCMD_CLI_BINARY, "migcmd", "up", "--url", url.c_str(), "--dir", dir.c_str(),
            "--lock-timeout", "120", static_cast<char*>(nullptr));
      _exit(127);
    }
    children.push_back(pid);
  }
  close(start_gate[0]);
  close(start_gate[1]);  // all 16 start now
  int failures = 0;
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failures;
  }
  CHECK(failures == 0);
  CHECK(db.scalar("SELECT count(*) FROM applied_log") == "8");
  CHECK(db.scalar("SELECT count(DISTINCT k) FROM applied_log") == "8");
  auto history = db.history();
  CHECK(history.size() == 9);
  for (const auto& row : history) CHECK(row.status == MigrationStatus::applied);
  for (int k = 2; k <= 9; ++k) CHECK(db.table_exists(fmt::format("t{}", k)));
}
