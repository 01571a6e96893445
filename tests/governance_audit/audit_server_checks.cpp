#include "governance_audit/audit_server_checks.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include "governance_audit/audit_test_support.hpp"

namespace audit_test {

using namespace migcmd::governance;

namespace {

AuditLog open_log(const ServerStore& server) {
  AuditOptions options;
  options.hmac_key = "server test key";
  return AuditLog(server.open(), options);
}

}  // namespace

void check_round_trip(const ServerStore& server) {
  server.drop();
  AuditLog log = open_log(server);
  AuditEntry e = entry("alice", "run", 1);
  e.message = "ünïcödé, 'quotes', \"double\", back\\slash, trailing spaces  ";
  e.details = {{"waiver", "drop_column: data moved in V041"}, {"url", "postgres://u:pw@h/db"}};
  const AuditEntry first = log.append(e);
  const AuditEntry second = log.append(entry("bob", "approve", 2, "staging"));
  const auto back = log.entries();
  REQUIRE(back.size() == 2);
  CHECK(back[0] == first);
  CHECK(back[1] == second);
  CHECK(back[0].details.at("url") == "postgres://u:***@h/db");
  CHECK(log.verify().ok);
  // What the database holds, asked directly.
  auto db = server.connect();
  const auto rows = db->query(fmt::format("SELECT sequence, actor, hash FROM {} ORDER BY sequence",
                                          server.table_sql))
                        .rows;
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].at(0).value_or("") == "2");
  CHECK(rows[1].at(1).value_or("") == "bob");
  CHECK(rows[1].at(2).value_or("") == second.hash);
  // The primary key refuses a second entry 2.
  CHECK_THROWS(db->execute(fmt::format("INSERT INTO {} SELECT * FROM {} WHERE sequence = 2",
                                       server.table_sql, server.table_sql)));
  AuditFilter f;
  f.environment = "staging";
  REQUIRE(log.entries(f).size() == 1);
  CHECK(log.entries(f)[0].actor == "bob");
  f = {};
  f.newest_first = true;
  f.limit = 1;
  REQUIRE(log.entries(f).size() == 1);
  CHECK(log.entries(f)[0].sequence == 2);
  server.drop();
}

void check_tampering(const ServerStore& server) {
  server.drop();
  {
    AuditLog log = open_log(server);
    for (int i = 1; i <= 8; ++i) (void)log.append(entry("alice", "run", i));
    REQUIRE(log.verify().ok);
  }
  auto db = server.connect();
  const std::string& t = server.table_sql;
  std::string expected;
  SUBCASE("edit") {
    db->execute(fmt::format("UPDATE {} SET message = 'nothing happened' WHERE sequence = 6", t));
    expected = "entry 6 was edited: its content no longer matches its hash";
  }
  SUBCASE("delete") {
    db->execute(fmt::format("DELETE FROM {} WHERE sequence = 4", t));
    expected = "entry 4 is missing (deleted)";
  }
  SUBCASE("insert") {
    db->execute(fmt::format("UPDATE {} SET sequence = -sequence - 1 WHERE sequence >= 5", t));
    db->execute(fmt::format("UPDATE {} SET sequence = -sequence WHERE sequence < 0", t));
    db->execute(fmt::format(
        "INSERT INTO {} SELECT 5, time, 'mallory', action, result, environment, plan_checksum, "
        "target, message, duration_ms, host, pid, tool_version, details, hash, hash FROM {} "
        "WHERE sequence = 4",
        t, t));
    expected = "entry 5 was inserted";
  }
  SUBCASE("reorder") {
    db->execute(fmt::format("UPDATE {} SET sequence = -1 WHERE sequence = 2", t));
    db->execute(fmt::format("UPDATE {} SET sequence = 2 WHERE sequence = 3", t));
    db->execute(fmt::format("UPDATE {} SET sequence = 3 WHERE sequence = -1", t));
    expected = "entries 2 and 3 are out of order";
  }
  AuditLog log = open_log(server);
  const AuditVerification v = log.verify();
  CHECK_FALSE(v.ok);
  CHECK(v.problem == expected);
  server.drop();
}

void check_concurrent_appends(const ServerStore& server, int processes, int appends) {
  server.drop();
  (void)server.open();  // the table exists before the race
  std::vector<pid_t> children;
  for (int p = 0; p < processes; ++p) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int status = 0;
      try {
        AuditLog log = open_log(server);
        for (int i = 0; i < appends; ++i) {
          AuditEntry e = entry(fmt::format("worker{}", p), "migration", i);
          e.details = {{"worker", std::to_string(p)}, {"n", std::to_string(i)}};
          (void)log.append(e);
        }
      } catch (const std::exception& e) {
        fmt::print(stderr, "{} worker {}: {}\n", server.name, p, e.what());
        status = 1;
      }
      _exit(status);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  AuditLog log = open_log(server);
  const AuditVerification v = log.verify();
  CHECK(v.problem == "");
  CHECK(v.ok);
  CHECK(v.entries == processes * appends);
  const auto entries = log.entries();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CHECK(entries[i].sequence == static_cast<std::int64_t>(i) + 1);
    seen.insert(entries[i].details.at("worker") + "/" + entries[i].details.at("n"));
  }
  CHECK(seen.size() == static_cast<std::size_t>(processes * appends));
  auto db = server.connect();
  CHECK(db->query(fmt::format("SELECT COUNT(*), MIN(sequence), MAX(sequence) FROM {}",
                              server.table_sql))
            .rows.at(0) ==
        migcmd::Row{std::to_string(processes * appends), "1", std::to_string(processes * appends)});
  server.drop();
}

}  // namespace audit_test
