#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "migcmd/error.hpp"
#include "migcmd/sql_splitter.hpp"

using namespace migcmd;

namespace {

// "[line] text" per statement, one per line: the whole result in one comparable string.
std::string show(std::string_view script, std::string_view dialect, int first_line = 1) {
  std::string out;
  for (const auto& s : split_sql(script, dialect, "f.sql", first_line)) {
    out += "[" + std::to_string(s.line) + "] " + s.text + "\n";
  }
  return out;
}

std::string error_of(std::string_view script, std::string_view dialect,
                     std::string_view source = "f.sql") {
  try {
    (void)split_sql(script, dialect, source);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::parse_error) return "wrong code: " + std::string(e.what());
    return e.message();
  }
  return "no error";
}

constexpr std::string_view semicolon_dialects[] = {"sqlite", "postgres", "mysql"};

}  // namespace

TEST_CASE("statements end at semicolons; the rest is trimmed, leading comments dropped") {
  for (auto dialect : semicolon_dialects) {
    INFO(dialect);
    CHECK(show("CREATE TABLE a (x int);\nINSERT INTO a VALUES (1);\n", dialect) ==
          "[1] CREATE TABLE a (x int)\n[2] INSERT INTO a VALUES (1)\n");
    // Text after the last ';' is a statement of its own.
    CHECK(show("SELECT 1;\n\n  SELECT 2  \n", dialect) == "[1] SELECT 1\n[3] SELECT 2\n");
    // Empty statements and statements of comments only are dropped.
    CHECK(show("  ;\n-- only a comment;\n;\n/* c */;\n", dialect).empty());
    CHECK(show("", dialect).empty());
    // A comment before a statement belongs to the gap; one inside it stays.
    CHECK(show("-- users\n/* table */\nSELECT 1 -- one\n, 2 /* two */;\n", dialect) ==
          "[3] SELECT 1 -- one\n, 2 /* two */\n");
    CHECK(show("SELECT 1; -- after\nSELECT 2;", dialect) == "[1] SELECT 1\n[2] SELECT 2\n");
  }
}

TEST_CASE("semicolons inside strings, quoted identifiers and comments do not split") {
  for (auto dialect : semicolon_dialects) {
    INFO(dialect);
    CHECK(show("INSERT INTO t VALUES ('a;''b');SELECT 2", dialect) ==
          "[1] INSERT INTO t VALUES ('a;''b')\n[1] SELECT 2\n");
    CHECK(show("SELECT \"a;\"\"b\" FROM t;SELECT 2", dialect) ==
          "[1] SELECT \"a;\"\"b\" FROM t\n[1] SELECT 2\n");
    CHECK(show("SELECT 1 -- it's; fine\n;SELECT 2", dialect) ==
          "[1] SELECT 1 -- it's; fine\n[2] SELECT 2\n");
    CHECK(show("SELECT /* it's; \"fine */ 1;SELECT 2", dialect) ==
          "[1] SELECT /* it's; \"fine */ 1\n[1] SELECT 2\n");
  }
}

TEST_CASE("line numbers count the lines inside strings and comments, from first_line") {
  for (auto dialect : semicolon_dialects) {
    INFO(dialect);
    CHECK(show("SELECT 'a\nb';\n/* x\ny */ SELECT 2;\n\n\"q\n\" ;", dialect) ==
          "[1] SELECT 'a\nb'\n[4] SELECT 2\n[6] \"q\n\"\n");
    CHECK(show("SELECT 1;\n\nSELECT 2;", dialect, 10) == "[10] SELECT 1\n[12] SELECT 2\n");
    CHECK(show("SELECT 1;\r\nSELECT 2;\r\n", dialect) == "[1] SELECT 1\n[2] SELECT 2\n");
  }
}

TEST_CASE("unterminated strings, identifiers and comments name the file and the opening line") {
  for (auto dialect : {"sqlite", "postgres", "mysql", "sqlserver"}) {
    INFO(dialect);
    CHECK(error_of("SELECT 1;\nSELECT 'abc;\nSELECT 2;", dialect) ==
          "f.sql:2: unterminated string (opened here)");
    CHECK(error_of("SELECT 1;\n\n/* a\n comment", dialect) ==
          "f.sql:3: unterminated block comment (opened here)");
    CHECK(error_of("SELECT 'it''s';\nSELECT 1 FROM \"t;", dialect) ==
          std::string("f.sql:2: unterminated ") +
              (std::string_view(dialect) == "mysql" ? "string" : "quoted identifier") +
              " (opened here)");
  }
  // Without a file name the message still gives the line.
  CHECK(error_of("\nSELECT 'x", "sqlite", "") == "line 2: unterminated string (opened here)");
}

