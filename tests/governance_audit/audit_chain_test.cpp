// The chain itself, on an in-memory store: the canonical form and hash pinned against an
// independent implementation (Python's hashlib/hmac), appending, and verify's diagnosis of each
// kind of tampering.

#include <doctest/doctest.h>

#include "governance_audit/audit_test_support.hpp"
#include "migcmd/error.hpp"
#include "migcmd/governance/audit.hpp"

using namespace migcmd::governance;
using audit_test::MemoryStore;

namespace {

const std::string zeros(64, '0');

AuditEntry sample() {
  AuditEntry e;
  e.sequence = 1;
  e.time = "2026-11-21T14:05:09.123Z";
  e.actor = "alice";
  e.action = "run";
  e.result = "succeeded";
  e.environment = "production";
  e.plan_checksum = "abc";
  e.target = "20260101_users";
  e.message = "He said \"hi\"\n\x01";
  e.duration_ms = 42;
  e.host = "db1";
  e.pid = 7;
  e.tool_version = "0.1.0";
  e.details = {{"b", "2"}, {"a", "1"}};
  e.previous_hash = zeros;
  return e;
}

struct Log {
  std::shared_ptr<std::vector<AuditEntry>> rows = std::make_shared<std::vector<AuditEntry>>();
  int minute = 0;
  AuditLog log;

  explicit Log(std::optional<std::string> key = std::nullopt)
      : log(std::make_unique<MemoryStore>(rows), options(std::move(key))) {}

  AuditOptions options(std::optional<std::string> key) {
    AuditOptions o;
    o.hmac_key = std::move(key);
    o.clock = [this] { return audit_test::at_minute(minute++); };
    o.host = "host1";
    o.pid = 4242;
    o.tool_version = "9.9.9";
    return o;
  }

  void fill(int count) {
    for (int i = 1; i <= count; ++i) (void)log.append(audit_test::entry("alice", "run", i));
  }
  AuditEntry& at(std::int64_t sequence) {
    for (auto& e : *rows) {
      if (e.sequence == sequence) return e;
    }
    throw std::runtime_error("no entry " + std::to_string(sequence));
  }
};

void sort_rows(std::vector<AuditEntry>& rows) {
  std::stable_sort(rows.begin(), rows.end(), [](const AuditEntry& a, const AuditEntry& b) {
    return a.sequence < b.sequence;
  });
}

}  // namespace

TEST_CASE("the canonical form and hash are pinned byte for byte") {
  const AuditEntry e = sample();
  CHECK(audit_canonical_json(e) ==
        R"({"sequence":1,"time":"2026-11-21T14:05:09.123Z","actor":"alice","action":"run",)"
        R"("result":"succeeded","environment":"production","plan_checksum":"abc",)"
        R"("target":"20260101_users","message":"He said \"hi\"\n\u0001","duration_ms":42,)"
        R"("host":"db1","pid":7,"tool_version":"0.1.0","details":{"a":"1","b":"2"},)"
        R"("previous_hash":"0000000000000000000000000000000000000000000000000000000000000000"})");
  // python3: hashlib.sha256((zeros + canonical).encode()).hexdigest()
  CHECK(audit_entry_hash(e, std::nullopt) ==
        "db737c9635b54312f0250dcad30ef89d231c3ce54ef6541d68f1885c2cccb600");
  // python3: hmac.new(b"k3y", (zeros + canonical).encode(), hashlib.sha256).hexdigest()
  CHECK(audit_entry_hash(e, std::string("k3y")) ==
        "87cf7a990af00a455735cd176fa1e239a77cf42636bd76a5d317fbe061903a53");
  AuditEntry with_hash = e;
  with_hash.hash = "anything";  // the hash field is not part of what is hashed
  CHECK(audit_canonical_json(with_hash) == audit_canonical_json(e));
}

