// The table store on the MariaDB test server (MIGCMD_TEST_MARIADB_URL); appends serialise on
// GET_LOCK held around each append's transaction.

#include <doctest/doctest.h>

#include "governance_audit/audit_server_checks.hpp"
#include "governance_audit/audit_test_support.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/mysql.hpp"

using namespace migcmd::governance;

namespace {

const std::string table = "migcmd_audit_helper_events";

std::string url() {
  return audit_test::server_url("MIGCMD_TEST_MARIADB_URL",
                                "mysql://migcmd:migcmd@127.0.0.1:53306/migcmd_test");
}

std::unique_ptr<migcmd::Connection> connect() {
  try {
    return migcmd::mysql::connect(url());
  } catch (const migcmd::Error& e) {
    FAIL("cannot reach the MariaDB test server (" << std::string(e.what())
                                                  << "); run tools/dev/dbs.sh start");
  }
  return nullptr;
}

audit_test::ServerStore server() {
  static const auto provider = migcmd::mysql::make_provider();
  audit_test::ServerStore s;
  s.name = "MariaDB";
  s.connect = connect;
  s.open = [] { return open_table_audit_store(connect(), *provider, {table}); };
  s.table_sql = table;
  s.drop = [] { connect()->execute("DROP TABLE IF EXISTS " + table); };
  return s;
}

}  // namespace

TEST_CASE("MariaDB: the audit table is created with its key, and round-trips") {
  const auto s = server();
  s.drop();
  (void)s.open();
  const auto rows = connect()
                        ->query(
                            "SELECT column_name FROM information_schema.key_column_usage "
                            "WHERE table_schema = DATABASE() AND table_name = '" +
                            table + "' AND constraint_name = 'PRIMARY'")
                        .rows;
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].at(0).value_or("") == "sequence");
  audit_test::check_round_trip(s);
}

TEST_CASE("MariaDB: tampering through SQL is named by verify") {
  audit_test::check_tampering(server());
}

TEST_CASE("MariaDB: 8 processes appending 25 entries each make one chain") {
  audit_test::check_concurrent_appends(server(), 8, 25);
}