TEST_CASE("an unknown dialect is a usage error") {
  CHECK_THROWS_WITH_AS((void)split_sql("SELECT 1", "oracle"),
                       doctest::Contains("unknown SQL dialect 'oracle'"), Error);
}

TEST_CASE("postgres: nested block comments") {
  CHECK(show("/* a /* b; */ c; */ SELECT 1; SELECT 2", "postgres") ==
        "[1] SELECT 1\n[1] SELECT 2\n");
  CHECK(error_of("/* a /* b */ SELECT 1;\nSELECT 2;", "postgres") ==
        "f.sql:1: unterminated block comment (opened here)");
  // SQLite does not nest: the first */ ends the comment.
  CHECK(show("/* a /* b */ SELECT 1;", "sqlite") == "[1] SELECT 1\n");
}

TEST_CASE("postgres: E'...' strings take backslash escapes") {
  CHECK(show("SELECT E'it\\'s; x';SELECT e'\\\\';SELECT 3", "postgres") ==
        "[1] SELECT E'it\\'s; x'\n[1] SELECT e'\\\\'\n[1] SELECT 3\n");
  // A plain string does not: the backslash is an ordinary character.
  CHECK(show("SELECT 'a\\';SELECT 2", "postgres") == "[1] SELECT 'a\\'\n[1] SELECT 2\n");
  // An identifier ending in e is no escape-string prefix.
  CHECK(show("SELECT name'\\';SELECT 2", "postgres") == "[1] SELECT name'\\'\n[1] SELECT 2\n");
  // Other dialects read E'it\'s; x' as E'it\' followed by s; x'...
  CHECK(error_of("SELECT E'it\\'s; x';", "sqlite") == "f.sql:1: unterminated string (opened here)");
}

TEST_CASE("postgres: dollar-quoted bodies") {
  const char* script =
      "CREATE FUNCTION f() RETURNS int AS $$\n"
      "BEGIN\n"
      "  RETURN 1; -- it's\n"
      "END;\n"
      "$$ LANGUAGE plpgsql;\n"
      "DO $body$ BEGIN PERFORM '$$;'; END $body$;\n"
      "SELECT $fn$ a $$ ; $$ b $fn$;\n";
  CHECK(show(script, "postgres") ==
        "[1] CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1; -- it's\nEND;\n$$ "
        "LANGUAGE plpgsql\n"
        "[6] DO $body$ BEGIN PERFORM '$$;'; END $body$\n"
        "[7] SELECT $fn$ a $$ ; $$ b $fn$\n");
  // $1 is a parameter, a$b$ an identifier: neither opens a quote.
  CHECK(show("PREPARE p AS SELECT $1, $2;SELECT a$b$ FROM t;SELECT 3", "postgres") ==
        "[1] PREPARE p AS SELECT $1, $2\n[1] SELECT a$b$ FROM t\n[1] SELECT 3\n");
  CHECK(error_of("SELECT 1;\nDO $body$\nBEGIN\n  NULL;\nEND $bod$;", "postgres") ==
        "f.sql:2: unterminated dollar-quoted string $body$ (opened here)");
  CHECK(error_of("SELECT $$ x;", "postgres") ==
        "f.sql:1: unterminated dollar-quoted string $$ (opened here)");
  // Elsewhere $$ is no quote.
  CHECK(show("SELECT $$;SELECT 2$$", "sqlite") == "[1] SELECT $$\n[1] SELECT 2$$\n");
}

TEST_CASE("postgres: BEGIN ATOMIC bodies of SQL functions and procedures") {
  const char* script =
      "CREATE FUNCTION add(a integer, b integer) RETURNS integer\n"
      "LANGUAGE SQL\n"
      "BEGIN ATOMIC\n"
      "  SELECT a + b;\n"
      "END;\n"
      "create or replace procedure p(begin int) language sql begin atomic\n"
      "  insert into t values (case when begin > 0 then 1 else 0 end); end;\n"
      "BEGIN;\n"
      "SELECT CASE WHEN true THEN 1 END;\n"
      "COMMIT;\n";
  CHECK(show(script, "postgres") ==
        "[1] CREATE FUNCTION add(a integer, b integer) RETURNS integer\nLANGUAGE SQL\nBEGIN "
        "ATOMIC\n  SELECT a + b;\nEND\n"
        "[6] create or replace procedure p(begin int) language sql begin atomic\n"
        "  insert into t values (case when begin > 0 then 1 else 0 end); end\n"
        "[8] BEGIN\n[9] SELECT CASE WHEN true THEN 1 END\n[10] COMMIT\n");
  CHECK(error_of("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n",
                 "postgres") == "f.sql:2: unterminated BEGIN ... END body (opened here)");
}

