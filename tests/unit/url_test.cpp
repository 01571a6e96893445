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
