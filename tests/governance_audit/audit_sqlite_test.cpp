// The default store, a SQLite file: tampering done with SQL on the file itself, filters, secrets
// looked for in the file's bytes, and appends from forked processes.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "governance_audit/audit_test_support.hpp"
#include "migcmd/governance/audit.hpp"
#include "migcmd/providers/sqlite.hpp"

using namespace migcmd::governance;

namespace {

struct SqliteLog {
  audit_test::TempDir dir;
  std::filesystem::path file = dir.path() / "nested" / ".migcmd" / "audit.db";
  int minute = 0;

  AuditLog open(std::optional<std::string> key = std::nullopt) {
    AuditOptions o;
    o.hmac_key = std::move(key);
    o.clock = [this] { return audit_test::at_minute(minute++); };
    return AuditLog(open_sqlite_audit_store(file), std::move(o));
  }
  void fill(AuditLog& log, int count) {
    for (int i = 1; i <= count; ++i) (void)log.append(audit_test::entry("alice", "run", i));
  }
  // The attacker: plain SQL on the file.
  void sql(const std::string& statement) const {
    migcmd::sqlite::connect("sqlite:" + file.string())->execute(statement);
  }
  std::string cell(const std::string& query) const {
    return migcmd::sqlite::connect("sqlite:" + file.string())
        ->query(query)
        .rows.at(0)
        .at(0)
        .value_or("");
  }
  // Moves entries from `first` on up by one, the way an attacker makes room (the primary key
  // forbids doing it in one UPDATE).
  void shift_up_from(int first) const {
    sql(fmt::format("UPDATE migcmd_audit SET sequence = -sequence - 1 WHERE sequence >= {}",
                    first));
    sql("UPDATE migcmd_audit SET sequence = -sequence WHERE sequence < 0");
  }
};

}  // namespace

TEST_CASE("the SQLite store creates its folder, file and table, and reads back what it stored") {
  SqliteLog s;
  AuditLog log = s.open();
  CHECK(std::filesystem::exists(s.file));
  CHECK(s.cell("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
               "'migcmd_audit'") == "1");
  AuditEntry e = audit_test::entry("alice", "run", 1);
  e.plan_checksum = "c0ffee";
  e.details = {{"risk", "HIGH"}, {"waiver", "drop_column: moved \"data\" in V041"}};
  e.message = "ünïcödé, 'quotes' and \"double\"\nand a newline";
  const AuditEntry stored = log.append(e);
  const auto back = log.entries();
  REQUIRE(back.size() == 1);
  CHECK(back[0] == stored);
  CHECK(s.cell("SELECT plan_checksum FROM migcmd_audit WHERE sequence = 1") == "c0ffee");
  CHECK(s.cell("SELECT hash FROM migcmd_audit WHERE sequence = 1") == stored.hash);
  // The chain survives reopening.
  AuditLog again = s.open();
  const AuditEntry second = again.append(audit_test::entry("bob", "approve", 2));
  CHECK(second.sequence == 2);
  CHECK(second.previous_hash == stored.hash);
  CHECK(again.verify().ok);
  // The key makes the chain, not the store: a second row with sequence 2 is refused.
  CHECK_THROWS(
      (void)s.sql("INSERT INTO migcmd_audit SELECT * FROM migcmd_audit WHERE sequence = 2"));
}

