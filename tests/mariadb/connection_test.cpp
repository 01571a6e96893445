// Connections: URL handling, passwords kept out of errors, the session settings the dialect
// relies on, and the direct execution path (errors with SQLSTATE, result sets consumed).

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "mariadb_fixture.hpp"
#include "migcmd/providers/mysql.hpp"
#include "migcmd/url.hpp"

using namespace mariadb_test;

TEST_CASE("a wrong password fails as connection_error naming the host, never the password") {
  (void)connect_or_fail(server_url());  // the server is there: the failure below is the login
  const DatabaseUrl server = parse_url(server_url());
  const std::string password = "Wr0ng-S3cret-pw";
  const std::string url = fmt::format("mysql://{}:{}@{}:{}/{}", server.user, password, server.host,
                                      server.port.value_or(3306), server.database);
  try {
    (void)mysql::connect(url);
    FAIL("connected with a wrong password");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::connection_error);
    const std::string text = e.what();
    CHECK_MESSAGE(text.find(server.host) != std::string::npos, text);
    CHECK_MESSAGE(text.find(password) == std::string::npos, text);
    CHECK_MESSAGE(text.find("***") != std::string::npos, text);
    MESSAGE("wrong password: " << text);
  }
}

TEST_CASE("URLs: mariadb:// works, other schemes and unknown parameters are usage errors") {
  const std::string base = url_for(server_url(), "migcmd_test");
  const std::string mariadb = "mariadb" + base.substr(base.find("://"));
  auto connection = connect_or_fail(mariadb);
  CHECK(connection->dialect_name() == "mysql");
  CHECK(connection->redacted_url().find(parse_url(server_url()).password + "@") ==
        std::string::npos);
  CHECK(connection->redacted_url().find(":***@") != std::string::npos);

  try {
    (void)mysql::connect("postgres://u:secret@localhost/db");
    FAIL("accepted a postgres URL");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::usage);
    CHECK(std::string(e.what()).find("secret") == std::string::npos);
  }
  try {
    (void)mysql::connect(base + "?sslmode=require");
    FAIL("accepted an unknown parameter");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::usage);
    CHECK(std::string(e.what()).find("sslmode") != std::string::npos);
  }
  CHECK_THROWS_AS((void)mysql::connect(base + "?connect_timeout=soon"), Error);
  auto with_timeout = connect_or_fail(base + "?connect_timeout=5&read_timeout=30");
  CHECK(with_timeout->query("SELECT 1").rows.size() == 1);
}

TEST_CASE("an unreachable server fails as connection_error, promptly") {
  // Port 1 on localhost: nothing listens there.
  try {
    (void)mysql::connect("mysql://migcmd:pw@127.0.0.1:1/x?connect_timeout=2");
    FAIL("connected to port 1");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::connection_error);
    CHECK(std::string(e.what()).find("127.0.0.1") != std::string::npos);
  }
}

TEST_CASE("sessions run strict, with backslash escapes, in UTC") {
  TestDatabase db;
  const std::string mode = db.value("SELECT @@SESSION.sql_mode").value();
  CHECK(mode.find("STRICT_ALL_TABLES") != std::string::npos);
  CHECK(mode.find("NO_BACKSLASH_ESCAPES") == std::string::npos);
  CHECK(mode.find("ANSI_QUOTES") == std::string::npos);
  CHECK(db.value("SELECT @@SESSION.time_zone") == "+00:00");
  CHECK(db.value("SELECT @@SESSION.character_set_client") == "utf8mb4");
  CHECK(db.value("SELECT @@SESSION.explicit_defaults_for_timestamp") == "1");
}

TEST_CASE("direct execution: errors carry the SQLSTATE, result sets are consumed") {
  TestDatabase db;
  try {
    db.execute("SELECT * FROM no_such_table");
    FAIL("no error");
  } catch (const DatabaseError& e) {
    CHECK(e.sqlstate() == "42S02");
    CHECK(e.statement() == "SELECT * FROM no_such_table");
    CHECK(std::string(e.what()).find("no_such_table") != std::string::npos);
  }
  try {
    db.execute("SELEC 1");
    FAIL("no error");
  } catch (const DatabaseError& e) {
    CHECK(e.sqlstate() == "42000");
  }
  // Statements that return rows, and procedures that return several result sets, leave the
  // connection usable.
  db.execute("SELECT 1");
  db.execute("CREATE PROCEDURE two_results() BEGIN SELECT 1; SELECT 2; END");
  db.execute("CALL two_results()");
  db.execute("CALL two_results()");
  CHECK(db.value("SELECT 40 + 2") == "42");
  // A failed statement inside a transaction rolls back what came before it.
  db.execute("CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB");
  SqlCommands commands = {{"INSERT INTO t VALUES (1)"}, {"INSERT INTO t VALUES (1)"}};
  CHECK_THROWS_AS(run_commands(db.connection(), commands), DatabaseError);
  CHECK(db.count("t") == 0);
}
