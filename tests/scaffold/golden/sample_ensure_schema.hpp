// Migration 20250101000000_sample_ensure_schema.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleEnsureSchema>("20250101000000", "sample_ensure_schema");

#pragma once

#include <cstdint>

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleEnsureSchema : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.ensure_schema("audit");
    b.create_table({"audit", "events"}, [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").not_null();
      t.primary_key({"id"});
    });
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_table(migcmd::define_table({"audit", "events"}, [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").not_null();
      t.primary_key({"id"});
    }));
  }
};

}  // namespace golden