TEST_CASE("mysql: backslash escapes, backticks and # comments") {
  CHECK(show("INSERT INTO t VALUES ('a\\';b', \"c\\\";d\");SELECT 2", "mysql") ==
        "[1] INSERT INTO t VALUES ('a\\';b', \"c\\\";d\")\n[1] SELECT 2\n");
  CHECK(show("SELECT `a;``b` FROM t;SELECT 2", "mysql") ==
        "[1] SELECT `a;``b` FROM t\n[1] SELECT 2\n");
  CHECK(show("# note; it's\nSELECT 1; # trailing; x\nSELECT 2 # no;\n;", "mysql") ==
        "[2] SELECT 1\n[3] SELECT 2 # no;\n");
  CHECK(error_of("SELECT 1;\nSELECT `a;", "mysql") ==
        "f.sql:2: unterminated quoted identifier (opened here)");
  CHECK(error_of("SELECT \"a\\\";", "mysql") == "f.sql:1: unterminated string (opened here)");
  // In PostgreSQL '#' is an operator and a backslash in '...' is ordinary.
  CHECK(show("SELECT 1 # 2;SELECT 'a\\';", "postgres") == "[1] SELECT 1 # 2\n[1] SELECT 'a\\'\n");
}

TEST_CASE("mysql: -- starts a comment only when whitespace follows") {
  CHECK(show("SELECT 1--1;\nSELECT 2;", "mysql") == "[1] SELECT 1--1\n[2] SELECT 2\n");
  CHECK(show("SELECT 1 -- c;\n;SELECT 2 --\t;\n;SELECT 3;\n--", "mysql") ==
        "[1] SELECT 1 -- c;\n[2] SELECT 2 --\t;\n[3] SELECT 3\n");
  // Everywhere else -- always starts a comment.
  CHECK(show("SELECT 1--1;\nSELECT 2;", "postgres") == "[1] SELECT 1--1;\nSELECT 2\n");
}

TEST_CASE("mysql: DELIMITER lines change the terminator") {
  const char* script =
      "DROP PROCEDURE IF EXISTS p;\n"
      "DELIMITER //\n"
      "CREATE PROCEDURE p()\n"
      "BEGIN\n"
      "  SELECT 1;\n"
      "  SELECT 'a//b';\n"
      "END //\n"
      "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1; //\n"
      "delimiter ;\n"
      "SELECT 3;\n"
      "  Delimiter $$\n"
      "CREATE FUNCTION f() RETURNS INT RETURN 1;$$\n"
      "DELIMITER ;\n"
      "SELECT 4";
  CHECK(show(script, "mysql") ==
        "[1] DROP PROCEDURE IF EXISTS p\n"
        "[3] CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 'a//b';\nEND\n"
        "[8] CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1;\n"
        "[10] SELECT 3\n"
        "[12] CREATE FUNCTION f() RETURNS INT RETURN 1;\n"
        "[14] SELECT 4\n");
  // Inside a statement a line starting with the word is no command (a column named delimiter).
  CHECK(show("CREATE TABLE t (\n  delimiter VARCHAR(10)\n);\nSELECT 2;", "mysql") ==
        "[1] CREATE TABLE t (\n  delimiter VARCHAR(10)\n)\n[4] SELECT 2\n");
  CHECK(error_of("SELECT 1;\nDELIMITER\nSELECT 2;", "mysql") ==
        "f.sql:2: DELIMITER without a delimiter");
  // Other dialects have no DELIMITER command.
  CHECK(show("DELIMITER //\nSELECT 1;", "sqlite") == "[1] DELIMITER //\nSELECT 1\n");
}

TEST_CASE("mysql: /*! ... */ is executed, not a comment") {
  CHECK(show("/*!40101 SET NAMES utf8 */;\n/*M!100100 SET x = 1 */;\n/* plain */;", "mysql") ==
        "[1] /*!40101 SET NAMES utf8 */\n[2] /*M!100100 SET x = 1 */\n");
}

