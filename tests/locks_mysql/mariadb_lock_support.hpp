#pragma once
// What the MariaDB lock tests share: the server's URL, connections that FAIL the test case when
// the server cannot be reached, unique lock and table names, and a stopwatch.

#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "migcmd/connection.hpp"
#include "migcmd/provider.hpp"

namespace mariadb_lock_test {

// MIGCMD_TEST_MARIADB_URL, or the server tools/dev/dbs.sh starts.
[[nodiscard]] std::string server_url();
// A connection through `provider`; FAILs the test case when the server cannot be reached.
[[nodiscard]] std::unique_ptr<migcmd::Connection> connect_or_fail(const migcmd::Provider& provider);
// A name no other test process uses at the same time ("migcmd_t<pid>_<n>_<what>").
[[nodiscard]] std::string unique_name(const std::string& what);
// The only cell of the only row; FAILs unless there is exactly one.
[[nodiscard]] std::optional<std::string> value(migcmd::Connection& connection,
                                               const std::string& sql);

class Stopwatch {
 public:
  [[nodiscard]] long long elapsed_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 start_)
        .count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace mariadb_lock_test

namespace doctest {
template <>
struct StringMaker<std::optional<std::string>> {
  static String convert(const std::optional<std::string>& value) {
    return value ? ("\"" + *value + "\"").c_str() : "NULL";
  }
};
}  // namespace doctest
