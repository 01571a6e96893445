// The startup_service test: starts 8 replicas of the service at once against one PostgreSQL
// database and checks that the migrations ran exactly once. Each run uses a new schema (put first
// on the replicas' search_path through the URL), so reruns start from an empty database.
//
//   launch_replicas path/to/startup_service      server: $MIGCMD_TEST_POSTGRES_URL (required)

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"

namespace {

constexpr int replicas = 8;
constexpr int migrations = 3;  // in startup_service's registry
int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

std::string query_one(migcmd::Connection& db, const std::string& sql) {
  auto result = db.query(sql);
  return result.rows.empty() || result.rows[0].empty() ? "" : result.rows[0][0].value_or("NULL");
}

// Starts the service with `url`, its stdout and stderr going to a pipe; returns the pid.
pid_t start(const std::string& service, const std::string& url, int& read_end) {
  int fds[2];
  if (pipe(fds) != 0) std::exit(2);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    dup2(fds[1], STDERR_FILENO);
    close(fds[0]);
    close(fds[1]);
    execl(service.c_str(), service.c_str(), url.c_str(), static_cast<char*>(nullptr));
    std::perror("exec");
    _exit(127);
  }
  close(fds[1]);
  read_end = fds[0];
  return pid;
}

std::string read_all(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) text.append(buffer, n);
  close(fd);
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  const char* base = std::getenv("MIGCMD_TEST_POSTGRES_URL");
  if (argc != 2 || !base || !*base) {
    std::fprintf(stderr,
                 "usage: launch_replicas SERVICE, with MIGCMD_TEST_POSTGRES_URL set "
                 "(tools/dev/dbs.sh start; eval \"$(tools/dev/dbs.sh env)\")\n");
    return 1;  // fails rather than skips: a missing server is a failed test
  }
  const std::string schema =
      "startup_example_" + std::to_string(getpid()) + "_" + std::to_string(std::random_device{}());
  std::unique_ptr<migcmd::Connection> admin;
  try {
    admin = migcmd::postgres::connect(base);
    admin->execute("CREATE SCHEMA " + schema);
  } catch (const migcmd::Error& e) {
    std::fprintf(stderr, "FAIL: cannot reach the PostgreSQL test server: %s\n", e.what());
    return 1;
  }
  // libpq's options parameter, percent-encoded: "-c search_path=<schema>".
  const std::string url = std::string(base) +
                          (std::string(base).find('?') == std::string::npos ? "?" : "&") +
                          "options=-c%20search_path%3D" + schema;

  // All replicas are started before any is waited for, so they race for the lock.
  std::vector<std::pair<pid_t, int>> children;
  for (int i = 0; i < replicas; ++i) {
    int fd = -1;
    const pid_t pid = start(argv[1], url, fd);
    children.emplace_back(pid, fd);
  }
  int exited_ok = 0;
  int applied_total = 0;
  for (auto [pid, fd] : children) {
    const std::string output = read_all(fd);
    int status = 0;
    waitpid(pid, &status, 0);
    std::printf("  %s", output.c_str());
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++exited_ok;
    const auto at = output.find("applied ");
    if (at != std::string::npos) applied_total += std::atoi(output.c_str() + at + 8);
  }

  try {
    check(exited_ok == replicas, std::to_string(exited_ok) + " of 8 replicas exited with 0");
    check(applied_total == migrations, "the replicas applied " + std::to_string(applied_total) +
                                           " migration(s) between them, expected 3");
    const std::string q = "'" + schema + "'";
    check(query_one(*admin, "SELECT count(*) FROM " + schema + ".migcmd_history") == "3",
          "the history table has 3 rows");
    check(query_one(*admin, "SELECT count(DISTINCT version) FROM " + schema +
                                ".migcmd_history WHERE status = 'applied'") == "3",
          "each version is recorded once, as applied");
    check(query_one(*admin,
                    "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM "
                    "information_schema.tables WHERE table_schema = " +
                        q + " AND table_name IN ('heartbeats', 'service_instances')") ==
              "heartbeats,service_instances",
          "the catalog has both tables");
    check(query_one(*admin, "SELECT count(*) FROM pg_catalog.pg_indexes WHERE schemaname = " + q +
                                " AND indexname = 'ix_heartbeats_beat_at'") == "1",
          "the catalog has the index of the third migration");
    check(query_one(*admin, "SELECT count(*) FROM " + schema + ".heartbeats") == "8",
          "8 heartbeat rows");
    if (failures == 0)
      admin->execute("DROP SCHEMA " + schema + " CASCADE");
    else
      std::printf("schema %s is kept for a look\n", schema.c_str());
  } catch (const migcmd::Error& e) {
    std::printf("FAIL: %s\n", e.what());
    ++failures;
  }
  std::printf(failures == 0 ? "exactly once: all checks passed\n" : "%d check(s) failed\n",
              failures);
  return failures == 0 ? 0 : 1;
}
