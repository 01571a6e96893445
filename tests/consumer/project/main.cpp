// Renders one migration with every provider the installed package has.
#include <cstdio>

#include "migcmd/migcmd.hpp"
#ifdef CONSUMER_HAS_SQLITE
#include "migcmd/providers/sqlite.hpp"
#endif
#ifdef CONSUMER_HAS_POSTGRES
#include "migcmd/providers/postgres.hpp"
#endif
#ifdef CONSUMER_HAS_MYSQL
#include "migcmd/providers/mysql.hpp"
#endif
#ifdef CONSUMER_HAS_SQLSERVER
#include "migcmd/providers/sqlserver.hpp"
#endif

int main() {
  migcmd::MigrationBuilder b("001_notes");
  b.create_table("notes", [](migcmd::TableBuilder& t) {
    t.column<std::int64_t>("id").identity();
    t.column<std::string>("body").not_null();
    t.primary_key({"id"});
  });
  auto ops = b.build();
  auto print = [&](const migcmd::Dialect& d) {
    for (const auto& c : d.generate(ops))
      std::printf("%s: %s;\n", std::string(d.name()).c_str(), c.sql.c_str());
  };
#ifdef CONSUMER_HAS_SQLITE
  print(*migcmd::sqlite::make_dialect());
  auto db = migcmd::sqlite::connect("sqlite::memory:");  // links the SOCI backend too
  migcmd::run_commands(*db, migcmd::sqlite::make_dialect()->generate(ops));
#endif
#ifdef CONSUMER_HAS_POSTGRES
  print(*migcmd::postgres::make_dialect());
#endif
#ifdef CONSUMER_HAS_MYSQL
  print(*migcmd::mysql::make_dialect());
#endif
#ifdef CONSUMER_HAS_SQLSERVER
  print(*migcmd::sqlserver::make_dialect());
#endif
  return 0;
}
