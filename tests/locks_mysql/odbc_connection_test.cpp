// The ODBC code path of the SQL Server provider (migcmd::sqlserver::connect), which no SQL Server
// can exercise here, run through the ODBC drivers of the databases that do run: PostgreSQL
// ("PostgreSQL Unicode", package odbc-postgresql) and MariaDB ("MariaDB Unicode", odbc-mariadb),
// against the servers tools/dev/dbs.sh starts. The data sources live in a temporary odbc.ini that
// ODBCINI points at. A missing driver or an unreachable server FAILs the test.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sql.h>
#include <sqlext.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/error.hpp"
#include "migcmd/providers/sqlserver.hpp"
#include "migcmd/url.hpp"

using migcmd::Connection;
using migcmd::DatabaseError;
using migcmd::Error;
using migcmd::ErrorCode;

namespace {

struct Target {
  std::string label;                // for messages
  std::string dsn;                  // the data source written to odbc.ini
  std::string driver;               // as registered in odbcinst.ini
  std::string package;              // the Debian package that installs the driver
  std::string url_env;              // the variable naming the test server
  std::string url;                  // its default
  std::string host_key;             // the driver's DSN keyword for the host
  std::string missing_table_state;  // SQLSTATE of a query on a missing table
  std::string duplicate_key_state;  // SQLSTATE of a duplicate primary key
};

const Target postgres{"PostgreSQL",
                      "migcmd_test_pg",
                      "PostgreSQL Unicode",
                      "odbc-postgresql",
                      "MIGCMD_TEST_POSTGRES_URL",
                      "postgres://migcmd:migcmd@127.0.0.1:55432/migcmd_test",
                      "Servername",
                      "42P01",
                      "23505"};
const Target mariadb{"MariaDB",
                     "migcmd_test_mariadb",
                     "MariaDB Unicode",
                     "odbc-mariadb",
                     "MIGCMD_TEST_MARIADB_URL",
                     "mysql://migcmd:migcmd@127.0.0.1:53306/migcmd_test",
                     "Server",
                     "42S02",
                     "23000"};

migcmd::DatabaseUrl server(const Target& target) {
  const char* url = std::getenv(target.url_env.c_str());
  return migcmd::parse_url(url && *url ? url : target.url);
}

// The driver descriptions the driver manager knows (the sections of odbcinst.ini).
std::vector<std::string> installed_drivers() {
  std::vector<std::string> out;
  SQLHENV env = SQL_NULL_HENV;
  if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env))) return out;
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0);
  SQLUSMALLINT direction = SQL_FETCH_FIRST;
  SQLCHAR description[512];
  SQLCHAR attributes[2048];
  SQLSMALLINT description_length = 0;
  SQLSMALLINT attributes_length = 0;
  while (
      SQL_SUCCEEDED(SQLDrivers(env, direction, description, sizeof description, &description_length,
                               attributes, sizeof attributes, &attributes_length))) {
    out.emplace_back(reinterpret_cast<const char*>(description));
    direction = SQL_FETCH_NEXT;
  }
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  return out;
}

