#include "sqlite_provider.hpp"

#include <unistd.h>

#include <string>

#include "migcmd/providers/sqlite.hpp"
#include "sqlite_reader.hpp"

namespace migcmd::sqlite {

SqliteProvider::SqliteProvider() : dialect_(make_dialect()) {}

std::vector<std::string> SqliteProvider::url_schemes() const {
  return {"sqlite", "sqlite3"};
}

std::unique_ptr<Connection> SqliteProvider::connect(std::string_view url) const {
  return sqlite::connect(url);
}

std::unique_ptr<MigrationLock> SqliteProvider::acquire_lock(Connection& connection,
                                                            const LockOptions& options) const {
  return acquire_immediate_lock(connection, options);
}

bool SqliteProvider::terminate_session(Connection&, const std::string&) const {
  return false;
}

std::string SqliteProvider::session_id(Connection&) const {
  return std::to_string(getpid());
}

std::vector<std::string> SqliteProvider::statement_lock_timeout_sql(
    std::chrono::milliseconds) const {
  return {};
}

bool SqliteProvider::is_lock_timeout(const DatabaseError& error) const {
  return is_busy(error);
}

Schema SqliteProvider::read_schema(Connection& connection, const ReadOptions& options) const {
  return sqlite::read_schema(connection, options);
}

// An in-memory database: private to this connection and gone when it closes, so the dev URL is
// not needed.
std::unique_ptr<ScratchDatabase> SqliteProvider::open_scratch(std::string_view) const {
  return std::make_unique<DroppingScratchDatabase>(connect("sqlite::memory:"),
                                                   "an in-memory SQLite database", "");
}

std::shared_ptr<const Provider> make_provider() {
  return std::make_shared<const SqliteProvider>();
}

}  // namespace migcmd::sqlite
