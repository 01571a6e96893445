#include "mariadb_lock_support.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "migcmd/error.hpp"

namespace mariadb_lock_test {

std::string server_url() {
  const char* url = std::getenv("MIGCMD_TEST_MARIADB_URL");
  return url && *url ? url : "mysql://migcmd:migcmd@127.0.0.1:53306/migcmd_test";
}

std::unique_ptr<migcmd::Connection> connect_or_fail(const migcmd::Provider& provider) {
  try {
    return provider.connect(server_url());
  } catch (const migcmd::Error& e) {
    if (e.code() != migcmd::ErrorCode::connection_error) throw;
    FAIL("cannot reach the MariaDB test server (" << std::string(e.what())
                                                  << "); run tools/dev/dbs.sh start, or set "
                                                     "MIGCMD_TEST_MARIADB_URL");
  }
  return nullptr;
}

std::string unique_name(const std::string& what) {
  static std::atomic<int> counter{0};
  return fmt::format("migcmd_t{}_{}_{}", static_cast<long>(getpid()), counter++, what);
}

std::optional<std::string> value(migcmd::Connection& connection, const std::string& sql) {
  const migcmd::QueryResult result = connection.query(sql);
  INFO("query: ", sql);
  REQUIRE(result.rows.size() == 1);
  REQUIRE(result.rows[0].size() == 1);
  return result.rows[0][0];
}

}  // namespace mariadb_lock_test
