#include <doctest/doctest.h>

#include "migcmd/migcmd.hpp"

using namespace migcmd;

TEST_CASE("server URLs are parsed into their parts") {
  DatabaseUrl u = parse_url("postgres://app:s%40cret@db.local:5433/shop?sslmode=disable");
  CHECK(u.scheme == "postgres");
  CHECK(u.user == "app");
  CHECK(u.password == "s@cret");
  CHECK(u.host == "db.local");
  CHECK(u.port == 5433);
  CHECK(u.database == "shop");
  CHECK(u.parameters.at("sslmode") == "disable");

  DatabaseUrl v6 = parse_url("mysql://root@[::1]:3307/app");
  CHECK(v6.host == "::1");
  CHECK(v6.port == 3307);
  CHECK(v6.password.empty());
}

TEST_CASE("sqlite URLs carry a path") {
  CHECK(parse_url("sqlite:data/app.db").database == "data/app.db");
  CHECK(parse_url("sqlite:///tmp/x.db").database == "/tmp/x.db");
  CHECK(parse_url("sqlite::memory:").database == ":memory:");
}

TEST_CASE("passwords never appear in redacted URLs or in parse errors") {
  CHECK(redact_url("postgres://app:hunter2@h:5432/db") == "postgres://app:***@h:5432/db");
  CHECK(parse_url("postgres://app:hunter2@h:5432/db").redacted() == "postgres://app:***@h:5432/db");
  for (const char* key : {"PWD", "Pwd", "password", "sslpassword", "api_token", "AccessKey"}) {
    INFO(key);
    CHECK(parse_url(std::string("odbc://h/dsn?") + key + "=hunter2").redacted().find("hunter2") ==
          std::string::npos);
  }
  try {
    (void)parse_url("postgres://app:hunter2@h:notaport/db");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("hunter2") == std::string::npos);
    CHECK(std::string(e.what()).find("notaport") != std::string::npos);
  }
}

#include "connection/soci_connection.hpp"

TEST_CASE("connection errors keep the driver's reason but not the secrets it echoes") {
  using migcmd::detail::scrub_secrets;
  CHECK(scrub_secrets("FATAL:  password authentication failed for user \"app\"\n", "x") ==
        "FATAL:  password authentication failed for user \"app\"");
  CHECK(scrub_secrets("bad: host=h password='s e\\'cret' dbname=d", "") ==
        "bad: host=h password=*** dbname=d");
  CHECK(scrub_secrets("Driver={X};PWD={a}}b};UID=u", "") == "Driver={X};PWD=***;UID=u");
  CHECK(scrub_secrets("failed: db=x pass=1 Password=hunter2", "") ==
        "failed: db=x pass=1 Password=***");
  CHECK(scrub_secrets("cannot use dbname=d user=u password=p", "dbname=d user=u password=p") ==
        "cannot use <connection string>");
}
