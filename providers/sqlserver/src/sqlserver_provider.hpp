#pragma once
// The SQL Server provider: ODBC connections and the T-SQL dialect of this folder, sp_getapplock
// as the migration lock, SET LOCK_TIMEOUT as the statement lock timeout.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/provider.hpp"

namespace migcmd::sqlserver {

class SqlServerProvider final : public Provider {
 public:
  SqlServerProvider();

  [[nodiscard]] std::string_view name() const noexcept override { return "sqlserver"; }
  [[nodiscard]] std::vector<std::string> url_schemes() const override;
  [[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url) const override;
  [[nodiscard]] const Dialect& dialect() const override { return *dialect_; }

  // sp_getapplock, owned by the session or (LockScope::transaction) by the caller's transaction,
  // which its COMMIT or ROLLBACK releases.
  [[nodiscard]] std::unique_ptr<MigrationLock> acquire_lock(
      Connection& connection, const LockOptions& options) const override;
  [[nodiscard]] bool supports(LockScope) const override { return true; }
  // KILL <spid>. False when no session has that id any more; Error(usage) for an id that is not a
  // number or that is this very connection's (SQL Server refuses to kill its own session).
  bool terminate_session(Connection& connection, const std::string& session_id) const override;
  [[nodiscard]] std::string session_id(Connection& connection) const override;

  [[nodiscard]] std::vector<std::string> statement_lock_timeout_sql(
      std::chrono::milliseconds timeout) const override;
  // Error 1222 (SQLSTATE HY000, so recognised by its number or text).
  [[nodiscard]] bool is_lock_timeout(const DatabaseError& error) const override;

  // The sys.* catalog views in seven queries (sqlserver_reader.hpp).
  [[nodiscard]] Schema read_schema(Connection& connection,
                                   const ReadOptions& options) const override;

 private:
  std::unique_ptr<Dialect> dialect_;
};

}  // namespace migcmd::sqlserver