TEST_CASE("tampering with the SQLite file through SQL is named by verify") {
  SqliteLog s;
  {
    AuditLog log = s.open();
    s.fill(log, 10);
    REQUIRE(log.verify().ok);
  }
  std::string expected;
  std::int64_t first_bad = 0;
  SUBCASE("edit") {
    s.sql("UPDATE migcmd_audit SET message = 'nothing happened' WHERE sequence = 7");
    expected = "entry 7 was edited: its content no longer matches its hash";
    first_bad = 7;
  }
  SUBCASE("edit of the actor of the first entry") {
    s.sql("UPDATE migcmd_audit SET actor = 'mallory' WHERE sequence = 1");
    expected = "entry 1 was edited: its content no longer matches its hash";
    first_bad = 1;
  }
  SUBCASE("edit of a number into text") {
    s.sql("UPDATE migcmd_audit SET duration_ms = 'lots' WHERE sequence = 2");
    expected = "entry 2 was edited: its content no longer matches its hash";
    first_bad = 2;
  }
  SUBCASE("renumbering the newest entry to the end of the range") {
    s.sql("UPDATE migcmd_audit SET sequence = 9223372036854775807 WHERE sequence = 10");
    expected = "entry 9223372036854775807 was edited: it was written as entry 10";
    first_bad = 9223372036854775807;
  }
  SUBCASE("delete") {
    s.sql("DELETE FROM migcmd_audit WHERE sequence = 5");
    expected = "entry 5 is missing (deleted)";
    first_bad = 5;
  }
  SUBCASE("delete, renumbering the rest") {
    s.sql("DELETE FROM migcmd_audit WHERE sequence = 5");
    s.sql("UPDATE migcmd_audit SET sequence = sequence - 1 WHERE sequence > 5");
    expected = "entry 5 is missing (deleted)";
    first_bad = 5;
  }
  SUBCASE("insert") {
    s.shift_up_from(9);
    s.sql(
        "INSERT INTO migcmd_audit SELECT 9, time, 'mallory', 'approve', result, environment, "
        "plan_checksum, target, 'approved', duration_ms, host, pid, tool_version, details, "
        "hash, hash FROM migcmd_audit WHERE sequence = 8");
    expected = "entry 9 was inserted";
    first_bad = 9;
  }
  SUBCASE("insert with a correctly computed SHA-256") {
    AuditLog log = s.open();
    AuditEntry forged = log.entries().at(7);
    forged.sequence = 9;
    forged.actor = "mallory";
    forged.action = "approve";
    forged.previous_hash = forged.hash;
    forged.hash = audit_entry_hash(forged, std::nullopt);
    s.shift_up_from(9);
    s.sql(fmt::format(
        "INSERT INTO migcmd_audit SELECT 9, time, 'mallory', 'approve', result, environment, "
        "plan_checksum, target, message, duration_ms, host, pid, tool_version, details, hash, "
        "'{}' FROM migcmd_audit WHERE sequence = 8",
        forged.hash));
    expected = "entry 9 was inserted";
    first_bad = 9;
  }
  SUBCASE("reorder") {
    s.sql("UPDATE migcmd_audit SET sequence = -1 WHERE sequence = 3");
    s.sql("UPDATE migcmd_audit SET sequence = 3 WHERE sequence = 4");
    s.sql("UPDATE migcmd_audit SET sequence = 4 WHERE sequence = -1");
    expected = "entries 3 and 4 are out of order";
    first_bad = 3;
  }
  SUBCASE("reorder, swapping whole rows but the sequence") {
    const std::string cols =
        "time, actor, action, result, environment, plan_checksum, target, message, duration_ms, "
        "host, pid, tool_version, details, previous_hash, hash";
    s.sql("CREATE TABLE keep AS SELECT * FROM migcmd_audit WHERE sequence IN (6, 7)");
    s.sql(
        fmt::format("UPDATE migcmd_audit SET ({}) = (SELECT {} FROM keep WHERE sequence = 7) "
                    "WHERE sequence = 6",
                    cols, cols));
    s.sql(
        fmt::format("UPDATE migcmd_audit SET ({}) = (SELECT {} FROM keep WHERE sequence = 6) "
                    "WHERE sequence = 7",
                    cols, cols));
    expected = "entries 6 and 7 are out of order";
    first_bad = 6;
  }
  AuditLog log = s.open();
  const AuditVerification v = log.verify();
  CHECK_FALSE(v.ok);
  CHECK(v.problem == expected);
  CHECK(v.first_bad_sequence == first_bad);
}

TEST_CASE("a keyed SQLite log detects a chain rewritten without the key") {
  SqliteLog s;
  const std::string key = "0123456789abcdef0123456789abcdef";
  {
    AuditLog log = s.open(key);
    s.fill(log, 6);
    CHECK(log.verify().ok);
  }
  // The attacker edits entry 4 and recomputes every hash from there with plain SHA-256.
  s.sql("UPDATE migcmd_audit SET result = 'succeeded', actor = 'mallory' WHERE sequence = 4");
  {
    AuditLog plain = s.open();
    std::vector<AuditEntry> rows = plain.entries();
    for (std::size_t i = 3; i < rows.size(); ++i) {
      rows[i].previous_hash = rows[i - 1].hash;
      rows[i].hash = audit_entry_hash(rows[i], std::nullopt);
      s.sql(
          fmt::format("UPDATE migcmd_audit SET previous_hash = '{}', hash = '{}' WHERE "
                      "sequence = {}",
                      rows[i].previous_hash, rows[i].hash, rows[i].sequence));
    }
  }
  AuditLog keyed = s.open(key);
  const AuditVerification v = keyed.verify();
  CHECK_FALSE(v.ok);
  CHECK(v.first_bad_sequence == 4);
  CHECK(v.problem ==
        "entry 4 was edited and rehashed without the audit key (its hash is a plain SHA-256)");
}