TEST_CASE("sqlite: semicolons inside a trigger body do not split") {
  const char* script =
      "CREATE TABLE t (a int, b int);\n"
      "CREATE TRIGGER trg AFTER INSERT ON t\n"
      "BEGIN\n"
      "  UPDATE t SET b = CASE WHEN new.a > 0 THEN 1 ELSE 0 END WHERE rowid = new.rowid;\n"
      "  INSERT INTO log VALUES ('end;', \"begin\");\n"
      "END;\n"
      "create temp trigger t2 before delete on t begin select 1; end;\n"
      "CREATE TEMPORARY TRIGGER IF NOT EXISTS t3 AFTER UPDATE ON t BEGIN SELECT 2; END\n";
  CHECK(show(script, "sqlite") ==
        "[1] CREATE TABLE t (a int, b int)\n"
        "[2] CREATE TRIGGER trg AFTER INSERT ON t\nBEGIN\n"
        "  UPDATE t SET b = CASE WHEN new.a > 0 THEN 1 ELSE 0 END WHERE rowid = new.rowid;\n"
        "  INSERT INTO log VALUES ('end;', \"begin\");\nEND\n"
        "[7] create temp trigger t2 before delete on t begin select 1; end\n"
        "[8] CREATE TEMPORARY TRIGGER IF NOT EXISTS t3 AFTER UPDATE ON t BEGIN SELECT 2; END\n");
  // BEGIN, CASE and END mean nothing outside a trigger.
  CHECK(show("BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\nSELECT CASE WHEN 1 THEN 2 END;SELECT 3",
             "sqlite") ==
        "[1] BEGIN\n[2] INSERT INTO t VALUES (1)\n[3] COMMIT\n[4] SELECT CASE WHEN 1 THEN 2 "
        "END\n[4] SELECT 3\n");
  CHECK(show("CREATE TABLE trigger_log (begin int);SELECT 2", "sqlite") ==
        "[1] CREATE TABLE trigger_log (begin int)\n[1] SELECT 2\n");
  CHECK(error_of("SELECT 1;\nCREATE TRIGGER x AFTER INSERT ON t\nBEGIN\n  SELECT 1;\n", "sqlite") ==
        "f.sql:3: unterminated trigger body (opened here)");
  // Other dialects split trigger bodies like any text (they have their own ways).
  CHECK(show("CREATE TRIGGER x BEGIN SELECT 1; END;", "postgres") ==
        "[1] CREATE TRIGGER x BEGIN SELECT 1\n[1] END\n");
}

TEST_CASE("sqlite: [...] and `...` identifiers") {
  CHECK(show("SELECT [a;b], `c;d` FROM t;SELECT 2", "sqlite") ==
        "[1] SELECT [a;b], `c;d` FROM t\n[1] SELECT 2\n");
  CHECK(error_of("SELECT [a;", "sqlite") ==
        "f.sql:1: unterminated quoted identifier (opened here)");
}

TEST_CASE("sqlserver: GO lines separate batches; a batch is one statement") {
  const char* script =
      "CREATE TABLE t (a int);\n"
      "INSERT INTO t VALUES (1);\n"
      "GO\n"
      "CREATE PROCEDURE p AS\n"
      "BEGIN\n"
      "  SELECT 1; -- go\n"
      "END\n"
      "  go  \n"
      "-- a batch of comments only\n"
      "GO\n"
      "SELECT 2\n";
  CHECK(show(script, "sqlserver") ==
        "[1] CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n"
        "[4] CREATE PROCEDURE p AS\nBEGIN\n  SELECT 1; -- go\nEND\n"
        "[11] SELECT 2\n");
  // Only a line of its own: not GOTO, not GO with a count, not GO inside quotes or comments.
  CHECK(show("SELECT 1 GO\nGOTO done\nGO 5\nSELECT 'a\nGO\nb'\n/*\nGO\n*/\nSELECT [x\nGO\n]",
             "sqlserver") ==
        "[1] SELECT 1 GO\nGOTO done\nGO 5\nSELECT 'a\nGO\nb'\n/*\nGO\n*/\nSELECT [x\nGO\n]\n");
  CHECK(show("SELECT 1\r\nGO\r\nSELECT 2\r\nGO", "sqlserver") == "[1] SELECT 1\n[3] SELECT 2\n");
  CHECK(show("GO\nGO\n", "sqlserver").empty());
}

TEST_CASE("sqlserver: [...] with ]] escapes, N'...' strings, nested comments") {
  CHECK(show("SELECT [a]]\nGO\nb], N'it''s\nGO\n' /* x /* y */\nGO\n*/ FROM t\nGO\nSELECT 2",
             "sqlserver") ==
        "[1] SELECT [a]]\nGO\nb], N'it''s\nGO\n' /* x /* y */\nGO\n*/ FROM t\n[9] SELECT 2\n");
  CHECK(error_of("SELECT 1\nGO\nSELECT [a]]", "sqlserver") ==
        "f.sql:3: unterminated quoted identifier (opened here)");
  CHECK(error_of("SELECT N'x", "sqlserver") == "f.sql:1: unterminated string (opened here)");
}
