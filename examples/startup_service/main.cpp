// startup_service: a service that migrates its own database when it starts, then does its work.
// Any number of replicas may start at once: migrate_on_startup takes the database's migration
// lock (a PostgreSQL advisory lock), so exactly one of them applies what is pending while the
// others wait for it and then find nothing to do. The migrations are C++ classes compiled into
// the service, so the binary and the schema it expects always ship together.
//
//   startup_service [URL]     URL defaults to $DATABASE_URL, e.g. postgres://app:pw@db/app,
//                             or sqlite:service.db for an embedded file (tools/dev/demo.sh)

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "migcmd/migcmd.hpp"
#include "migcmd/migration_registry.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migcmd/providers/postgres.hpp"
#ifdef STARTUP_SERVICE_WITH_SQLITE
#include "migcmd/providers/sqlite.hpp"
#endif

namespace {

struct CreateInstances : migcmd::Migration {
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("service_instances", [](migcmd::TableBuilder& t) {
      t.column<std::string>("name").max_length(100).not_null();
      t.column("first_seen", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.primary_key({"name"});
    });
  }
};

struct CreateHeartbeats : migcmd::Migration {
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("heartbeats", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("instance").max_length(100).not_null();
      t.column("beat_at", migcmd::Type::timestamp_tz()).not_null().default_sql("CURRENT_TIMESTAMP");
      t.primary_key({"id"});
    });
    b.add_foreign_key("fk_heartbeats_instance", "heartbeats", {"instance"}, "service_instances",
                      {"name"});
  }
};

// Added in a later release: the next start of any replica applies it, the others skip it.
struct IndexHeartbeatsByTime : migcmd::Migration {
  void up(migcmd::MigrationBuilder& b) override {
    b.create_index("ix_heartbeats_beat_at", "heartbeats", {"beat_at"});
  }
};

// Every migration the service knows, oldest first. A new release appends; it never edits one
// that has shipped (the migrator would refuse to start: its checksum is in the history table).
migcmd::MigrationRegistry migrations() {
  migcmd::MigrationRegistry registry;
  registry.add<CreateInstances>("20250201090000", "create_service_instances");
  registry.add<CreateHeartbeats>("20250201090100", "create_heartbeats");
  registry.add<IndexHeartbeatsByTime>("20250315110000", "index_heartbeats_by_time");
  return registry;
}

// PostgreSQL in production; an embedded SQLite file to try the service on one machine.
std::shared_ptr<const migcmd::Provider> provider_for(const std::string& url) {
#ifdef STARTUP_SERVICE_WITH_SQLITE
  if (url.rfind("sqlite:", 0) == 0) return migcmd::sqlite::make_provider();
#endif
  return migcmd::postgres::make_provider();
}

}  // namespace

int main(int argc, char** argv) {
  const char* env_url = std::getenv("DATABASE_URL");
  const std::string url = argc > 1 ? argv[1] : env_url ? env_url : "";
  if (url.empty()) {
    std::fprintf(stderr, "usage: startup_service URL (or set DATABASE_URL)\n");
    return 2;
  }
  const std::string instance = "replica-" + std::to_string(getpid());

  try {
    // 1. Migrate before serving anything. Under the lock; a replica that finds nothing pending
    //    pays about one query. A failure stops the service: it must not run on a schema it does
    //    not know.
    const auto provider = provider_for(url);
    const auto result = migcmd::migrate_on_startup(*provider, url, migrations().scripts(),
                                                   {.applied_by = instance});

    // 2. The service's own work, on its own connection: register and send one heartbeat.
    auto db = provider->connect(url);
    db->begin();
    db->execute("INSERT INTO service_instances (name) VALUES (:p0)", {migcmd::Value{instance}});
    db->execute("INSERT INTO heartbeats (instance) VALUES (:p0)", {migcmd::Value{instance}});
    db->commit();

    std::printf("%s: applied %zu migration(s), heartbeat sent\n", instance.c_str(),
                result.applied.size());
    return 0;
  } catch (const migcmd::Error& e) {
    std::fprintf(stderr, "%s: cannot start: %s\n", instance.c_str(), e.what());
    return 1;
  }
}