TEST_CASE("entries filtered by time range, environment, actor and action; newest first") {
  SqliteLog s;
  AuditLog log = s.open();
  // minute 0..5: alice/run/production, bob/approve/staging alternately.
  for (int i = 0; i < 6; ++i) {
    (void)log.append(i % 2 == 0 ? audit_test::entry("alice", "run", i, "production")
                                : audit_test::entry("bob", "approve", i, "staging"));
  }
  (void)log.append(audit_test::entry("Alice", "run", 6, "production"));  // minute 6
  auto sequences = [](const std::vector<AuditEntry>& entries) {
    std::vector<std::int64_t> out;
    for (const auto& e : entries) out.push_back(e.sequence);
    return out;
  };
  using V = std::vector<std::int64_t>;
  CHECK(sequences(log.entries()) == V{1, 2, 3, 4, 5, 6, 7});
  AuditFilter f;
  f.since = audit_test::at_minute(2);
  f.until = audit_test::at_minute(4);
  CHECK(sequences(log.entries(f)) == V{3, 4});
  f = {};
  f.environment = "staging";
  CHECK(sequences(log.entries(f)) == V{2, 4, 6});
  f = {};
  f.actor = "alice";  // exact: "Alice" is someone else
  CHECK(sequences(log.entries(f)) == V{1, 3, 5});
  f = {};
  f.action = "approve";
  f.since = audit_test::at_minute(3);
  CHECK(sequences(log.entries(f)) == V{4, 6});
  f = {};
  f.newest_first = true;
  f.limit = 3;
  CHECK(sequences(log.entries(f)) == V{7, 6, 5});
  f.actor = "alice";
  f.limit = 2;
  CHECK(sequences(log.entries(f)) == V{5, 3});
  f = {};
  f.limit = 0;
  CHECK(log.entries(f).empty());
}

TEST_CASE("secrets never reach the SQLite file") {
  SqliteLog s;
  {
    AuditLog log = s.open();
    AuditEntry e = audit_test::entry("alice", "run", 1);
    e.target = "postgres://app:Sup3rS3cret@db.example.com/shop";
    e.message = "connect to mysql://root:Sup3rS3cret@db/x failed; retry with password=Sup3rS3cret";
    e.details = {{"token", "Sup3rS3cret"}, {"header", "Authorization: Bearer Sup3rS3cret"}};
    (void)log.append(e);
    CHECK(log.entries().at(0).target == "postgres://app:***@db.example.com/shop");
  }
  std::string bytes;
  for (const char* suffix : {"", "-wal", "-journal"}) {
    std::ifstream in(s.file.string() + suffix, std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  CHECK(bytes.find("app:***@db.example.com") != std::string::npos);  // the entry is there...
  CHECK(bytes.find("Sup3rS3cret") == std::string::npos);             // ...its secret is not
}

TEST_CASE("8 processes appending 25 entries each to one SQLite file make one chain") {
  SqliteLog s;
  (void)s.open();  // the file and table exist before the race (creation races are tested below)
  constexpr int processes = 8;
  constexpr int appends = 25;
  std::vector<pid_t> children;
  for (int p = 0; p < processes; ++p) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int status = 0;
      try {
        AuditLog log(open_sqlite_audit_store(s.file));
        for (int i = 0; i < appends; ++i) {
          AuditEntry e = audit_test::entry(fmt::format("worker{}", p), "migration", i);
          e.details = {{"worker", std::to_string(p)}, {"n", std::to_string(i)}};
          (void)log.append(e);
        }
      } catch (const std::exception& e) {
        fmt::print(stderr, "worker {}: {}\n", p, e.what());
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
  AuditLog log(open_sqlite_audit_store(s.file));
  const AuditVerification v = log.verify();
  CHECK(v.ok);
  CHECK(v.problem == "");
  CHECK(v.entries == processes * appends);
  const auto entries = log.entries();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CHECK(entries[i].sequence == static_cast<std::int64_t>(i) + 1);
    seen.insert(entries[i].details.at("worker") + "/" + entries[i].details.at("n"));
  }
  CHECK(seen.size() == static_cast<std::size_t>(processes * appends));
  std::set<int> pids;
  for (const auto& e : entries) pids.insert(e.pid);
  CHECK(pids.size() == static_cast<std::size_t>(processes));
}

TEST_CASE("processes racing to create the SQLite audit file all succeed") {
  SqliteLog s;
  constexpr int processes = 6;
  std::vector<pid_t> children;
  for (int p = 0; p < processes; ++p) {
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      int status = 0;
      try {
        AuditLog log(open_sqlite_audit_store(s.file));
        (void)log.append(audit_test::entry("racer", "plan", p));
      } catch (const std::exception& e) {
        fmt::print(stderr, "racer {}: {}\n", p, e.what());
        status = 1;
      }
      _exit(status);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WEXITSTATUS(status) == 0);
  }
  AuditLog log(open_sqlite_audit_store(s.file));
  CHECK(log.verify().ok);
  CHECK(log.verify().entries == processes);
}
