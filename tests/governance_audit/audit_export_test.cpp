// Times as stored and as typed, and the JSON and CSV exports.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "governance_audit/audit_test_support.hpp"
#include "migcmd/error.hpp"
#include "migcmd/governance/audit.hpp"

using namespace migcmd::governance;

TEST_CASE("audit times are stored in one form and parsed leniently") {
  CHECK(format_audit_time(parse_audit_time("2026-11-21T14:05:09.123Z")) ==
        "2026-11-21T14:05:09.123Z");
  CHECK(format_audit_time(parse_audit_time("2026-11-21")) == "2026-11-21T00:00:00.000Z");
  CHECK(format_audit_time(parse_audit_time("2026-11-21T14:05")) == "2026-11-21T14:05:00.000Z");
  CHECK(format_audit_time(parse_audit_time("2026-11-21 14:05:09")) == "2026-11-21T14:05:09.000Z");
  CHECK(format_audit_time(parse_audit_time("2026-11-21T14:05:09.5")) == "2026-11-21T14:05:09.500Z");
  CHECK(format_audit_time(parse_audit_time("2026-11-21T01:30:00+02:00")) ==
        "2026-11-20T23:30:00.000Z");
  CHECK(format_audit_time(parse_audit_time("2026-11-21T23:30:00-0130")) ==
        "2026-11-22T01:00:00.000Z");
  for (const char* bad : {"", "yesterday", "2026-13-01", "2026-02-30", "2026-11-21T25:00",
                          "2026-11-21T10:00:00Zjunk", "21/11/2026"}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH_AS((void)parse_audit_time(bad), doctest::Contains("is not a time"),
                         migcmd::Error);
  }
}

namespace {

std::vector<AuditEntry> two_entries() {
  AuditEntry a = audit_test::entry("alice", "run", 1);
  a.sequence = 1;
  a.time = "2026-11-21T10:00:00.000Z";
  a.message = "said \"yes\", then left\nfor lunch";
  a.details = {{"waiver", "drop_column: data moved in V041"}};
  a.host = "h";
  a.pid = 3;
  a.tool_version = "0.1.0";
  a.previous_hash = std::string(64, '0');
  a.hash = "aa";
  AuditEntry b = audit_test::entry("bob", "approve", 2, "staging");
  b.sequence = 2;
  b.time = "2026-11-21T10:01:00.000Z";
  b.previous_hash = "aa";
  b.hash = "bb";
  return {a, b};
}

}  // namespace

TEST_CASE("CSV export follows RFC 4180") {
  const std::string csv = export_csv(two_entries());
  const std::string header =
      "sequence,time,actor,action,result,environment,plan_checksum,target,message,duration_ms,"
      "host,pid,tool_version,details,previous_hash,hash\r\n";
  CHECK(csv.starts_with(header));
  CHECK(csv.find("1,2026-11-21T10:00:00.000Z,alice,run,succeeded,production,,V1,"
                 "\"said \"\"yes\"\", then left\nfor lunch\",1,h,3,0.1.0,"
                 "\"{\"\"waiver\"\":\"\"drop_column: data moved in V041\"\"}\",") !=
        std::string::npos);
  CHECK(csv.find("\r\n2,2026-11-21T10:01:00.000Z,bob,approve,succeeded,staging,,V2,step 2,2,,0,,,"
                 "aa,bb\r\n") != std::string::npos);
  CHECK(csv.ends_with("\r\n"));
  CHECK(export_csv({}) == header);
}

TEST_CASE("CSV export: text a spreadsheet could run as a formula starts with an apostrophe") {
  AuditEntry e;
  e.sequence = 1;
  e.time = "2026-11-20T00:00:00.000Z";
  e.actor = "=1+2";
  e.action = "run";
  e.result = "refused";
  e.environment = "prod";
  e.target = "-1";
  e.message = "@cmd";
  e.duration_ms = -5;  // a number: never guarded
  e.details = {{"hint", "+x"}};
  e.host = "\tspace";
  e.pid = 42;
  const std::string csv = export_csv({e});
  CHECK(csv.find("\r\n1,2026-11-20T00:00:00.000Z,'=1+2,run,refused,prod,,'-1,'@cmd,-5,'\tspace,42,,"
                 "\"{\"\"hint\"\":\"\"+x\"\"}\",,\r\n") != std::string::npos);
}

TEST_CASE("JSON export is an array of entries with every field") {
  const auto json = nlohmann::json::parse(export_json(two_entries()));
  REQUIRE(json.is_array());
  REQUIRE(json.size() == 2);
  CHECK(json[0]["sequence"] == 1);
  CHECK(json[0]["message"] == "said \"yes\", then left\nfor lunch");
  CHECK(json[0]["details"]["waiver"] == "drop_column: data moved in V041");
  CHECK(json[1]["environment"] == "staging");
  CHECK(json[1]["details"].is_object());
  CHECK(json[1]["hash"] == "bb");
  for (const char* key : {"sequence", "time", "actor", "action", "result", "environment",
                          "plan_checksum", "target", "message", "duration_ms", "host", "pid",
                          "tool_version", "details", "previous_hash", "hash"}) {
    CHECK(json[0].contains(key));
  }
  CHECK(json[0].size() == 16);
  CHECK(nlohmann::json::parse(export_json({})) == nlohmann::json::array());
}
