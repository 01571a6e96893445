// Migration 20250101000000_triggers.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::Triggers>("20250101000000", "triggers");

#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include <migcmd/migcmd.hpp>

namespace golden {

class Triggers : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    {
      migcmd::Table table = migcmd::define_table("audited", [](migcmd::TableBuilder& t) {
        t.column<std::int64_t>("id").identity();
        t.column<std::string>("email").max_length(255).not_null();
        t.primary_key({"id"}, "pk_users");
        t.unique({"email"}, "uq_users_email");
        t.comment("people who sign in");
      });
      table.triggers.push_back({"trg_audited_insert",
                                R"sql(CREATE TRIGGER trg_audited_insert AFTER INSERT ON audited
BEGIN
  INSERT INTO log VALUES ('insert');
END)sql"});
      table.triggers.push_back({"trg_audited_delete",
                                "CREATE TRIGGER trg_audited_delete AFTER DELETE ON audited BEGIN "
                                "SELECT 1; END"});
      b.append(migcmd::CreateTable{std::move(table)});
    }
  }

  void down(migcmd::MigrationBuilder& b) override {
    {
      migcmd::Table table = migcmd::define_table("audited", [](migcmd::TableBuilder& t) {
        t.column<std::int64_t>("id").identity();
        t.column<std::string>("email").max_length(255).not_null();
        t.primary_key({"id"}, "pk_users");
        t.unique({"email"}, "uq_users_email");
        t.comment("people who sign in");
      });
      table.triggers.push_back({"trg_audited_insert",
                                R"sql(CREATE TRIGGER trg_audited_insert AFTER INSERT ON audited
BEGIN
  INSERT INTO log VALUES ('insert');
END)sql"});
      table.triggers.push_back({"trg_audited_delete",
                                "CREATE TRIGGER trg_audited_delete AFTER DELETE ON audited BEGIN "
                                "SELECT 1; END"});
      b.drop_table(std::move(table));
    }
  }
};

}  // namespace golden
