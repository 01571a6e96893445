// libpq connection strings built from URLs, and URL errors that need no server.

#include <doctest/doctest.h>

#include <string>

#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"
#include "migcmd/url.hpp"
#include "postgres_conninfo.hpp"

using namespace migcmd;
using migcmd::postgres::build_conninfo;
using migcmd::postgres::conninfo_value;

TEST_CASE("conninfo values are quoted whole, with quote and backslash escaped") {
  CHECK(conninfo_value("") == "''");
  CHECK(conninfo_value("plain") == "'plain'");
  CHECK(conninfo_value("a b") == "'a b'");
  CHECK(conninfo_value("it's") == "'it\\'s'");
  CHECK(conninfo_value("back\\slash") == "'back\\\\slash'");
  CHECK(conninfo_value("x' host='evil") == "'x\\' host=\\'evil'");
}

TEST_CASE("a URL becomes a conninfo string with every part quoted") {
  DatabaseUrl url = parse_url("postgres://app:p%27a%5Cs%20s%40w%3Ard@db.local:5433/shop");
  CHECK(build_conninfo(url) ==
        "host='db.local' port='5433' dbname='shop' user='app' password=\"'p\\'a\\\\s s@w:rd'\" "
        "application_name='migcmd'");
  DatabaseUrl quote = parse_url("postgres://app:a%22b'c@h/db");
  CHECK(build_conninfo(quote) ==
        "host='h' dbname='db' user='app' password='a\"b\\'c' application_name='migcmd'");
}

TEST_CASE("a value with both whitespace and a double quote cannot pass through SOCI") {
  DatabaseUrl url = parse_url("postgres://app:a%20%22b@h/db");
  CHECK_THROWS_WITH_AS(build_conninfo(url), doctest::Contains("the password holds"), Error);
  try {
    (void)build_conninfo(url);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::usage);
    CHECK(std::string(e.what()).find("a \"b") == std::string::npos);
  }
}

TEST_CASE("URL parameters are passed to libpq") {
  DatabaseUrl url =
      parse_url("postgresql://u@h/db?sslmode=require&connect_timeout=5&application_name=my%20app");
  CHECK(build_conninfo(url) ==
        "host='h' dbname='db' user='u' application_name=\"'my app'\" connect_timeout='5' "
        "sslmode='require'");
}

TEST_CASE("a parameter name that is not a plain word is refused, without the password") {
  DatabaseUrl url = parse_url("postgres://u:hunter2@h/db?a%20b=1");
  CHECK_THROWS_WITH_AS(build_conninfo(url), doctest::Contains("a b"), Error);
  try {
    (void)build_conninfo(url);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::usage);
    CHECK(std::string(e.what()).find("hunter2") == std::string::npos);
  }
}

TEST_CASE("connect refuses URLs of other databases") {
  CHECK_THROWS_WITH_AS((void)postgres::connect("mysql://u:hunter2@h/db"),
                       doctest::Contains("not a PostgreSQL URL"), Error);
  try {
    (void)postgres::connect("mysql://u:hunter2@h/db");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::usage);
    CHECK(std::string(e.what()).find("hunter2") == std::string::npos);
  }
}