TEST_CASE("append numbers, stamps and chains entries") {
  Log l;
  const AuditEntry first = l.log.append(audit_test::entry("alice", "plan", 1));
  CHECK(first.sequence == 1);
  CHECK(first.time == "2026-11-21T10:00:00.000Z");
  CHECK(first.host == "host1");
  CHECK(first.pid == 4242);
  CHECK(first.tool_version == "9.9.9");
  CHECK(first.previous_hash == zeros);
  CHECK(first.hash == audit_entry_hash(first, std::nullopt));

  AuditEntry given = audit_test::entry("bob", "approve", 2);
  given.time = "2026-11-21 12:00:00+02:00";  // normalised to the stored form
  given.host = "laptop";
  const AuditEntry second = l.log.append(given);
  CHECK(second.sequence == 2);
  CHECK(second.time == "2026-11-21T10:00:00.000Z");
  CHECK(second.host == "laptop");
  CHECK(second.previous_hash == first.hash);
  CHECK(*l.rows == std::vector<AuditEntry>{first, second});

  const AuditVerification v = l.log.verify();
  CHECK(v.ok);
  CHECK(v.entries == 2);
  CHECK_FALSE(v.first_bad_sequence);
  CHECK(v.problem.empty());

  AuditEntry bad_time = audit_test::entry("bob", "approve", 3);
  bad_time.time = "yesterday";
  CHECK_THROWS_AS((void)l.log.append(bad_time), migcmd::Error);
  CHECK(l.rows->size() == 2);
}

TEST_CASE("an empty log verifies") {
  Log l;
  const AuditVerification v = l.log.verify();
  CHECK(v.ok);
  CHECK(v.entries == 0);
}

TEST_CASE("verify names the edited entry") {
  Log l;
  l.fill(10);
  SUBCASE("message") {
    l.at(7).message = "nothing happened";
  }
  SUBCASE("a detail") {
    l.at(7).details["extra"] = "x";
  }
  SUBCASE("the hash itself") {
    l.at(7).hash[0] = l.at(7).hash[0] == 'a' ? 'b' : 'a';
  }
  SUBCASE("its previous_hash") {
    l.at(7).previous_hash = zeros;
  }
  const AuditVerification v = l.log.verify();
  CHECK_FALSE(v.ok);
  CHECK(v.entries == 10);
  REQUIRE(v.first_bad_sequence);
  CHECK(*v.first_bad_sequence == 7);
  CHECK(v.problem.find("entry 7 was edited") == 0);
}

TEST_CASE("verify names the first and last entries when they are edited") {
  Log l;
  l.fill(3);
  SUBCASE("first") {
    l.at(1).actor = "mallory";
    CHECK(l.log.verify().problem == "entry 1 was edited: its content no longer matches its hash");
  }
  SUBCASE("last") {
    l.at(3).result = "failed";
    CHECK(l.log.verify().problem == "entry 3 was edited: its content no longer matches its hash");
  }
}

TEST_CASE("verify names deleted entries") {
  Log l;
  l.fill(10);
  auto& rows = *l.rows;
  SUBCASE("one") {
    rows.erase(rows.begin() + 4);
    const AuditVerification v = l.log.verify();
    CHECK(v.problem == "entry 5 is missing (deleted)");
    CHECK(v.first_bad_sequence == 5);
    CHECK(v.entries == 9);
  }
  SUBCASE("two") {
    rows.erase(rows.begin() + 4, rows.begin() + 6);
    CHECK(l.log.verify().problem == "entries 5 to 6 are missing (deleted)");
  }
  SUBCASE("the first") {
    rows.erase(rows.begin());
    CHECK(l.log.verify().problem == "entry 1 is missing (deleted)");
  }
  SUBCASE("one, and the later ones renumbered to hide the gap") {
    rows.erase(rows.begin() + 4);
    for (auto& e : rows) {
      if (e.sequence > 5) --e.sequence;
    }
    const AuditVerification v = l.log.verify();
    CHECK(v.problem == "entry 5 is missing (deleted)");
    CHECK(v.first_bad_sequence == 5);
  }
}

