// The table store on the PostgreSQL test server (MIGCMD_TEST_POSTGRES_URL), in a schema of its
// own; appends serialise on a transaction-scoped advisory lock.

#include <doctest/doctest.h>

#include "governance_audit/audit_server_checks.hpp"
#include "governance_audit/audit_test_support.hpp"
#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"

using namespace migcmd::governance;

namespace {

const std::string schema = "migcmd_audit_helper_test";

std::string url() {
  return audit_test::server_url("MIGCMD_TEST_POSTGRES_URL",
                                "postgres://migcmd:migcmd@127.0.0.1:55432/migcmd_test");
}

std::unique_ptr<migcmd::Connection> connect() {
  try {
    return migcmd::postgres::connect(url());
  } catch (const migcmd::Error& e) {
    FAIL("cannot reach the PostgreSQL test server (" << std::string(e.what())
                                                     << "); run tools/dev/dbs.sh start");
  }
  return nullptr;
}

audit_test::ServerStore server() {
  static const auto provider = migcmd::postgres::make_provider();
  audit_test::ServerStore s;
  s.name = "PostgreSQL";
  s.connect = connect;
  s.open = [] { return open_table_audit_store(connect(), *provider, {schema, "audit_events"}); };
  s.table_sql = schema + ".audit_events";
  s.drop = [] { connect()->execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"); };
  return s;
}

}  // namespace

TEST_CASE("PostgreSQL: the audit table is created in its schema with its key, and round-trips") {
  const auto s = server();
  s.drop();
  (void)s.open();
  const auto rows = connect()
                        ->query(
                            "SELECT kcu.column_name FROM information_schema.table_constraints "
                            "tc JOIN information_schema.key_column_usage kcu ON "
                            "kcu.constraint_name = tc.constraint_name AND kcu.table_schema = "
                            "tc.table_schema WHERE tc.table_schema = '" +
                            schema +
                            "' AND tc.table_name = 'audit_events' AND tc.constraint_type = "
                            "'PRIMARY KEY'")
                        .rows;
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].at(0).value_or("") == "sequence");
  audit_test::check_round_trip(s);
}

TEST_CASE("PostgreSQL: tampering through SQL is named by verify") {
  audit_test::check_tampering(server());
}

TEST_CASE("PostgreSQL: 8 processes appending 25 entries each make one chain") {
  audit_test::check_concurrent_appends(server(), 8, 25);
}
