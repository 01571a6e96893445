#pragma once
// The PostgreSQL provider (see migcmd/providers/postgres.hpp for what its lock does).

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/provider.hpp"

namespace migcmd::postgres {

// SET lock_timeout to `timeout` (capped at the setting's int range); 0 turns it off.
[[nodiscard]] std::string set_lock_timeout_sql(std::chrono::milliseconds timeout);

class PostgresProvider final : public Provider {
 public:
  PostgresProvider();

  [[nodiscard]] std::string_view name() const noexcept override { return "postgres"; }
  [[nodiscard]] std::vector<std::string> url_schemes() const override;
  [[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url) const override;
  [[nodiscard]] const Dialect& dialect() const override { return *dialect_; }

  [[nodiscard]] std::unique_ptr<MigrationLock> acquire_lock(
      Connection& connection, const LockOptions& options) const override;
  [[nodiscard]] bool supports(LockScope) const override { return true; }
  bool terminate_session(Connection& connection, const std::string& session_id) const override;
  [[nodiscard]] std::string session_id(Connection& connection) const override;

  [[nodiscard]] std::vector<std::string> deferred_commit_sql() const override;
  [[nodiscard]] std::vector<std::string> statement_lock_timeout_sql(
      std::chrono::milliseconds timeout) const override;
  [[nodiscard]] bool is_lock_timeout(const DatabaseError& error) const override;

  // pg_catalog, five queries whatever the number of tables (postgres_reader.cpp).
  [[nodiscard]] Schema read_schema(Connection& connection,
                                   const ReadOptions& options) const override;

  // A fresh, uniquely named scratch space on the development database (see scratch_database.hpp).
  [[nodiscard]] std::unique_ptr<ScratchDatabase> open_scratch(
      std::string_view dev_url) const override;

 private:
  std::unique_ptr<Dialect> dialect_;
};

// postgres_lock.cpp: the advisory lock behind acquire_lock.
[[nodiscard]] std::unique_ptr<MigrationLock> acquire_advisory_lock(Connection& connection,
                                                                   const LockOptions& options);

}  // namespace migcmd::postgres
