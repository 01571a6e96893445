#include "mariadb_fixture.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <random>

#include "migcmd/apply_operation.hpp"
#include "migcmd/providers/mysql.hpp"
#include "migcmd/url.hpp"

namespace mariadb_test {
namespace {

std::string percent_encode(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') {
      out += c;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    }
  }
  return out;
}

std::string unique_database_name() {
  static std::atomic<int> counter{0};
  std::random_device random;
  return fmt::format("migcmd_t{}_{}_{:08x}", static_cast<long>(getpid()), counter++, random());
}

}  // namespace

std::string server_url() {
  const char* url = std::getenv("MIGCMD_TEST_MARIADB_URL");
  return url && *url ? url : "mysql://migcmd:migcmd@127.0.0.1:53306/migcmd_test";
}

std::string url_for(const std::string& url, const std::string& database) {
  const DatabaseUrl u = parse_url(url);
  std::string out = u.scheme + "://";
  if (!u.user.empty()) {
    out += percent_encode(u.user);
    if (!u.password.empty()) out += ":" + percent_encode(u.password);
    out += "@";
  }
  out += u.host;
  if (u.port) out += fmt::format(":{}", *u.port);
  out += "/" + percent_encode(database);
  char separator = '?';
  for (const auto& [key, value] : u.parameters) {
    out += fmt::format("{}{}={}", separator, percent_encode(key), percent_encode(value));
    separator = '&';
  }
  return out;
}

std::unique_ptr<Connection> connect_or_fail(const std::string& url) {
  try {
    return mysql::connect(url);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::connection_error) throw;
    FAIL("cannot reach the MariaDB test server (" << std::string(e.what())
                                                  << "); run tools/dev/dbs.sh start, or set "
                                                     "MIGCMD_TEST_MARIADB_URL");
  }
  return nullptr;
}

TestDatabase::TestDatabase() : dialect_(mysql::make_dialect()), name_(unique_database_name()) {
  admin_ = connect_or_fail(server_url());
  admin_->execute(
      fmt::format("CREATE DATABASE {} CHARACTER SET utf8mb4", dialect_->quote_identifier(name_)));
  connection_ = connect_or_fail(url_for(server_url(), name_));
}

TestDatabase::~TestDatabase() {
  try {
    connection_.reset();
    extra_databases_.push_back(name_);
    for (const auto& db : extra_databases_) {
      admin_->execute(fmt::format("DROP DATABASE IF EXISTS {}", dialect_->quote_identifier(db)));
    }
  } catch (const std::exception& e) {
    MESSAGE("could not drop test database " << name_ << ": " << e.what());
  }
}

void TestDatabase::apply(const OperationList& ops, const RenderOptions& options) {
  const SqlCommands commands = dialect_->generate(ops, schema_, options);
  run_commands(*connection_, commands);
  for (const auto& op : ops) apply_operation(schema_, op);
}

void TestDatabase::execute(const std::string& sql) {
  connection_->execute(sql);
}

bool TestDatabase::rejects(const std::string& sql) {
  try {
    connection_->execute(sql);
  } catch (const DatabaseError&) {
    return true;
  }
  return false;
}

std::vector<Row> TestDatabase::rows(const std::string& sql) {
  return connection_->query(sql).rows;
}

std::optional<std::string> TestDatabase::value(const std::string& sql) {
  auto result = rows(sql);
  INFO("query: ", sql);
  REQUIRE(result.size() == 1);
  REQUIRE(!result[0].empty());
  return result[0][0];
}

long TestDatabase::count(const std::string& from_where) {
  return std::stol(value("SELECT COUNT(*) FROM " + from_where).value());
}

std::string TestDatabase::lit(const std::string& text) const {
  return dialect_->literal(Value{text});
}

std::optional<ColumnInfo> TestDatabase::column(const std::string& table, const std::string& column,
                                               const std::string& database) {
  auto result = rows(fmt::format(
      "SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT, COLLATION_NAME "
      "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = {} AND TABLE_NAME = {} AND "
      "COLUMN_NAME = {}",
      lit(database.empty() ? name_ : database), lit(table), lit(column)));
  if (result.empty()) return std::nullopt;
  const Row& r = result.front();
  return ColumnInfo{r[0].value_or(""), r[1] == "YES",     r[2],
                    r[3].value_or(""), r[4].value_or(""), r[5].value_or("")};
}

std::optional<IndexInfo> TestDatabase::index(const std::string& table, const std::string& index) {
  auto result = rows(fmt::format(
      "SELECT NON_UNIQUE, COLUMN_NAME, COLLATION FROM information_schema.STATISTICS "
      "WHERE TABLE_SCHEMA = {} AND TABLE_NAME = {} AND INDEX_NAME = {} ORDER BY SEQ_IN_INDEX",
      lit(name_), lit(table), lit(index)));
  if (result.empty()) return std::nullopt;
  IndexInfo info;
  info.unique = result.front()[0] == "0";
  for (const auto& r : result) {
    info.columns.push_back(r[1].value_or("") + (r[2] == "D" ? " DESC" : ""));
  }
  return info;
}

bool TestDatabase::table_exists(const std::string& table, const std::string& database) {
  return count(fmt::format("information_schema.TABLES WHERE TABLE_SCHEMA = {} AND TABLE_NAME = {}",
                           lit(database.empty() ? name_ : database), lit(table))) == 1;
}

std::string TestDatabase::extra_database(const std::string& suffix) {
  extra_databases_.push_back(name_ + "_" + suffix);
  return extra_databases_.back();
}

std::string hex(std::string_view bytes) {
  std::string out;
  for (char c : bytes) out += fmt::format("{:02X}", static_cast<unsigned char>(c));
  return out;
}

}  // namespace mariadb_test
