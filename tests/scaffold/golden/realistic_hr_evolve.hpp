// Migration 20250101000000_realistic_hr_evolve.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::RealisticHrEvolve>("20250101000000", "realistic_hr_evolve");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class RealisticHrEvolve : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.rename_column("employees", "department_id", "renamed_department_id");
    b.append(migcmd::DropCheck{
        .table = "reviews",
        .name = "ck_reviews_score",
        .definition = migcmd::CheckConstraint{
            .name = "ck_reviews_score",
            .expression = "score BETWEEN 1 AND 5",
        },
    });
    b.drop_index("reviews",
                 migcmd::Index{
                     .name = "ix_reviews_year_score",
                     .parts = {{.column = "year", .descending = true}, {.column = "score"}},
                 });
    b.drop_column("reviews", migcmd::Column{
                                 .name = "score",
                                 .type = migcmd::Type::int16(),
                                 .nullable = false,
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
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_hr_record_14_parent",
          .columns = {"parent_id"},
          .referenced_table = "departments",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
      t.index(migcmd::Index{.name = "ix_hr_record_14_label", .parts = {{.column = "label"}}});
    }));
    b.create_table("audit_log", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("subject_id").not_null();
      t.column("at", migcmd::Type::timestamp_tz()).not_null().default_sql("CURRENT_TIMESTAMP");
      t.column<std::string>("what").not_null();
      t.primary_key({"id"}, "pk_audit_log");
    });
    b.add_column("departments", "archived_at", migcmd::Type::datetime());
    b.add_column("departments", "rank", migcmd::Type::int32()).not_null().default_value(0);
    b.set_table_comment("departments", "evolved", "");
    b.alter_column("employees", "email")
        .type(migcmd::Type::string(305))
        .from(migcmd::Column{
            .name = "email",
            .type = migcmd::Type::string(255),
            .nullable = false,
        });
    b.alter_column("employees", "left_on")
        .not_null()
        .from(migcmd::Column{.name = "left_on", .type = migcmd::Type::date()});
    b.create_index("ix_reviews_new", "reviews", {"employee_id"}).unique();
    b.add_foreign_key("fk_audit_log_subject", "audit_log", {"subject_id"}, "departments", {"id"})
        .on_delete_cascade();
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("audit_log", migcmd::ForeignKey{
                                        .name = "fk_audit_log_subject",
                                        .columns = {"subject_id"},
                                        .referenced_table = "departments",
                                        .referenced_columns = {"id"},
                                        .on_delete = migcmd::ReferentialAction::cascade,
                                    });
    b.drop_index("reviews", migcmd::Index{
                                .name = "ix_reviews_new",
                                .parts = {{.column = "employee_id"}},
                                .unique = true,
                            });
    b.alter_column("employees", "left_on")
        .nullable()
        .from(migcmd::Column{.name = "left_on", .type = migcmd::Type::date(), .nullable = false});
    b.alter_column("employees", "email")
        .type(migcmd::Type::string(255))
        .from(migcmd::Column{
            .name = "email",
            .type = migcmd::Type::string(305),
            .nullable = false,
        });
    b.set_table_comment("departments", "", "evolved");
    b.drop_column("departments", migcmd::Column{
                                     .name = "rank",
                                     .type = migcmd::Type::int32(),
                                     .nullable = false,
                                     .default_value = migcmd::Value{0},
                                 });
    b.drop_column("departments",
                  migcmd::Column{.name = "archived_at", .type = migcmd::Type::datetime()});
    b.drop_table(migcmd::define_table("audit_log", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("subject_id").not_null();
      t.column("at", migcmd::Type::timestamp_tz()).not_null().default_sql("CURRENT_TIMESTAMP");
      t.column<std::string>("what").not_null();
      t.primary_key({"id"}, "pk_audit_log");
    }));
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
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_hr_record_14_parent",
          .columns = {"parent_id"},
          .referenced_table = "departments",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
      t.index(migcmd::Index{.name = "ix_hr_record_14_label", .parts = {{.column = "label"}}});
    });
    b.add_column("reviews", "score", migcmd::Type::int16()).not_null();
    b.create_index("ix_reviews_year_score", "reviews", {"year", "score"}).descending("year");
    b.add_check("ck_reviews_score", "reviews", "score BETWEEN 1 AND 5");
    b.rename_column("employees", "renamed_department_id", "department_id");
  }
};

}  // namespace golden
