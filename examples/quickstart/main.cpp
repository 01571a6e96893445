// quickstart: two code migrations, written with the fluent builder, applied to a SQLite file.
//
// The schema version lives in PRAGMA user_version and is bumped inside each migration's
// transaction, so every migration is all-or-nothing and a second run has nothing to do.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "migcmd/migcmd.hpp"
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

struct Step {
  const char* name;
  std::unique_ptr<migcmd::Migration> migration;
};

void print_statement(const std::string& sql) {
  std::string indented;
  for (char ch : sql) indented += ch == '\n' ? std::string("\n    ") : std::string(1, ch);
  std::printf("    %s;\n", indented.c_str());
}

int schema_version(migcmd::Connection& db) {
  return std::stoi(db.query("PRAGMA user_version").rows.at(0).at(0).value_or("0"));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "quickstart.db";
  std::vector<Step> steps;
  steps.push_back({"001_create_users", std::make_unique<CreateUsers>()});
  steps.push_back({"002_create_orders", std::make_unique<CreateOrders>()});

  try {
    auto db = migcmd::sqlite::connect("sqlite:" + path);
    auto dialect = migcmd::sqlite::make_dialect();
    std::printf("database: %s\n", db->redacted_url().c_str());

    // The schema the earlier migrations produced, so that later ones can be rendered (the
    // foreign key above needs the orders table's definition for SQLite's rebuild).
    migcmd::Schema schema;
    int version = schema_version(*db);
    int applied = 0;
    for (int i = 0; i < static_cast<int>(steps.size()); ++i) {
      auto ops = migcmd::up_operations(*steps[i].migration, steps[i].name);
      migcmd::SqlCommands commands = dialect->generate(ops, schema);
      for (const auto& op : ops) migcmd::apply_operation(schema, op);
      if (i < version) continue;

      std::printf("\napplying %s (%zu operation(s)):\n", steps[i].name, ops.size());
      for (const auto& op : ops) std::printf("  - %s\n", migcmd::describe(op).c_str());
      // The version bump commits with the migration: it goes in before the session restores
      // that run after the transaction.
      auto restores = std::find_if(commands.begin(), commands.end(), [](const auto& c) {
        return c.placement == migcmd::Placement::after_transaction;
      });
      commands.insert(restores, {"PRAGMA user_version = " + std::to_string(i + 1)});
      for (const auto& c : commands) print_statement(c.sql);
      migcmd::run_commands(*db, commands);
      ++applied;
    }

    if (applied == 0) {
      std::printf("nothing to apply: schema version %d\n", schema_version(*db));
    } else {
      std::printf("\napplied %d migration(s); schema version %d\n", applied, schema_version(*db));
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
