#pragma once
// A fresh, empty database of the kind this test executable was built for (SQLite file,
// PostgreSQL database or MariaDB database), dropped afterwards, plus a directory for migration
// files and helpers that look at the catalog.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "migcmd/migcmd.hpp"
#include "migcmd/migration_registry.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migcmd/provider.hpp"
#include "migcmd/sql_migrations.hpp"

namespace migcmd::test {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  [[nodiscard]] const std::string& url() const noexcept { return url_; }
  [[nodiscard]] const Provider& provider() const noexcept { return *provider_; }
  [[nodiscard]] Connection& connection() noexcept { return *connection_; }
  [[nodiscard]] std::unique_ptr<Connection> connect() const { return provider_->connect(url_); }
  [[nodiscard]] bool transactional_ddl() const { return provider_->transactional_ddl(); }
  [[nodiscard]] std::string name() const { return std::string(provider_->name()); }

  // A directory for migration files, removed with the database.
  [[nodiscard]] const std::filesystem::path& dir() const noexcept { return dir_; }
  void write_file(const std::string& name, const std::string& content) const;
  [[nodiscard]] std::vector<MigrationScript> load() const {
    return load_sql_migrations(dir_ / "migrations");
  }

  [[nodiscard]] bool table_exists(const std::string& table);
  [[nodiscard]] bool column_exists(const std::string& table, const std::string& column);
  [[nodiscard]] std::string scalar(const std::string& sql);
  [[nodiscard]] std::vector<HistoryRow> history();

  [[nodiscard]] Migrator migrator(std::vector<MigrationScript> migrations,
                                  MigratorOptions options = {});

 private:
  std::shared_ptr<const Provider> provider_;
  std::string url_;
  std::string database_;  // servers: the database created for this test
  std::string admin_url_;
  std::filesystem::path dir_;
  std::unique_ptr<Connection> connection_;
};

}  // namespace migcmd::test
