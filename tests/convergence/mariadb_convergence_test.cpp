// The convergence pairs on MariaDB: one connection, a fresh database per pair (made current with
// USE) and, for the pairs that make one, a second database as the extra namespace.

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include "convergence/convergence_runner.hpp"
#include "mariadb_fixture.hpp"
#include "migcmd/providers/mysql.hpp"

namespace migcmd::convergence {
namespace {

class MariaDbPairDatabase final : public PairDatabase {
 public:
  MariaDbPairDatabase(Connection& connection, const Dialect& dialect)
      : connection_(connection), dialect_(dialect) {
    static int counter = 0;
    name_ = fmt::format("migcmd_conv_{}_{}", static_cast<long>(::getpid()), counter++);
    connection_.execute(
        fmt::format("CREATE DATABASE {} CHARACTER SET utf8mb4", dialect_.quote_identifier(name_)));
    connection_.execute(fmt::format("USE {}", dialect_.quote_identifier(name_)));
  }
  ~MariaDbPairDatabase() override {
    try {
      for (const auto& database : {namespace_name(), name_}) {
        connection_.execute(
            fmt::format("DROP DATABASE IF EXISTS {}", dialect_.quote_identifier(database)));
      }
    } catch (const std::exception& e) {
      MESSAGE("could not drop test database ", name_, ": ", e.what());
    }
  }
  MariaDbPairDatabase(const MariaDbPairDatabase&) = delete;
  MariaDbPairDatabase& operator=(const MariaDbPairDatabase&) = delete;

  Connection& connection() override { return connection_; }
  std::string namespace_name() const override { return name_ + "_ns"; }

 private:
  Connection& connection_;
  const Dialect& dialect_;
  std::string name_;
};

TEST_CASE("the differ's operations turn every current schema into the desired one on MariaDB") {
  const auto provider = mysql::make_provider();
  const auto connection = mariadb_test::connect_or_fail(mariadb_test::server_url());
  Target target;
  target.name = "mariadb";
  target.provider = provider.get();
  target.traits.capabilities = provider->dialect().capabilities();
  target.traits.collation = "utf8mb4_bin";
  target.traits.unique_index_apart_from_constraint = false;
  target.traits.restrict_apart_from_no_action = false;
  target.traits.set_default_action = false;
  target.traits.unqualified_reference_from_other_schema = false;
  target.traits.rename_column_used_by_check = false;
  // Without checks InnoDB adds a foreign key in place instead of copying the table; the tables
  // are empty then, and the checks are back on for the rows and the migration.
  target.before_create = "SET SESSION foreign_key_checks = 0";
  target.after_create = "SET SESSION foreign_key_checks = 1";
  target.fresh = [&] {
    return std::make_unique<MariaDbPairDatabase>(*connection, provider->dialect());
  };
  const RunSummary summary = run_convergence(target);
  REQUIRE(summary.with_operations >= 100);
}

}  // namespace
}  // namespace migcmd::convergence
