// The snapshot file: a stable JSON document, read back equal, errors naming the file and the JSON
// path, newer formats refused, written atomically.

#include "migcmd/snapshot.hpp"

#include <doctest/doctest.h>

#include "migcmd/error.hpp"
#include "scaffold/temp_dir.hpp"
#include "support/realistic_schemas.hpp"
#include "support/sample_operations.hpp"

using migcmd::Error;
using migcmd::ErrorCode;
using migcmd::Snapshot;
using migcmd_test::ScaffoldDir;

namespace {

std::string replace_first(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

ErrorCode code_of(const std::string& json) {
  try {
    (void)migcmd::snapshot_from_json(json, "snap.json");
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no error");
  return ErrorCode::internal;
}

}  // namespace

TEST_CASE("a snapshot round-trips through JSON with its own keys first") {
  const Snapshot snapshot{migcmd::test::sample_schema(), "20250101000000", "sqlite"};
  const std::string json = migcmd::to_json(snapshot);
  CHECK(json.rfind("{\n"
                   "  \"snapshot_format_version\": 1,\n"
                   "  \"last_version\": \"20250101000000\",\n"
                   "  \"dialect\": \"sqlite\",\n"
                   "  \"format_version\": 1,\n"
                   "  \"tables\": [\n",
                   0) == 0);
  CHECK(json.back() == '\n');
  const Snapshot back = migcmd::snapshot_from_json(json, "snap.json");
  CHECK(back == snapshot);
  CHECK(migcmd::to_json(back) == json);  // stable: rewriting an unchanged snapshot changes nothing

  migcmd::Capabilities all;
  all.partial_indexes = all.expression_indexes = true;
  for (const auto& [name, schema] : migcmd::test::realistic_schemas(all)) {
    INFO(name);
    const Snapshot s{schema, "7", ""};
    CHECK(migcmd::snapshot_from_json(migcmd::to_json(s), name) == s);
  }
  const Snapshot empty;
  CHECK(migcmd::snapshot_from_json(migcmd::to_json(empty), "empty") == empty);
}

TEST_CASE("a bad snapshot is reported with the file and the JSON path") {
  const std::string json = migcmd::to_json(Snapshot{migcmd::test::sample_schema(), "1", "sqlite"});
  CHECK_THROWS_WITH_AS(
      (void)migcmd::snapshot_from_json("{\"snapshot_format_version\": 1,", "snap.json"),
      doctest::Contains("snap.json: not valid JSON"), Error);
  CHECK_THROWS_WITH_AS(
      (void)migcmd::snapshot_from_json(
          replace_first(json, "\"kind\": \"string\"", "\"kind\": \"varchar\""), "snap.json"),
      doctest::Contains("snap.json: schema JSON /tables/0/columns/1/type/kind: unknown type kind "
                        "\"varchar\""),
      Error);
  CHECK_THROWS_WITH_AS(
      (void)migcmd::snapshot_from_json(
          replace_first(json, "\"nullable\": false", "\"nullable\": \"no\""), "snap.json"),
      doctest::Contains("snap.json: schema JSON /tables/0/columns/0/nullable: expected true or "
                        "false"),
      Error);
  CHECK_THROWS_WITH_AS(
      (void)migcmd::snapshot_from_json(
          replace_first(json, "\"last_version\": \"1\"", "\"last_version\": 1"), "snap.json"),
      doctest::Contains("snap.json: snapshot JSON /last_version: expected a string"), Error);
  CHECK_THROWS_WITH_AS((void)migcmd::snapshot_from_json("{\"format_version\": 1}", "schema.json"),
                       doctest::Contains("schema.json: snapshot JSON /: missing "
                                         "\"snapshot_format_version\""),
                       Error);
  CHECK_THROWS_WITH_AS((void)migcmd::snapshot_from_json("[1, 2]", "snap.json"),
                       doctest::Contains("expected an object"), Error);
  CHECK(code_of("{") == ErrorCode::invalid_schema);
}

TEST_CASE("a snapshot from a newer migcmd is refused, with the versions and a hint") {
  const std::string json = migcmd::to_json(Snapshot{});
  const std::string newer =
      replace_first(json, "\"snapshot_format_version\": 1", "\"snapshot_format_version\": 2");
  try {
    (void)migcmd::snapshot_from_json(newer, "snap.json");
    FAIL("a newer snapshot was read");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_schema);
    CHECK(e.message() ==
          "snap.json: snapshot JSON /snapshot_format_version: format version 2 is not supported "
          "(this migcmd reads 1 to 1)");
    CHECK(e.hint().find("newer migcmd") != std::string::npos);
  }
  // The schema part has its own version, checked as well.
  CHECK_THROWS_WITH_AS(
      (void)migcmd::snapshot_from_json(replace_first(json, "\"format_version\": 1,\n  \"tables\"",
                                                     "\"format_version\": 9,\n  \"tables\""),
                                       "snap.json"),
      doctest::Contains(
          "snap.json: schema JSON /format_version: format version 9 is not supported"),
      Error);
  CHECK(code_of(replace_first(json, "\"snapshot_format_version\": 1",
                              "\"snapshot_format_version\": 0")) == ErrorCode::invalid_schema);
}

TEST_CASE("write_snapshot replaces the file atomically; read_snapshot reads it back") {
  ScaffoldDir dir;
  const auto path = dir.path() / "db" / "migcmd.snapshot.json";
  const Snapshot first{migcmd::test::sample_schema(), "20250101000000", "postgres"};
  migcmd::write_snapshot(path, first);  // creates the directory
  CHECK(migcmd::read_snapshot(path) == first);
  CHECK(dir.files("db") == std::vector<std::string>{"migcmd.snapshot.json"});

  Snapshot second = first;
  second.schema.tables.pop_back();
  second.last_version = "20250102000000";
  migcmd::write_snapshot(path, second);
  CHECK(migcmd::read_snapshot(path) == second);
  CHECK(dir.files("db") == std::vector<std::string>{"migcmd.snapshot.json"});  // no temp file left
  CHECK(dir.read("db/migcmd.snapshot.json") == migcmd::to_json(second));

  CHECK_THROWS_WITH_AS((void)migcmd::read_snapshot(dir.path() / "missing.json"),
                       doctest::Contains("missing.json"), Error);
  dir.write("file", "x");
  try {
    migcmd::write_snapshot(dir.path() / "file" / "snap.json", first);
    FAIL("wrote below a file");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::io_error);
  }
  dir.write("bad.json", "{\"snapshot_format_version\": 1, \"format_version\": 1, \"tables\": 3}");
  CHECK_THROWS_WITH_AS((void)migcmd::read_snapshot(dir.path() / "bad.json"),
                       doctest::Contains("bad.json: schema JSON /tables: expected an array"),
                       Error);
}
