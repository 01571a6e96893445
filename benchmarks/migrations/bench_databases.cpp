#include "bench_databases.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

#include "bench_process.hpp"
#include "migcmd/providers/mysql.hpp"
#include "migcmd/providers/postgres.hpp"
#include "migcmd/providers/sqlite.hpp"
#include "migcmd/url.hpp"

namespace bench {
namespace {

// A database per slot and process, so two benchmark runs never meet.
std::string database_name(const std::string& slot) {
  return fmt::format("migcmd_bench_{}_{}", slot, getpid());
}

class Sqlite final : public Database {
 public:
  explicit Sqlite(std::string directory) : directory_(std::move(directory)) {}
  std::string name() const override { return "SQLite"; }
  const migcmd::Provider& provider() const override { return *provider_; }
  void recreate(const std::string& slot) override {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(file(slot) + suffix);
    }
  }
  std::string url(const std::string& slot) const override { return "sqlite:" + file(slot); }
  std::string dbmate_url(const std::string& slot) const override { return "sqlite:" + file(slot); }
  std::string client(const std::string& slot) const override {
    return "exec sqlite3 -bail " + quoted(file(slot));
  }
  std::string client_query(const std::string& slot, const std::string& sql) const override {
    return "exec sqlite3 " + quoted(file(slot)) + " " + quoted(sql);
  }
  void cleanup() override {
    recreate("a");
    recreate("b");
  }

 private:
  std::string file(const std::string& slot) const {
    return directory_ + "/" + database_name(slot) + ".db";
  }
  std::string directory_;
  std::shared_ptr<const migcmd::Provider> provider_ = migcmd::sqlite::make_provider();
};

// PostgreSQL and MariaDB: a database per slot on the server of `admin_url`.
class Server : public Database {
 public:
  Server(std::string admin_url, std::shared_ptr<const migcmd::Provider> provider)
      : admin_url_(std::move(admin_url)),
        parts_(migcmd::parse_url(admin_url_)),
        provider_(std::move(provider)) {}
  const migcmd::Provider& provider() const override { return *provider_; }
  void recreate(const std::string& slot) override {
    auto admin = provider_->connect(admin_url_);
    admin->execute(drop_sql(database_name(slot)));
    admin->execute("CREATE DATABASE " + database_name(slot));
  }
  void cleanup() override {
    auto admin = provider_->connect(admin_url_);
    for (const char* slot : {"a", "b"}) admin->execute(drop_sql(database_name(slot)));
  }

 protected:
  [[nodiscard]] virtual std::string drop_sql(const std::string& database) const = 0;
  [[nodiscard]] std::string with_database(const std::string& scheme, const std::string& slot,
                                          const std::string& suffix = {}) const {
    return fmt::format("{}://{}:{}@{}:{}/{}{}", scheme, parts_.user, parts_.password, parts_.host,
                       *parts_.port, database_name(slot), suffix);
  }
  std::string admin_url_;
  migcmd::DatabaseUrl parts_;
  std::shared_ptr<const migcmd::Provider> provider_;
};

class Postgres final : public Server {
 public:
  explicit Postgres(std::string admin_url)
      : Server(std::move(admin_url), migcmd::postgres::make_provider()) {
    if (!parts_.port) parts_.port = 5432;
  }
  std::string name() const override { return "PostgreSQL"; }
  std::string url(const std::string& slot) const override {
    return with_database("postgres", slot);
  }
  std::string dbmate_url(const std::string& slot) const override {
    return with_database("postgres", slot, "?sslmode=disable");
  }
  std::string client(const std::string& slot) const override {
    // Like migcmd and dbmate here: no TLS or GSSAPI negotiation on loopback.
    return fmt::format(
        "PGPASSWORD={} PGSSLMODE=disable PGGSSENCMODE=disable exec psql -X -q -v ON_ERROR_STOP=1 "
        "-h {} -p {} -U {} -d {}",
        quoted(parts_.password), parts_.host, *parts_.port, parts_.user, database_name(slot));
  }
  std::string client_query(const std::string& slot, const std::string& sql) const override {
    return client(slot) + " -c " + quoted(sql);
  }

 private:
  std::string drop_sql(const std::string& database) const override {
    return "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)";
  }
};

class Mariadb final : public Server {
 public:
  explicit Mariadb(std::string admin_url)
      : Server(std::move(admin_url), migcmd::mysql::make_provider()) {
    if (!parts_.port) parts_.port = 3306;
  }
  std::string name() const override { return "MariaDB"; }
  std::string url(const std::string& slot) const override { return with_database("mysql", slot); }
  std::string dbmate_url(const std::string& slot) const override {
    return with_database("mysql", slot);
  }
  std::string client(const std::string& slot) const override {
    return fmt::format("exec mariadb --no-defaults -h {} -P {} -u {} -p{} {}", parts_.host,
                       *parts_.port, parts_.user, quoted(parts_.password), database_name(slot));
  }
  std::string client_query(const std::string& slot, const std::string& sql) const override {
    return client(slot) + " -e " + quoted(sql);
  }

 private:
  std::string drop_sql(const std::string& database) const override {
    return "DROP DATABASE IF EXISTS " + database;
  }
};

}  // namespace

std::unique_ptr<Database> sqlite_database(const std::string& directory) {
  return std::make_unique<Sqlite>(directory);
}
std::unique_ptr<Database> postgres_database(const std::string& admin_url) {
  return std::make_unique<Postgres>(admin_url);
}
std::unique_ptr<Database> mariadb_database(const std::string& admin_url) {
  return std::make_unique<Mariadb>(admin_url);
}

}  // namespace bench
