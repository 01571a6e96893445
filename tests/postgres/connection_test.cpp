// The connection: plain statements through PQexec (dollar-quoted bodies intact), server errors
// with their SQLSTATE, connection errors without passwords, COPY refused cleanly.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"
#include "migcmd/url.hpp"
#include "pg_fixture.hpp"

using namespace migcmd;
using migcmd::test::PgSchema;
using migcmd::test::sqlstate_of;

namespace {

// `url` with its user and password replaced.
std::string with_credentials(const std::string& url, const std::string& userinfo) {
  DatabaseUrl u = parse_url(url);
  std::string out = fmt::format("{}://{}@{}", u.scheme, userinfo, u.host);
  if (u.port) out += fmt::format(":{}", *u.port);
  return out + "/" + u.database;
}

// Percent-encodes everything but letters and digits.
std::string percent_encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c))
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

// A role exists for the whole server: it is dropped however the test case ends.
struct TemporaryRole {
  PgSchema& db;
  std::string name;
  TemporaryRole(PgSchema& schema, const std::string& password)
      : db(schema), name(PgSchema::unique_name("migcmd_role")) {
    db.execute(fmt::format("CREATE ROLE {} LOGIN PASSWORD {}", db.dialect().quote_identifier(name),
                           db.lit(password)));
  }
  ~TemporaryRole() {
    try {
      db.execute("DROP ROLE IF EXISTS " + db.dialect().quote_identifier(name));
    } catch (const std::exception& e) {
      MESSAGE("could not drop role ", name, ": ", std::string(e.what()));
    }
  }
  TemporaryRole(const TemporaryRole&) = delete;
  TemporaryRole& operator=(const TemporaryRole&) = delete;
};

}  // namespace

TEST_CASE("a dollar-quoted function body with :name and ; runs intact") {
  PgSchema db;
  const std::string body =
      "\nDECLARE\n  greeting text := 'hello :name; :p0 ?';\nBEGIN\n"
      "  RETURN greeting || ' ' || who || ';';\nEND;\n";
  db.apply({RawSql{"SELECT 1",
                   {{"postgres",
                     "CREATE FUNCTION greet(who text) RETURNS text "
                     "LANGUAGE plpgsql AS $$" +
                         body + "$$"}},
                   false}});
  CHECK(db.value("SELECT greet('x')") == "hello :name; :p0 ? x;");
  CHECK(db.value("SELECT prosrc FROM pg_catalog.pg_proc WHERE proname = 'greet' AND "
                 "pronamespace = current_schema()::regnamespace") == body);
}

TEST_CASE("a failing statement reports the server's SQLSTATE, message, detail and position") {
  PgSchema db;
  db.execute("CREATE TABLE t (id integer PRIMARY KEY)");
  db.execute("INSERT INTO t VALUES (1)");
  try {
    db.execute("INSERT INTO t VALUES (1)");
    FAIL("expected a duplicate key error");
  } catch (const DatabaseError& e) {
    CHECK(e.sqlstate() == "23505");
    CHECK(e.statement() == "INSERT INTO t VALUES (1)");
    CHECK(std::string(e.what()).find("duplicate key value violates unique constraint \"t_pkey\"") !=
          std::string::npos);
    CHECK(std::string(e.what()).find("Key (id)=(1) already exists") != std::string::npos);
  }
  try {
    db.execute("SELECT no_such_function(1)");
    FAIL("expected an undefined function error");
  } catch (const DatabaseError& e) {
    CHECK(e.sqlstate() == "42883");
    CHECK(std::string(e.what()).find("hint: No function matches") != std::string::npos);
    CHECK(std::string(e.what()).find("at character 8") != std::string::npos);
  }
  CHECK(sqlstate_of([&] { db.execute("SELEC 1"); }) == "42601");
}

TEST_CASE("COPY from the client is refused and the connection stays usable") {
  PgSchema db;
  db.execute("CREATE TABLE t (id integer)");
  CHECK(sqlstate_of([&] { db.execute("COPY t FROM STDIN"); }) == "0A000");
  CHECK(sqlstate_of([&] { db.execute("COPY t TO STDOUT"); }) == "0A000");
  db.execute("INSERT INTO t VALUES (7)");
  CHECK(db.value("SELECT count(*)::text FROM t") == "1");
}

TEST_CASE("a wrong password fails naming the host, never the password") {
  const std::string secret = "Wr0ng-Pa55word-xyzzy";
  const std::string url =
      with_credentials(test::postgres_url(), parse_url(test::postgres_url()).user + ":" + secret);
  try {
    (void)postgres::connect(url);
    FAIL("expected a connection error");
  } catch (const Error& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK(e.code() == ErrorCode::connection_error);
    CHECK(what.find(parse_url(url).host) != std::string::npos);
    CHECK(what.find(secret) == std::string::npos);
  }
}

TEST_CASE("an unreachable server fails naming the host, never the password") {
  try {
    (void)postgres::connect("postgres://u:Sekr1t-pw@127.0.0.1:1/db?connect_timeout=5");
    FAIL("expected a connection error");
  } catch (const Error& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK(e.code() == ErrorCode::connection_error);
    CHECK(what.find("127.0.0.1") != std::string::npos);
    CHECK(what.find("Sekr1t-pw") == std::string::npos);
  }
}

TEST_CASE("passwords with quotes, backslashes, spaces and URL characters connect") {
  PgSchema db;
  // SOCI 4.0 cannot pass on a value holding both whitespace and a double quote; each on its own
  // works.
  for (const std::string password : {"p'a\\ss w@rd:/?#%&=$$;--", "p\"a\\ss'w@rd:/?#%&=$$;--"}) {
    INFO("password: ", password);
    TemporaryRole temporary(db, password);
    const std::string& role = temporary.name;
    const std::string url = with_credentials(test::postgres_url(),
                                             percent_encode(role) + ":" + percent_encode(password));
    try {
      auto conn = postgres::connect(url);
      QueryResult r = conn->query("SELECT current_user");
      REQUIRE(r.rows.size() == 1);
      CHECK(r.rows[0][0] == role);
      CHECK(conn->redacted_url().find("p\"a") == std::string::npos);
      CHECK(conn->redacted_url().find("p'a") == std::string::npos);
    } catch (const Error& e) {
      CHECK_MESSAGE(false, std::string(e.what()));
    }
  }
}
