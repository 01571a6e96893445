// Migration 20250101000000_odd_types.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::OddTypes>("20250101000000", "odd_types");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class OddTypes : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("odd", [](migcmd::TableBuilder& t) {
      t.column("money", migcmd::Type{.kind = migcmd::TypeKind::decimal, .precision = 10})
          .not_null();
      t.column("loose", migcmd::Type{.kind = migcmd::TypeKind::string});
      t.column("bits",
               migcmd::Type{.kind = migcmd::TypeKind::custom, .length = 3, .store_type = "bit"});
      t.column<std::int64_t>("serial").store_type("bigserial").not_null();
      t.column<std::string>("ci").store_type("citext");
      t.column<std::string>("code").max_length(3).store_type("char(3)");
      t.column<migcmd::Bytes>("hash").max_length(32).not_null();
      t.column<migcmd::Bytes>("blob");
      t.column("doc", migcmd::Type::json().with_store_type("jsonb"));
      t.column("uid", migcmd::Type::uuid());
      t.column("day", migcmd::Type::date());
      t.column("clock", migcmd::Type::time());
      t.column("stamp", migcmd::Type::datetime());
      t.column("stamp_tz", migcmd::Type::timestamp_tz());
      t.column<std::int16_t>("small");
      t.column<float>("real");
      t.column<double>("double");
      t.column<bool>("flag");
      t.column("geo", migcmd::Type::raw("geometry(Point,4326)"));
      t.column("price", migcmd::Type::decimal(12, 4)).not_null();
      t.column<std::int32_t>("seq").identity().nullable();
      t.column<std::string>("maybe").default_value(nullptr);
      t.column<std::string>("described")
          .max_length(30)
          .not_null()
          .default_value("-")
          .collation("C")
          .comment("a \"quoted\" comment");
      t.primary_key({"serial"});
      t.unique({"code"});
      t.unique({"hash"}, "uq_odd_hash");
      t.check("", "money > 0");
      t.foreign_key(migcmd::ForeignKey{
          .columns = {"serial"},
          .referenced_table = "other",
          .on_delete = migcmd::ReferentialAction::set_default,
          .on_update = migcmd::ReferentialAction::restrict,
      });
    });
    b.add_column("odd", "extra", migcmd::Type{.kind = migcmd::TypeKind::decimal, .precision = 10})
        .not_null();
    b.add_column("odd", "extra2", migcmd::Type::string(5).with_store_type("varchar(5)"));
    b.alter_column("odd", "loose").type(migcmd::Type{.kind = migcmd::TypeKind::string});
  }

  // down() cannot be derived: alter_column odd.loose cannot be reversed: its definition is unknown.
  // Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
