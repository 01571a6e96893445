// run_commands and parameter binding, on a real SQLite file with hand-written SQL.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "migcmd/migcmd.hpp"
#include "migcmd/providers/sqlite.hpp"

using namespace migcmd;

namespace {

struct TempDatabase {
  std::filesystem::path path;
  TempDatabase() {
    path = std::filesystem::temp_directory_path() /
           ("migcmd-connection-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
            ".db");
    std::filesystem::remove(path);
  }
  ~TempDatabase() { std::filesystem::remove(path); }
  static inline int counter = 0;
};

std::string scalar(Connection& db, const std::string& sql) {
  auto rows = db.query(sql).rows;
  REQUIRE(rows.size() == 1);
  return rows[0].at(0).value_or("NULL");
}

}  // namespace

TEST_CASE("a failing statement rolls the whole unit back and still runs the restore commands") {
  TempDatabase tmp;
  auto db = sqlite::connect("sqlite:" + tmp.path.string());
  db->execute("CREATE TABLE kept (id INTEGER)");
  SqlCommands commands{
      {"PRAGMA foreign_keys = OFF", Placement::before_transaction},
      {"CREATE TABLE t (id INTEGER)"},
      {"INSERT INTO kept VALUES (1)"},
      {"INSERT INTO no_such_table VALUES (1)"},
      {"PRAGMA foreign_keys = ON", Placement::after_transaction},
  };
  CHECK_THROWS_WITH_AS(run_commands(*db, commands),
                       doctest::Contains("no such table: no_such_table"), DatabaseError);
  CHECK(scalar(*db, "SELECT count(*) FROM sqlite_schema WHERE name = 't'") == "0");
  CHECK(scalar(*db, "SELECT count(*) FROM kept") == "0");
  CHECK(scalar(*db, "PRAGMA foreign_keys") == "1");
}

TEST_CASE("before-transaction commands run outside it: PRAGMA foreign_keys takes effect") {
  TempDatabase tmp;
  auto db = sqlite::connect("sqlite:" + tmp.path.string());
  db->execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
  db->execute("CREATE TABLE child (pid INTEGER REFERENCES parent (id))");
  // With foreign keys on this insert would fail; the pragma only works outside a transaction.
  run_commands(*db, {{"PRAGMA foreign_keys = OFF", Placement::before_transaction},
                     {"INSERT INTO child VALUES (42)"},
                     {"PRAGMA foreign_keys = ON", Placement::after_transaction}});
  CHECK(scalar(*db, "SELECT count(*) FROM child") == "1");
  CHECK(scalar(*db, "PRAGMA foreign_keys") == "1");
}

TEST_CASE("a check command fails the unit when it returns rows") {
  TempDatabase tmp;
  auto db = sqlite::connect("sqlite:" + tmp.path.string());
  db->execute("CREATE TABLE t (id INTEGER)");
  SqlCommand check{"SELECT id FROM t WHERE id < 0", Placement::transaction, "negative ids found"};
  CHECK_NOTHROW(run_commands(*db, {{"INSERT INTO t VALUES (1)"}, check}));
  CHECK_THROWS_WITH_AS(run_commands(*db, {{"INSERT INTO t VALUES (-1)"}, check}),
                       doctest::Contains("negative ids found (1 row(s)"), DatabaseError);
  CHECK(scalar(*db, "SELECT count(*) FROM t") == "1");  // the -1 was rolled back
}

TEST_CASE("bound parameters round-trip every value kind, hostile text included") {
  TempDatabase tmp;
  auto db = sqlite::connect("sqlite:" + tmp.path.string());
  db->execute("CREATE TABLE v (i INTEGER, d REAL, s TEXT, n TEXT, b INTEGER)");
  const std::string hostile = "it's \"x\"; DROP TABLE v; -- /* :p1 \\ ";
  db->execute("INSERT INTO v VALUES (:p0, :p1, :p2, :p3, :p4)",
              {Value{-9007199254740993LL}, Value{0.1}, Value{hostile}, Value{}, Value{true}});
  auto rows = db->query("SELECT i, d, s, n, b FROM v").rows;
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0] == "-9007199254740993");
  CHECK(std::stod(rows[0][1].value()) == doctest::Approx(0.1));
  CHECK(rows[0][2] == hostile);
  CHECK_FALSE(rows[0][3].has_value());
  CHECK(rows[0][4] == "1");
  // Integers wider than 32 bits and text in an INTEGER column come back exactly.
  db->execute("INSERT INTO v (i) VALUES (3000000000), ('text in an integer column')");
  CHECK(db->query("SELECT i FROM v WHERE rowid > 1 ORDER BY rowid").rows ==
        std::vector<Row>{{"3000000000"}, {"text in an integer column"}});
  // The same through a query with a bound filter.
  CHECK(db->query("SELECT count(*) FROM v WHERE s = :p0", {Value{hostile}}).rows[0][0] == "1");
  // A query with parameters reads wide integers exactly too (SOCI's rows would cut them to 32
  // bits).
  CHECK(db->query("SELECT i FROM v WHERE i > :p0 ORDER BY i", {Value{2000000000LL}}).rows ==
        std::vector<Row>{{"3000000000"}, {"text in an integer column"}});
  CHECK(db->query("SELECT i, :p1 FROM v WHERE i = :p0", {Value{-9007199254740993LL}, Value{"x"}})
            .rows == std::vector<Row>{{"-9007199254740993", "x"}});
}

TEST_CASE("plain statements are not parsed for placeholders") {
  TempDatabase tmp;
  auto db = sqlite::connect("sqlite:" + tmp.path.string());
  db->execute("CREATE TABLE \"a:b\" (\"c:d\" TEXT)");
  db->execute("INSERT INTO \"a:b\" VALUES (':not_a_parameter')");
  CHECK(scalar(*db, "SELECT \"c:d\" FROM \"a:b\"") == ":not_a_parameter");
}

TEST_CASE("connecting to an unreachable file names it") {
  CHECK_THROWS_WITH_AS((void)sqlite::connect("sqlite:/nonexistent-dir/x/y.db"),
                       doctest::Contains("/nonexistent-dir/x/y.db"), Error);
}
