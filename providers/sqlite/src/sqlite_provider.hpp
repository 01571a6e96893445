#pragma once
// The SQLite provider (see migcmd/providers/sqlite.hpp for what its lock does).

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/provider.hpp"

namespace migcmd::sqlite {

class SqliteProvider final : public Provider {
 public:
  SqliteProvider();

  [[nodiscard]] std::string_view name() const noexcept override { return "sqlite"; }
  [[nodiscard]] std::vector<std::string> url_schemes() const override;
  [[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url) const override;
  [[nodiscard]] const Dialect& dialect() const override { return *dialect_; }

  [[nodiscard]] std::unique_ptr<MigrationLock> acquire_lock(
      Connection& connection, const LockOptions& options) const override;
  [[nodiscard]] bool lock_is_transaction() const override { return true; }
  // The lock dies with the connection holding it, and that is in another process.
  bool terminate_session(Connection& connection, const std::string& session_id) const override;
  [[nodiscard]] std::string session_id(Connection& connection) const override;

  [[nodiscard]] std::vector<std::string> statement_lock_timeout_sql(
      std::chrono::milliseconds timeout) const override;
  [[nodiscard]] bool is_lock_timeout(const DatabaseError& error) const override;

  // sqlite_reader.cpp: the "main" database; any other schema is Error(unsupported_operation).
  [[nodiscard]] Schema read_schema(Connection& connection,
                                   const ReadOptions& options) const override;

  // A fresh, uniquely named scratch space on the development database (see scratch_database.hpp).
  [[nodiscard]] std::unique_ptr<ScratchDatabase> open_scratch(
      std::string_view dev_url) const override;

 private:
  std::unique_ptr<Dialect> dialect_;
};

// sqlite_lock.cpp: the immediate transaction behind acquire_lock.
[[nodiscard]] std::unique_ptr<MigrationLock> acquire_immediate_lock(Connection& connection,
                                                                    const LockOptions& options);
// Whether `error` carries SQLITE_BUSY or one of its extended codes (BUSY_RECOVERY, _SNAPSHOT...).
[[nodiscard]] bool is_busy(const DatabaseError& error);

}  // namespace migcmd::sqlite
