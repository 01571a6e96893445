// From URLs to ODBC connection strings: escaping, pass-through parameters and redaction.
#include <doctest/doctest.h>

#include <string>

#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"

using migcmd::sqlserver::odbc_connection_string;

namespace {

// The message of the migcmd::Error that `f` throws; fails the test when it throws nothing.
template <typename F>
std::string error_text(F&& f) {
  try {
    f();
  } catch (const migcmd::Error& e) {
    return std::string(e.what()) + " | hint: " + e.hint();
  }
  FAIL("no migcmd::Error was thrown");
  return {};
}

}  // namespace

TEST_CASE("sqlserver: connection string from a sqlserver:// URL") {
  auto cs = odbc_connection_string("sqlserver://sa:secret@db.example.com:1433/app");
  CHECK(cs.value ==
        "Driver={ODBC Driver 18 for SQL Server};Server=db.example.com,1433;Database=app;UID=sa;"
        "PWD=secret;");
  CHECK(cs.redacted ==
        "Driver={ODBC Driver 18 for SQL Server};Server=db.example.com,1433;Database=app;UID=sa;"
        "PWD=***;");
}

TEST_CASE("sqlserver: driver and other parameters") {
  auto cs = odbc_connection_string(
      "sqlserver://u:p@host/db?driver=ODBC%20Driver%2017%20for%20SQL%20Server"
      "&TrustServerCertificate=yes&Encrypt=no");
  // The driver comes first; the rest pass through in a stable (sorted) order.
  CHECK(cs.value ==
        "Driver={ODBC Driver 17 for SQL Server};Server=host;Database=db;UID=u;PWD=p;Encrypt=no;"
        "TrustServerCertificate=yes;");
  auto trusted = odbc_connection_string("sqlserver://host:14330/db?Trusted_Connection=yes");
  CHECK(trusted.value ==
        "Driver={ODBC Driver 18 for SQL Server};Server=host,14330;Database=db;"
        "Trusted_Connection=yes;");
}

TEST_CASE("sqlserver: values with ; = { } are braced, so nothing can add an attribute") {
  // %3B is ";", %7B "{", %7D "}", %3D "=".
  auto cs = odbc_connection_string("sqlserver://us%3Der:p%3Bw%7Bd%7D@host/db%3BUID%3Devil?App=a}b");
  CHECK(cs.value ==
        "Driver={ODBC Driver 18 for SQL Server};Server=host;Database={db;UID=evil};UID={us=er};"
        "PWD={p;w{d}}};App={a}}b};");
  CHECK(cs.redacted.find("p;w") == std::string::npos);
  CHECK(cs.redacted.find("PWD=***;") != std::string::npos);
  // Leading or trailing spaces would be trimmed by the driver: braced too.
  auto spaced = odbc_connection_string("sqlserver://u:%20pw%20@host/db");
  CHECK(spaced.value.find("PWD={ pw };") != std::string::npos);
}

TEST_CASE("sqlserver: odbc:// data sources") {
  CHECK(odbc_connection_string("odbc://Warehouse").value == "DSN=Warehouse;");
  auto cs = odbc_connection_string("odbc://report:s3cret@/Warehouse%20EU?Database=sales");
  CHECK(cs.value == "DSN=Warehouse EU;UID=report;PWD=s3cret;Database=sales;");
  CHECK(cs.redacted == "DSN=Warehouse EU;UID=report;PWD=***;Database=sales;");
  CHECK(odbc_connection_string("odbc://u:p@/a;b").value == "DSN={a;b};UID=u;PWD=p;");
}

TEST_CASE("sqlserver: URLs that cannot become a connection string") {
  CHECK(error_text([] {
          static_cast<void>(odbc_connection_string("postgres://h/db"));
        }).find("not sqlserver or odbc") != std::string::npos);
  CHECK(error_text([] {
          static_cast<void>(odbc_connection_string("sqlserver:///db"));
        }).find("no server host") != std::string::npos);
  CHECK(error_text([] {
          static_cast<void>(odbc_connection_string("odbc://"));
        }).find("no data source name") != std::string::npos);
  CHECK(error_text([] {
          static_cast<void>(odbc_connection_string("odbc://host/dsn"));
        }).find("give the data source once") != std::string::npos);
  CHECK(error_text([] {
          static_cast<void>(odbc_connection_string("sqlserver://h/db?a;b=1"));
        }).find("is not an ODBC keyword") != std::string::npos);
  for (const char* key : {"Server", "DATABASE", "uid", "Addr", "DSN"}) {
    INFO(key);
    const std::string url = std::string("sqlserver://h/db?") + key + "=x";
    CHECK(error_text([&] {
            static_cast<void>(odbc_connection_string(url));
          }).find("is not allowed") != std::string::npos);
  }
  // odbc:// may pick the database of its data source.
  CHECK_NOTHROW(static_cast<void>(odbc_connection_string("odbc://dsn?Database=x")));
}

TEST_CASE("sqlserver: errors never show the password") {
  const std::string message = error_text([] {
    static_cast<void>(odbc_connection_string("sqlserver://u:hunter2@h/db?Pwd=hunter3&x;y=1"));
  });
  CHECK(message.find("hunter2") == std::string::npos);
  CHECK(message.find("hunter3") == std::string::npos);
  CHECK(message.find("u:***@h") != std::string::npos);
  const std::string reserved = error_text(
      [] { static_cast<void>(odbc_connection_string("sqlserver://h/db?PassWord=hunter4")); });
  CHECK(reserved.find("hunter4") == std::string::npos);
  CHECK(reserved.find("is not allowed") != std::string::npos);
}

TEST_CASE("sqlserver: a failed connection names the redacted URL only") {
  // The driver manager answers for a data source that does not exist; no server is involved.
  try {
    static_cast<void>(migcmd::sqlserver::connect("odbc://u:hunter2@/migcmd_no_such_dsn"));
    FAIL("connecting to a missing data source succeeded");
  } catch (const migcmd::Error& e) {
    CHECK(e.code() == migcmd::ErrorCode::connection_error);
    const std::string text = std::string(e.what()) + e.hint();
    CHECK(text.find("hunter2") == std::string::npos);
    CHECK(text.find("odbc://u:***@/migcmd_no_such_dsn") != std::string::npos);
  }
}