// Writes both data sources to a temporary odbc.ini and points ODBCINI at it, once per process
// (the driver manager reads it when a connection names a DSN).
void write_odbc_ini() {
  static const bool done = [] {
    const auto dir = std::filesystem::temp_directory_path() /
                     fmt::format("migcmd_odbc_{}", static_cast<long>(getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / "odbc.ini";
    std::ofstream out(path);
    for (const Target* target : {&postgres, &mariadb}) {
      const migcmd::DatabaseUrl url = server(*target);
      out << fmt::format("[{}]\nDriver={}\n{}={}\nPort={}\nDatabase={}\n\n", target->dsn,
                         target->driver, target->host_key, url.host, url.port.value_or(0),
                         url.database);
    }
    out.close();
    REQUIRE_MESSAGE(out, "cannot write " << path.string());
    setenv("ODBCINI", path.c_str(), 1);
    return true;
  }();
  (void)done;
}

std::string odbc_url(const Target& target, const std::string& password) {
  return fmt::format("odbc://{}:{}@/{}", server(target).user, password, target.dsn);
}

// A connection through the target's ODBC driver; FAILs naming the package when the driver is
// missing and naming dbs.sh when the server cannot be reached.
std::unique_ptr<Connection> connect_or_fail(const Target& target) {
  const auto drivers = installed_drivers();
  if (std::find(drivers.begin(), drivers.end(), target.driver) == drivers.end()) {
    FAIL("the ODBC driver \"" << target.driver << "\" is not registered with unixODBC "
                              << "(odbcinst.ini); install the " << target.package
                              << " package (tools/dev/install-deps.sh all)");
  }
  write_odbc_ini();
  try {
    return migcmd::sqlserver::connect(odbc_url(target, server(target).password));
  } catch (const Error& e) {
    if (e.code() != ErrorCode::connection_error) throw;
    FAIL("cannot reach the " << target.label << " test server through ODBC ("
                             << std::string(e.what()) << "); run tools/dev/dbs.sh start, or set "
                             << target.url_env);
  }
  return nullptr;
}

std::string unique_table() {
  static std::atomic<int> counter{0};
  return fmt::format("migcmd_odbc_{}_{}", static_cast<long>(getpid()), counter++);
}

class TestTable {
 public:
  explicit TestTable(Connection& connection) : connection_(connection) {
    connection_.execute(
        fmt::format("CREATE TABLE {} (id INT PRIMARY KEY, amount NUMERIC(20,2), note TEXT, label "
                    "VARCHAR(100))",
                    name_));
  }
  ~TestTable() {
    try {
      connection_.execute("DROP TABLE " + name_);
    } catch (const std::exception& e) {
      MESSAGE("could not drop " << name_ << ": " << std::string(e.what()));
    }
  }
  TestTable(const TestTable&) = delete;
  TestTable& operator=(const TestTable&) = delete;

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::string count() {
    return connection_.query("SELECT COUNT(*) FROM " + name_).rows.at(0).at(0).value();
  }

 private:
  Connection& connection_;
  std::string name_ = unique_table();
};

void round_trips(const Target& target) {
  auto connection = connect_or_fail(target);
  CHECK(connection->dialect_name() == "sqlserver");
  CHECK(connection->redacted_url() ==
        fmt::format("odbc://{}:***@/{}", server(target).user, target.dsn));
  TestTable table(*connection);
  std::string long_text;
  for (int i = 0; long_text.size() < 10'000; ++i) long_text += static_cast<char>('a' + i % 26);
  connection->execute(
      fmt::format("INSERT INTO {} VALUES (1, 123456789012345678.91, NULL, ':p0 and :name'), "
                  "(2, -0.01, '{}', 'it''s')",
                  table.name(), long_text));

  const migcmd::QueryResult result = connection->query(
      fmt::format("SELECT id, amount, note, label FROM {} ORDER BY id", table.name()));
  CHECK(result.columns == std::vector<std::string>{"id", "amount", "note", "label"});
  REQUIRE(result.rows.size() == 2);
  CHECK(result.rows[0][0] == std::optional<std::string>("1"));
  CHECK(result.rows[0][1] == std::optional<std::string>("123456789012345678.91"));  // exact
  CHECK(result.rows[0][2] == std::nullopt);
  CHECK(result.rows[0][3] == std::optional<std::string>(":p0 and :name"));
  CHECK(result.rows[1][1] == std::optional<std::string>("-0.01"));
  REQUIRE(result.rows[1][2].has_value());
  CHECK(result.rows[1][2]->size() == 10'000);
  CHECK(*result.rows[1][2] == long_text);
  CHECK(result.rows[1][3] == std::optional<std::string>("it's"));

  // Placeholder-like text in a query and in a statement reaches the server untouched.
  CHECK(connection->query("SELECT ':p0' AS x").rows.at(0).at(0) ==
        std::optional<std::string>(":p0"));
  connection->execute(fmt::format("UPDATE {} SET label = ':p1' WHERE id = 2", table.name()));
  CHECK(connection->query(fmt::format("SELECT label FROM {} WHERE id = 2", table.name()))
            .rows.at(0)
            .at(0) == std::optional<std::string>(":p1"));
  // A statement with bound values goes through SOCI.
  connection->execute(fmt::format("INSERT INTO {} (id, label) VALUES (:id, :label)", table.name()),
                      {migcmd::Value(std::int64_t{3}), migcmd::Value(std::string("bound"))});
  CHECK(connection->query(fmt::format("SELECT label FROM {} WHERE id = 3", table.name()))
            .rows.at(0)
            .at(0) == std::optional<std::string>("bound"));
}

void failing_statements(const Target& target) {
  auto connection = connect_or_fail(target);
  TestTable table(*connection);
  const std::string missing = "SELECT * FROM migcmd_no_such_table_x";
  try {
    (void)connection->query(missing);
    FAIL("a query on a missing table succeeded");
  } catch (const DatabaseError& e) {
    CHECK(e.code() == ErrorCode::database_error);
    CHECK(e.sqlstate() == target.missing_table_state);
    CHECK(e.statement() == missing);
    CHECK(e.message().find(missing + " failed: ") == 0);
    CHECK(e.message().find("SQLSTATE " + target.missing_table_state) != std::string::npos);
  }
  const std::string insert = fmt::format("INSERT INTO {} (id) VALUES (1)", table.name());
  connection->execute(insert);
  try {
    connection->execute(insert);
    FAIL("a duplicate primary key was accepted");
  } catch (const DatabaseError& e) {
    CHECK(e.sqlstate() == target.duplicate_key_state);
    CHECK(e.statement() == insert);
  }
  // The connection is still usable.
  CHECK(table.count() == "1");
}

void transactions(const Target& target) {
  auto connection = connect_or_fail(target);
  TestTable table(*connection);
  auto observer = connect_or_fail(target);

  connection->begin();
  connection->execute(fmt::format("INSERT INTO {} (id) VALUES (1)", table.name()));
  CHECK(table.count() == "1");  // visible inside the transaction
  connection->rollback();
  CHECK(table.count() == "0");
  CHECK(observer->query("SELECT COUNT(*) FROM " + table.name()).rows.at(0).at(0) ==
        std::optional<std::string>("0"));

  connection->begin();
  connection->execute(fmt::format("INSERT INTO {} (id) VALUES (2)", table.name()));
  connection->commit();
  CHECK(observer->query("SELECT COUNT(*) FROM " + table.name()).rows.at(0).at(0) ==
        std::optional<std::string>("1"));

  // Outside a transaction each statement commits on its own again.
  connection->execute(fmt::format("INSERT INTO {} (id) VALUES (3)", table.name()));
  CHECK(observer->query("SELECT COUNT(*) FROM " + table.name()).rows.at(0).at(0) ==
        std::optional<std::string>("2"));
}

void wrong_password(const Target& target) {
  (void)connect_or_fail(target);  // the driver and the server are there
  const std::string secret = "Wr0ng-S3cret-pw";
  try {
    auto connection = migcmd::sqlserver::connect(odbc_url(target, secret));
    FAIL("a wrong password was accepted");
  } catch (const Error& e) {
    const std::string text = std::string(e.what()) + " " + e.hint();
    INFO(text);
    CHECK(e.code() == ErrorCode::connection_error);
    CHECK(text.find(secret) == std::string::npos);
    CHECK(text.find(fmt::format("cannot connect to odbc://{}:***@/{}", server(target).user,
                                target.dsn)) != std::string::npos);
  }
}

}  // namespace

TEST_CASE("odbc (PostgreSQL driver): values round-trip exactly") {
  round_trips(postgres);
}
TEST_CASE("odbc (PostgreSQL driver): failing statements carry the SQLSTATE") {
  failing_statements(postgres);
}
TEST_CASE("odbc (PostgreSQL driver): rollback and commit") {
  transactions(postgres);
}
TEST_CASE("odbc (PostgreSQL driver): a wrong password") {
  wrong_password(postgres);
}

TEST_CASE("odbc (MariaDB driver): values round-trip exactly") {
  round_trips(mariadb);
}
TEST_CASE("odbc (MariaDB driver): failing statements carry the SQLSTATE") {
  failing_statements(mariadb);
}
TEST_CASE("odbc (MariaDB driver): rollback and commit") {
  transactions(mariadb);
}
TEST_CASE("odbc (MariaDB driver): a wrong password") {
  wrong_password(mariadb);
}
