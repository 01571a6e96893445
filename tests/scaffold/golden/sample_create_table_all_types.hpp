// Migration 20250101000000_sample_create_table_all_types.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleCreateTableAllTypes>("20250101000000",
//       "sample_create_table_all_types");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleCreateTableAllTypes : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("all_types", [](migcmd::TableBuilder& t) {
      t.column<bool>("c_bool").not_null().default_value(false);
      t.column<std::int16_t>("c_int16");
      t.column<std::int32_t>("c_int32");
      t.column<std::int64_t>("c_int64").identity();
      t.column("c_decimal", migcmd::Type::decimal(18, 4));
      t.column<float>("c_float32");
      t.column<double>("c_float64").default_value(1.5);
      t.column<std::string>("c_string").max_length(100).default_value("it's");
      t.column<std::string>("c_text");
      t.column<migcmd::Bytes>("c_binary");
      t.column<migcmd::Bytes>("c_binary16").max_length(16);
      t.column("c_date", migcmd::Type::date());
      t.column("c_time", migcmd::Type::time());
      t.column("c_datetime", migcmd::Type::datetime());
      t.column("c_timestamptz", migcmd::Type::timestamp_tz());
      t.column("c_uuid", migcmd::Type::uuid());
      t.column("c_json", migcmd::Type::json());
      t.column("c_raw", migcmd::Type::raw("VARCHAR(7)"));
      t.primary_key({"c_int64"});
      t.comment("one column of each portable type");
    });
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_table(migcmd::define_table("all_types", [](migcmd::TableBuilder& t) {
      t.column<bool>("c_bool").not_null().default_value(false);
      t.column<std::int16_t>("c_int16");
      t.column<std::int32_t>("c_int32");
      t.column<std::int64_t>("c_int64").identity();
      t.column("c_decimal", migcmd::Type::decimal(18, 4));
      t.column<float>("c_float32");
      t.column<double>("c_float64").default_value(1.5);
      t.column<std::string>("c_string").max_length(100).default_value("it's");
      t.column<std::string>("c_text");
      t.column<migcmd::Bytes>("c_binary");
      t.column<migcmd::Bytes>("c_binary16").max_length(16);
      t.column("c_date", migcmd::Type::date());
      t.column("c_time", migcmd::Type::time());
      t.column("c_datetime", migcmd::Type::datetime());
      t.column("c_timestamptz", migcmd::Type::timestamp_tz());
      t.column("c_uuid", migcmd::Type::uuid());
      t.column("c_json", migcmd::Type::json());
      t.column("c_raw", migcmd::Type::raw("VARCHAR(7)"));
      t.primary_key({"c_int64"});
      t.comment("one column of each portable type");
    }));
  }
};

}  // namespace golden