TEST_CASE("verify names inserted entries") {
  Log l;
  l.fill(10);
  auto& rows = *l.rows;
  AuditEntry forged = audit_test::entry("mallory", "approve", 99);
  forged.time = rows[7].time;
  forged.sequence = 9;
  forged.previous_hash = rows[7].hash;  // chained after entry 8
  SUBCASE("with a made-up hash") {
    forged.hash = std::string(64, 'f');
  }
  SUBCASE("with a correctly recomputed SHA-256") {
    forged.hash = audit_entry_hash(forged, std::nullopt);
  }
  for (auto& e : rows) {
    if (e.sequence >= 9) ++e.sequence;
  }
  rows.insert(rows.begin() + 8, forged);
  const AuditVerification v = l.log.verify();
  CHECK_FALSE(v.ok);
  CHECK(v.problem == "entry 9 was inserted");
  CHECK(v.first_bad_sequence == 9);
}

TEST_CASE("verify names entries out of order") {
  Log l;
  l.fill(10);
  auto& rows = *l.rows;
  SUBCASE("two neighbours swapped") {
    std::swap(rows[2].sequence, rows[3].sequence);
    sort_rows(rows);
    const AuditVerification v = l.log.verify();
    CHECK(v.problem == "entries 3 and 4 are out of order");
    CHECK(v.first_bad_sequence == 3);
  }
  SUBCASE("the first two swapped") {
    std::swap(rows[0].sequence, rows[1].sequence);
    sort_rows(rows);
    CHECK(l.log.verify().problem == "entries 1 and 2 are out of order");
  }
  SUBCASE("two far apart swapped") {
    std::swap(rows[2].sequence, rows[7].sequence);
    sort_rows(rows);
    CHECK(l.log.verify().problem == "entries 3 and 8 are out of order");
  }
}

TEST_CASE("a keyed chain") {
  Log l(std::string("the audit key"));
  l.fill(5);
  CHECK(l.log.verify().ok);
  CHECK(l.log.keyed());
  for (const auto& e : *l.rows) CHECK(e.hash == audit_entry_hash(e, std::string("the audit key")));

  SUBCASE("verified without the key") {
    AuditLog unkeyed(std::make_unique<MemoryStore>(l.rows));
    const AuditVerification v = unkeyed.verify();
    CHECK_FALSE(v.ok);
    CHECK(v.first_bad_sequence == 1);
    CHECK(v.problem.find("written with an HMAC key") != std::string::npos);
  }
  SUBCASE("verified with another key") {
    AuditOptions other;
    other.hmac_key = "another key";
    AuditLog wrong(std::make_unique<MemoryStore>(l.rows), other);
    CHECK(wrong.verify().problem.find("another HMAC key") != std::string::npos);
  }
  SUBCASE("an entry edited and the rest of the chain rehashed with plain SHA-256") {
    auto& rows = *l.rows;
    rows[2].message = "nothing to see";
    for (std::size_t i = 2; i < rows.size(); ++i) {
      rows[i].previous_hash = rows[i - 1].hash;
      rows[i].hash = audit_entry_hash(rows[i], std::nullopt);
    }
    const AuditVerification v = l.log.verify();
    CHECK_FALSE(v.ok);
    CHECK(v.first_bad_sequence == 3);
    CHECK(v.problem ==
          "entry 3 was edited and rehashed without the audit key (its hash is a plain SHA-256)");
  }
  SUBCASE("the whole chain rewritten with plain SHA-256") {
    auto& rows = *l.rows;
    rows[1].actor = "mallory";
    for (std::size_t i = 0; i < rows.size(); ++i) {
      rows[i].previous_hash = i == 0 ? zeros : rows[i - 1].hash;
      rows[i].hash = audit_entry_hash(rows[i], std::nullopt);
    }
    // Without the key the rewrite is a valid chain: that is what the key is for.
    AuditLog unkeyed(std::make_unique<MemoryStore>(l.rows));
    CHECK(unkeyed.verify().ok);
    const AuditVerification v = l.log.verify();
    CHECK_FALSE(v.ok);
    CHECK(v.first_bad_sequence == 1);
    CHECK(v.problem.find("entry 1 is not signed with the audit key") == 0);
  }
  SUBCASE("an empty key is refused") {
    AuditOptions empty;
    empty.hmac_key = "";
    CHECK_THROWS_AS(AuditLog(std::make_unique<MemoryStore>(l.rows), empty), migcmd::Error);
  }
}
