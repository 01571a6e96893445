#include "bench_files.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

namespace bench {
namespace {

std::string version(int i) {
  return fmt::format("2025{:010}", i);
}

// Portable SQL: the same text runs on SQLite, PostgreSQL and MariaDB.
std::string statements(int i) {
  return fmt::format(
      "CREATE TABLE t{0:04} (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
      "INSERT INTO t{0:04} (id, name) VALUES (1, 'row of migration {0}');\n",
      i);
}

}  // namespace

void write_migrations(const std::string& directory, int count) {
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  for (int i = 1; i <= count; ++i) {
    std::ofstream(fmt::format("{}/{}_t{:04}.sql", directory, version(i), i))
        << "-- migrate:up\n"
        << statements(i) << "\n-- migrate:down\n"
        << fmt::format("DROP TABLE t{:04};\n", i);
  }
}

void write_floor_script(const std::string& file, int count, Transactions transactions) {
  std::ofstream out(file, std::ios::trunc);
  out << "CREATE TABLE schema_migrations (version VARCHAR(128) PRIMARY KEY);\n";
  if (transactions == Transactions::one) out << "BEGIN;\n";
  for (int i = 1; i <= count; ++i) {
    if (transactions == Transactions::per_migration) out << "BEGIN;\n";
    out << statements(i)
        << fmt::format("INSERT INTO schema_migrations (version) VALUES ('{}');\n", version(i));
    if (transactions == Transactions::per_migration) out << "COMMIT;\n";
  }
  if (transactions == Transactions::one) out << "COMMIT;\n";
}

}  // namespace bench
