// Migration 20250101000000_sample_quoted_identifiers.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleQuotedIdentifiers>("20250101000000", "sample_quoted_identifiers");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleQuotedIdentifiers : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("we\"ird`ta]ble", [](migcmd::TableBuilder& t) {
      t.column<std::int32_t>("co'l\"um`n]");
      t.column<std::string>("semi;--");
    });
    b.insert("we\"ird`ta]ble", {"co'l\"um`n]", "semi;--"}, {{1, "'); DROP TABLE users; --"}});
  }

  // down() cannot be derived: insert 1 row(s) into we"ird`ta]ble cannot be reversed: inserted rows
  // are not tracked. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
