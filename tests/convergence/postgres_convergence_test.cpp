// The convergence pairs on PostgreSQL: one connection, a fresh schema per pair (first on the
// search_path) and, for the pairs that make one, a second schema as the extra namespace.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "convergence/convergence_runner.hpp"
#include "migcmd/providers/postgres.hpp"
#include "postgres/pg_fixture.hpp"

namespace migcmd::convergence {
namespace {

class PgPairSchema final : public PairDatabase {
 public:
  PgPairSchema(Connection& connection, const Dialect& dialect)
      : connection_(connection),
        dialect_(dialect),
        name_(test::PgSchema::unique_name("migcmd_conv")) {
    connection_.execute(fmt::format("CREATE SCHEMA {}", dialect_.quote_identifier(name_)));
    connection_.execute(fmt::format("SET search_path TO {}", dialect_.quote_identifier(name_)));
  }
  ~PgPairSchema() override {
    try {
      for (const auto& schema : {namespace_name(), name_}) {
        connection_.execute(
            fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", dialect_.quote_identifier(schema)));
      }
    } catch (const std::exception& e) {
      MESSAGE("could not drop test schema ", name_, ": ", e.what());
    }
  }
  PgPairSchema(const PgPairSchema&) = delete;
  PgPairSchema& operator=(const PgPairSchema&) = delete;

  Connection& connection() override { return connection_; }
  std::string namespace_name() const override { return name_ + "_ns"; }

 private:
  Connection& connection_;
  const Dialect& dialect_;
  std::string name_;
};

TEST_CASE("the differ's operations turn every current schema into the desired one on PostgreSQL") {
  const auto provider = postgres::make_provider();
  const auto connection = test::connect_or_fail();
  Target target;
  target.name = "postgres";
  target.provider = provider.get();
  target.traits.capabilities = provider->dialect().capabilities();
  target.traits.collation = "C";
  target.fresh = [&] { return std::make_unique<PgPairSchema>(*connection, provider->dialect()); };
  const RunSummary summary = run_convergence(target);
  REQUIRE(summary.with_operations >= 100);
}

}  // namespace
}  // namespace migcmd::convergence
