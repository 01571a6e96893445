// quickstart: two code migrations, written with the fluent builder, applied to a SQLite file by
// the migrator: validated, applied exactly once under the database's lock, recorded in the
// history table. A second run has nothing to do.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "migcmd/migcmd.hpp"
#include "migcmd/migration_registry.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migcmd/providers/sqlite.hpp"

namespace {

struct CreateUsers : migcmd::Migration {
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("users", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("email").max_length(255).not_null();
      t.column<bool>("active").not_null().default_value(true);
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.primary_key({"id"});
      t.unique({"email"}, "uq_users_email");
    });
    b.create_index("ix_users_created_at", "users", {"created_at"});
    b.insert("users", {"email"},
             {{"ada@example.com"}, {"grace@example.com"}, {"o'hara@example.com"}});
  }
  // Inserted rows cannot be derived back: down() is written out.
  void down(migcmd::MigrationBuilder& b) override { b.drop_table("users"); }
};

struct CreateOrders : migcmd::Migration {
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("orders", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("user_id").not_null();
      t.column("total", migcmd::Type::decimal(10, 2)).not_null().default_value(0);
      t.primary_key({"id"});
    });
    // SQLite cannot add a foreign key in place: the dialect rebuilds the table, keeping its rows.
    b.add_foreign_key("fk_orders_user", "orders", {"user_id"}, "users", {"id"}).on_delete_cascade();
  }
};

// Prints what the migrator does, statement by statement.
struct Printer : migcmd::MigrationListener {
  void migration_started(const migcmd::PlannedStep& step) override {
    std::printf("\napplying %s:\n", step.migration->display_name().c_str());
  }
  void statement_done(const migcmd::StatementEvent& e) override {
    std::string indented;
    for (char ch : e.sql) indented += ch == '\n' ? std::string("\n    ") : std::string(1, ch);
    std::printf("    %s;\n", indented.c_str());
  }
  void migration_done(const migcmd::PlannedStep& step, std::chrono::milliseconds took) override {
    std::printf("  done: %s (%lld ms)\n", step.migration->display_name().c_str(),
                static_cast<long long>(took.count()));
  }
};

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "quickstart.db";
  migcmd::MigrationRegistry registry;
  registry.add<CreateUsers>("001", "create_users", {.author = "quickstart"});
  registry.add<CreateOrders>("002", "create_orders", {.author = "quickstart"});

  try {
    auto provider = migcmd::sqlite::make_provider();
    auto db = provider->connect("sqlite:" + path);
    std::printf("database: %s\n", db->redacted_url().c_str());
    Printer printer;
    migcmd::Migrator migrator(*db, *provider, registry.scripts(), {.listener = &printer});
    const auto result = migrator.up();
    if (result.applied.empty()) {
      std::printf("nothing to apply: %zu migration(s) already applied\n", migrator.status().size());
    } else {
      std::printf("\napplied %zu migration(s)\n", result.applied.size());
    }
    for (const auto& row :
         db->query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").rows) {
      const std::string table = row.at(0).value_or("");
      auto count =
          db->query("SELECT count(*) FROM \"" + table + "\"").rows.at(0).at(0).value_or("?");
      std::printf("  %s: %s row(s)\n", table.c_str(), count.c_str());
    }
    return 0;
  } catch (const migcmd::Error& e) {
    std::fprintf(stderr, "quickstart: %s\n", e.what());
    return 1;
  }
}
