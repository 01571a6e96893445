#pragma once
// The databases a workload runs on, each reachable three ways: migcmd (library and CLI), dbmate,
// and the database's own client (the floor).

#include <memory>
#include <string>

#include "migcmd/provider.hpp"

namespace bench {

class Database {
 public:
  virtual ~Database() = default;
  [[nodiscard]] virtual std::string name() const = 0;  // "PostgreSQL"
  [[nodiscard]] virtual const migcmd::Provider& provider() const = 0;
  // Drops and creates the benchmark database `slot` ("a", "b"): empty afterwards.
  virtual void recreate(const std::string& slot) = 0;
  [[nodiscard]] virtual std::string url(const std::string& slot) const = 0;         // migcmd
  [[nodiscard]] virtual std::string dbmate_url(const std::string& slot) const = 0;  // dbmate
  // The client reading a script on stdin ("sqlite3 FILE", "psql ... -f -", "mariadb ...").
  [[nodiscard]] virtual std::string client(const std::string& slot) const = 0;
  // The client running one query given on its command line.
  [[nodiscard]] virtual std::string client_query(const std::string& slot,
                                                 const std::string& sql) const = 0;
  // Drops what recreate made.
  virtual void cleanup() = 0;
};

// `directory` holds the SQLite files.
[[nodiscard]] std::unique_ptr<Database> sqlite_database(const std::string& directory);
// `admin_url` reaches a database the benchmark's own are created from.
[[nodiscard]] std::unique_ptr<Database> postgres_database(const std::string& admin_url);
[[nodiscard]] std::unique_ptr<Database> mariadb_database(const std::string& admin_url);

}  // namespace bench
