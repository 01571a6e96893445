#include "pg_fixture.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

#include "migcmd/error.hpp"
#include "migcmd/providers/postgres.hpp"

namespace migcmd::test {

std::string postgres_url() {
  const char* url = std::getenv("MIGCMD_TEST_POSTGRES_URL");
  return url && *url ? url : "postgres://migcmd:migcmd@127.0.0.1:55432/migcmd_test";
}

std::unique_ptr<Connection> connect_or_fail(const std::string& url) {
  try {
    return postgres::connect(url);
  } catch (const Error& e) {
    FAIL("cannot reach the PostgreSQL test server: ", std::string(e.what()),
         " -- run tools/dev/dbs.sh start (or set MIGCMD_TEST_POSTGRES_URL)");
  }
  return nullptr;
}

std::string PgSchema::unique_name(const std::string& prefix) {
  static std::atomic<int> counter{0};
  static const unsigned seed = std::random_device{}();
  return fmt::format("{}_{}_{}_{:08x}", prefix, getpid(), counter++, seed);
}

PgSchema::PgSchema()
    : connection_(connect_or_fail()),
      dialect_(postgres::make_dialect()),
      name_(unique_name("migcmd_t")) {
  execute(fmt::format("CREATE SCHEMA {}", dialect_->quote_identifier(name_)));
  execute(fmt::format("SET search_path TO {}", dialect_->quote_identifier(name_)));
}

PgSchema::~PgSchema() {
  try {
    connection_->execute("ROLLBACK");  // a test that failed inside a transaction
    connection_->execute(
        fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", dialect_->quote_identifier(name_)));
  } catch (const std::exception& e) {
    MESSAGE("could not drop test schema ", name_, ": ", e.what());
  }
}

void PgSchema::apply(const OperationList& ops, const Schema& before) {
  run_commands(*connection_, dialect_->generate(ops, before));
}

void PgSchema::execute(const std::string& sql) {
  connection_->execute(sql);
}

std::optional<std::string> PgSchema::value(const std::string& sql) {
  QueryResult result = connection_->query(sql);
  INFO("query: ", sql);
  REQUIRE_FALSE(result.rows.empty());
  REQUIRE_FALSE(result.rows.front().empty());
  return result.rows.front().front();
}

std::vector<Row> PgSchema::rows(const std::string& sql) {
  return connection_->query(sql).rows;
}

std::string PgSchema::lit(const std::string& text) const {
  return dialect_->literal(Value{text});
}

std::string PgSchema::regclass(const QualifiedName& table) const {
  return lit(dialect_->quote_name(table)) + "::regclass";
}

ColumnInfo PgSchema::column(const QualifiedName& table, const std::string& column) {
  auto result =
      rows(fmt::format("SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull::text, "
                       "coalesce(pg_get_expr(d.adbin, d.adrelid), ''), a.attidentity::text, "
                       "coalesce(col_description(a.attrelid, a.attnum), '') "
                       "FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef d "
                       "ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                       "WHERE a.attrelid = {} AND a.attname = {} AND NOT a.attisdropped",
                       regclass(table), lit(column)));
  INFO("column ", column, " of ", to_string(table));
  REQUIRE(result.size() == 1);
  const Row& r = result.front();
  return ColumnInfo{r[0].value_or(""), r[1] == "true", r[2].value_or(""), r[3].value_or(""),
                    r[4].value_or("")};
}

bool PgSchema::relation_exists(const QualifiedName& name) {
  return value(fmt::format("SELECT (to_regclass({}) IS NOT NULL)::text",
                           lit(dialect_->quote_name(name)))) == "true";
}

long PgSchema::count(const std::string& from_where) {
  return std::stol(value("SELECT count(*)::text " + from_where).value_or("-1"));
}

}  // namespace migcmd::test
