#include "migrator_fixture.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

#if defined(MIGCMD_TEST_DB_SQLITE)
#include "migcmd/providers/sqlite.hpp"
#elif defined(MIGCMD_TEST_DB_POSTGRES)
#include "migcmd/providers/postgres.hpp"
#elif defined(MIGCMD_TEST_DB_MARIADB)
#include "migcmd/providers/mysql.hpp"
#endif

namespace migcmd::test {
namespace {

std::atomic<int> counter{0};

#if !defined(MIGCMD_TEST_DB_SQLITE)
std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

// The server URL with another database name.
std::string with_database(const std::string& url, const std::string& database) {
  auto slash = url.find('/', url.find("://") + 3);
  auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + database +
         (query == std::string::npos ? "" : url.substr(query));
}
#endif

}  // namespace

TestDatabase::TestDatabase() {
  const int n = counter++;
  dir_ = std::filesystem::temp_directory_path() / fmt::format("migcmd-migrator-{}-{}", getpid(), n);
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_ / "migrations");
  database_ = fmt::format("mt_{}_{}", getpid(), n);
#if defined(MIGCMD_TEST_DB_SQLITE)
  provider_ = sqlite::make_provider();
  url_ = "sqlite:" + (dir_ / "test.db").string();
#else
#if defined(MIGCMD_TEST_DB_POSTGRES)
  provider_ = postgres::make_provider();
  admin_url_ =
      env_or("MIGCMD_TEST_POSTGRES_URL", "postgres://migcmd:migcmd@127.0.0.1:55432/migcmd_test");
#else
  provider_ = mysql::make_provider();
  admin_url_ =
      env_or("MIGCMD_TEST_MARIADB_URL", "mysql://migcmd:migcmd@127.0.0.1:53306/migcmd_test");
#endif
  try {
    provider_->connect(admin_url_)->execute("CREATE DATABASE " + database_);
  } catch (const Error& e) {
    FAIL("cannot reach the test server (run tools/dev/dbs.sh start): ", e.what());
  }
  url_ = with_database(admin_url_, database_);
#endif
  connection_ = provider_->connect(url_);
}

TestDatabase::~TestDatabase() {
  connection_.reset();
  if (!admin_url_.empty()) {
    try {
#if defined(MIGCMD_TEST_DB_POSTGRES)
      provider_->connect(admin_url_)->execute("DROP DATABASE " + database_ + " WITH (FORCE)");
#else
      provider_->connect(admin_url_)->execute("DROP DATABASE " + database_);
#endif
    } catch (...) {
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void TestDatabase::write_file(const std::string& name, const std::string& content) const {
  std::ofstream(dir_ / "migrations" / name, std::ios::binary) << content;
}

bool TestDatabase::table_exists(const std::string& table) {
  const std::string lit = provider_->dialect().literal(table);
#if defined(MIGCMD_TEST_DB_SQLITE)
  return scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = " + lit) == "1";
#elif defined(MIGCMD_TEST_DB_POSTGRES)
  return scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = " +
                lit) == "1";
#else
  return scalar(
             "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
             "AND table_name = " +
             lit) == "1";
#endif
}

bool TestDatabase::column_exists(const std::string& table, const std::string& column) {
  const auto& d = provider_->dialect();
#if defined(MIGCMD_TEST_DB_SQLITE)
  return scalar(fmt::format("SELECT count(*) FROM pragma_table_info({}) WHERE name = {}",
                            d.literal(table), d.literal(column))) == "1";
#else
  return scalar(
             fmt::format("SELECT count(*) FROM information_schema.columns WHERE table_schema = {} "
                         "AND table_name = {} AND column_name = {}",
#if defined(MIGCMD_TEST_DB_POSTGRES)
                         "'public'",
#else
                         "DATABASE()",
#endif
                         d.literal(table), d.literal(column))) == "1";
#endif
}

std::string TestDatabase::scalar(const std::string& sql) {
  auto rows = connection_->query(sql).rows;
  REQUIRE_MESSAGE(rows.size() == 1, sql);
  return rows[0].at(0).value_or("NULL");
}

std::vector<HistoryRow> TestDatabase::history() {
  HistoryStore store(*connection_, provider_->dialect(), QualifiedName("migcmd_history"));
  return store.exists() ? store.rows() : std::vector<HistoryRow>{};
}

Migrator TestDatabase::migrator(std::vector<MigrationScript> migrations, MigratorOptions options) {
  if (options.statement_lock_timeout.count() == 10'000)
    options.statement_lock_timeout = std::chrono::milliseconds{5'000};
  return Migrator(*connection_, *provider_, std::move(migrations), std::move(options));
}

}  // namespace migcmd::test
