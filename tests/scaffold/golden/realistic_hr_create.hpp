// Migration 20250101000000_realistic_hr_create.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::RealisticHrCreate>("20250101000000", "realistic_hr_create");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class RealisticHrCreate : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("departments", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("code").max_length(10).not_null();
      t.column<std::int64_t>("parent_id");
      t.primary_key({"id"}, "pk_departments");
      t.unique({"code"}, "uq_departments_code");
    });
    b.create_table("employees", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("department_id").not_null();
      t.column<std::int64_t>("manager_id");
      t.column<std::string>("email").max_length(255).not_null();
      t.column("salary", migcmd::Type::decimal(12, 2)).not_null();
      t.column("hired_on", migcmd::Type::date()).not_null();
      t.column("left_on", migcmd::Type::date());
      t.primary_key({"id"}, "pk_employees");
      t.unique({"email"}, "uq_employees_email");
      t.check("ck_employees_salary", "salary > 0");
      t.index(migcmd::Index{
          .name = "ix_employees_lower",
          .parts = {{.expression = "lower(email)"}},
      });
      t.index(migcmd::Index{
          .name = "ix_employees_partial",
          .parts = {{.column = "email"}},
          .where = "left_on IS NOT NULL",
      });
    });
    b.create_table("reviews", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("employee_id").not_null();
      t.column<std::int16_t>("year").not_null();
      t.column<std::int16_t>("score").not_null();
      t.column<std::string>("notes");
      t.primary_key({"employee_id", "year"}, "pk_reviews");
      t.check("ck_reviews_score", "score BETWEEN 1 AND 5");
      t.index(migcmd::Index{
          .name = "ix_reviews_year_score",
          .parts = {{.column = "year", .descending = true}, {.column = "score"}},
      });
    });
    b.create_table("hr_record_01", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_01");
      t.check("ck_hr_record_01_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_01_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_02", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_02");
      t.check("ck_hr_record_02_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_02_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_03", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_03");
      t.check("ck_hr_record_03_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_03_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_04", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_04");
      t.check("ck_hr_record_04_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_04_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_05", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_05");
      t.check("ck_hr_record_05_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_05_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_06", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_06");
      t.check("ck_hr_record_06_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_06_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_07", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_07");
      t.check("ck_hr_record_07_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_07_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_08", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_08");
      t.check("ck_hr_record_08_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_08_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_09", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_09");
      t.check("ck_hr_record_09_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_09_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_10", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_10");
      t.check("ck_hr_record_10_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_10_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_11", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_11");
      t.check("ck_hr_record_11_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_11_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_12", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_12");
      t.check("ck_hr_record_12_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_12_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_13", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_13");
      t.check("ck_hr_record_13_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_13_label", .parts = {{.column = "label"}}});
    });
    b.create_table("hr_record_14", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_14");
      t.check("ck_hr_record_14_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_14_label", .parts = {{.column = "label"}}});
    });
    b.add_foreign_key("fk_departments_parent", "departments", {"parent_id"}, "departments", {"id"});
    b.add_foreign_key("fk_employees_department", "employees", {"department_id"}, "departments",
                      {"id"});
    b.add_foreign_key("fk_employees_manager", "employees", {"manager_id"}, "employees", {"id"})
        .on_delete_set_null();
    b.add_foreign_key("fk_reviews_employee", "reviews", {"employee_id"}, "employees", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_01_parent", "hr_record_01", {"parent_id"}, "employees", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_02_parent", "hr_record_02", {"parent_id"}, "departments",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_03_parent", "hr_record_03", {"parent_id"}, "employees", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_04_parent", "hr_record_04", {"parent_id"}, "departments",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_05_parent", "hr_record_05", {"parent_id"}, "employees", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_06_parent", "hr_record_06", {"parent_id"}, "departments",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_07_parent", "hr_record_07", {"parent_id"}, "employees", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_08_parent", "hr_record_08", {"parent_id"}, "departments",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_09_parent", "hr_record_09", {"parent_id"}, "employees", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_10_parent", "hr_record_10", {"parent_id"}, "departments",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_11_parent", "hr_record_11", {"parent_id"}, "employees", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_12_parent", "hr_record_12", {"parent_id"}, "departments",
                      {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_13_parent", "hr_record_13", {"parent_id"}, "employees", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_hr_record_14_parent", "hr_record_14", {"parent_id"}, "departments",
                      {"id"})
        .on_delete_cascade();
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("hr_record_14", migcmd::ForeignKey{
                                           .name = "fk_hr_record_14_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "departments",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_13", migcmd::ForeignKey{
                                           .name = "fk_hr_record_13_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "employees",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_12", migcmd::ForeignKey{
                                           .name = "fk_hr_record_12_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "departments",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_11", migcmd::ForeignKey{
                                           .name = "fk_hr_record_11_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "employees",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_10", migcmd::ForeignKey{
                                           .name = "fk_hr_record_10_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "departments",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_09", migcmd::ForeignKey{
                                           .name = "fk_hr_record_09_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "employees",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_08", migcmd::ForeignKey{
                                           .name = "fk_hr_record_08_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "departments",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_07", migcmd::ForeignKey{
                                           .name = "fk_hr_record_07_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "employees",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_06", migcmd::ForeignKey{
                                           .name = "fk_hr_record_06_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "departments",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_05", migcmd::ForeignKey{
                                           .name = "fk_hr_record_05_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "employees",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_04", migcmd::ForeignKey{
                                           .name = "fk_hr_record_04_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "departments",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_03", migcmd::ForeignKey{
                                           .name = "fk_hr_record_03_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "employees",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_02", migcmd::ForeignKey{
                                           .name = "fk_hr_record_02_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "departments",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("hr_record_01", migcmd::ForeignKey{
                                           .name = "fk_hr_record_01_parent",
                                           .columns = {"parent_id"},
                                           .referenced_table = "employees",
                                           .referenced_columns = {"id"},
                                           .on_delete = migcmd::ReferentialAction::cascade,
                                       });
    b.drop_foreign_key("reviews", migcmd::ForeignKey{
                                      .name = "fk_reviews_employee",
                                      .columns = {"employee_id"},
                                      .referenced_table = "employees",
                                      .referenced_columns = {"id"},
                                      .on_delete = migcmd::ReferentialAction::cascade,
                                  });
    b.drop_foreign_key("employees", migcmd::ForeignKey{
                                        .name = "fk_employees_manager",
                                        .columns = {"manager_id"},
                                        .referenced_table = "employees",
                                        .referenced_columns = {"id"},
                                        .on_delete = migcmd::ReferentialAction::set_null,
                                    });
    b.drop_foreign_key("employees", migcmd::ForeignKey{
                                        .name = "fk_employees_department",
                                        .columns = {"department_id"},
                                        .referenced_table = "departments",
                                        .referenced_columns = {"id"},
                                    });
    b.drop_foreign_key("departments", migcmd::ForeignKey{
                                          .name = "fk_departments_parent",
                                          .columns = {"parent_id"},
                                          .referenced_table = "departments",
                                          .referenced_columns = {"id"},
                                      });
    b.drop_table(migcmd::define_table("hr_record_14", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_14");
      t.check("ck_hr_record_14_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_14_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_13", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_13");
      t.check("ck_hr_record_13_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_13_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_12", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_12");
      t.check("ck_hr_record_12_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_12_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_11", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_11");
      t.check("ck_hr_record_11_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_11_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_10", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_10");
      t.check("ck_hr_record_10_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_10_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_09", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_09");
      t.check("ck_hr_record_09_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_09_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_08", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_08");
      t.check("ck_hr_record_08_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_08_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_07", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_07");
      t.check("ck_hr_record_07_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_07_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_06", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_06");
      t.check("ck_hr_record_06_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_06_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_05", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_05");
      t.check("ck_hr_record_05_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_05_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_04", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_04");
      t.check("ck_hr_record_04_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_04_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_03", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_03");
      t.check("ck_hr_record_03_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_03_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_02", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_02");
      t.check("ck_hr_record_02_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_02_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("hr_record_01", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("parent_id").not_null();
      t.column<bool>("flag").not_null().default_value(true);
      t.column<std::int16_t>("small");
      t.column<std::int32_t>("medium");
      t.column("amount", migcmd::Type::decimal(12, 2)).not_null().default_value(0);
      t.column<float>("ratio");
      t.column<double>("precise");
      t.column<std::string>("label").max_length(120).not_null().default_value("n/a");
      t.column<std::string>("notes");
      t.column<migcmd::Bytes>("payload");
      t.column("born_on", migcmd::Type::date());
      t.column("wakes_at", migcmd::Type::time());
      t.column("seen_at", migcmd::Type::datetime());
      t.column("created_at", migcmd::Type::timestamp_tz())
          .not_null()
          .default_sql("CURRENT_TIMESTAMP");
      t.column("external_id", migcmd::Type::uuid());
      t.column("document", migcmd::Type::json());
      t.primary_key({"id"}, "pk_hr_record_01");
      t.check("ck_hr_record_01_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_hr_record_01_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("reviews", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("employee_id").not_null();
      t.column<std::int16_t>("year").not_null();
      t.column<std::int16_t>("score").not_null();
      t.column<std::string>("notes");
      t.primary_key({"employee_id", "year"}, "pk_reviews");
      t.check("ck_reviews_score", "score BETWEEN 1 AND 5");
      t.index(migcmd::Index{
          .name = "ix_reviews_year_score",
          .parts = {{.column = "year", .descending = true}, {.column = "score"}},
      });
    }));
    b.drop_table(migcmd::define_table("employees", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("department_id").not_null();
      t.column<std::int64_t>("manager_id");
      t.column<std::string>("email").max_length(255).not_null();
      t.column("salary", migcmd::Type::decimal(12, 2)).not_null();
      t.column("hired_on", migcmd::Type::date()).not_null();
      t.column("left_on", migcmd::Type::date());
      t.primary_key({"id"}, "pk_employees");
      t.unique({"email"}, "uq_employees_email");
      t.check("ck_employees_salary", "salary > 0");
      t.index(migcmd::Index{
          .name = "ix_employees_lower",
          .parts = {{.expression = "lower(email)"}},
      });
      t.index(migcmd::Index{
          .name = "ix_employees_partial",
          .parts = {{.column = "email"}},
          .where = "left_on IS NOT NULL",
      });
    }));
    b.drop_table(migcmd::define_table("departments", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("code").max_length(10).not_null();
      t.column<std::int64_t>("parent_id");
      t.primary_key({"id"}, "pk_departments");
      t.unique({"code"}, "uq_departments_code");
    }));
  }
};

}  // namespace golden
