#pragma once
// The MySQL / MariaDB provider: connections and the dialect of this folder, GET_LOCK as the
// migration lock, lock_wait_timeout as the statement lock timeout.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/provider.hpp"

namespace migcmd::mysql {

// MySQL refuses user-level lock names longer than 64 characters (MariaDB has no limit).
inline constexpr std::size_t max_lock_name_bytes = 64;

// The name GET_LOCK is given for a migration lock called `name`: the name itself when MySQL takes
// it, else "migcmd_" + the first 32 hex digits of its SHA-256. The hash is stable, so every runner
// of every version derives the same name. Counted in bytes (not characters) and hashed when it is
// not valid UTF-8, so that the name fits whatever the server counts. Throws Error(usage) for an
// empty name, which GET_LOCK refuses.
[[nodiscard]] std::string lock_key(std::string_view name);

class MySqlProvider final : public Provider {
 public:
  MySqlProvider();

  [[nodiscard]] std::string_view name() const noexcept override { return "mysql"; }
  [[nodiscard]] std::vector<std::string> url_schemes() const override;
  [[nodiscard]] std::unique_ptr<Connection> connect(std::string_view url) const override;
  [[nodiscard]] const Dialect& dialect() const override { return *dialect_; }

  // GET_LOCK belongs to the session: LockScope::transaction is refused with Error(usage).
  [[nodiscard]] std::unique_ptr<MigrationLock> acquire_lock(
      Connection& connection, const LockOptions& options) const override;
  // KILL <id>. False when no session has that id any more; Error(usage) for an id that is not a
  // number or that is this very connection's.
  bool terminate_session(Connection& connection, const std::string& session_id) const override;
  [[nodiscard]] std::string session_id(Connection& connection) const override;

  // lock_wait_timeout (metadata locks: ALTER TABLE waiting behind a long transaction) and
  // innodb_lock_wait_timeout (row locks), in whole seconds rounded up.
  [[nodiscard]] std::vector<std::string> statement_lock_timeout_sql(
      std::chrono::milliseconds timeout) const override;
  // ER_LOCK_WAIT_TIMEOUT (1205), which both settings raise.
  [[nodiscard]] bool is_lock_timeout(const DatabaseError& error) const override;

  // information_schema, six queries (mysql_reader.cpp). Written for MariaDB 10.5+.
  [[nodiscard]] Schema read_schema(Connection& connection,
                                   const ReadOptions& options) const override;

  // A fresh, uniquely named scratch space on the development database (see scratch_database.hpp).
  [[nodiscard]] std::unique_ptr<ScratchDatabase> open_scratch(
      std::string_view dev_url) const override;

 private:
  std::unique_ptr<Dialect> dialect_;
};

}  // namespace migcmd::mysql
