// Migration 20250101000000_realistic_blog_evolve.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::RealisticBlogEvolve>("20250101000000", "realistic_blog_evolve");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class RealisticBlogEvolve : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.rename_column("posts", "author_id", "renamed_author_id");
    b.drop_foreign_key("comments", migcmd::ForeignKey{
                                       .name = "fk_comments_reply",
                                       .columns = {"reply_to"},
                                       .referenced_table = "comments",
                                       .referenced_columns = {"id"},
                                       .on_delete = migcmd::ReferentialAction::set_null,
                                   });
    b.drop_column("comments", migcmd::Column{.name = "reply_to", .type = migcmd::Type::int64()});
    b.drop_table(migcmd::define_table("blog_extra_12", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_12");
      t.check("ck_blog_extra_12_amount", "amount >= 0");
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_blog_extra_12_parent",
          .columns = {"parent_id"},
          .referenced_table = "authors",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
      t.index(migcmd::Index{.name = "ix_blog_extra_12_label", .parts = {{.column = "label"}}});
    }));
    b.create_table("audit_log", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("subject_id").not_null();
      t.column("at", migcmd::Type::timestamp_tz()).not_null().default_sql("CURRENT_TIMESTAMP");
      t.column<std::string>("what").not_null();
      t.primary_key({"id"}, "pk_audit_log");
    });
    b.add_column("authors", "archived_at", migcmd::Type::datetime());
    b.add_column("authors", "rank", migcmd::Type::int32()).not_null().default_value(0);
    b.set_table_comment("authors", "evolved", "");
    b.alter_column("posts", "slug")
        .type(migcmd::Type::string(250))
        .from(migcmd::Column{.name = "slug", .type = migcmd::Type::string(200), .nullable = false});
    b.alter_column("posts", "title")
        .type(migcmd::Type::string(250))
        .from(migcmd::Column{
            .name = "title",
            .type = migcmd::Type::string(200),
            .nullable = false,
        });
    b.alter_column("posts", "published")
        .nullable()
        .from(migcmd::Column{
            .name = "published",
            .type = migcmd::Type::boolean(),
            .nullable = false,
            .default_value = migcmd::Value{false},
        });
    b.create_index("ix_comments_new", "comments", {"id"}).unique();
    b.add_foreign_key("fk_audit_log_subject", "audit_log", {"subject_id"}, "authors", {"id"})
        .on_delete_cascade();
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("audit_log", migcmd::ForeignKey{
                                        .name = "fk_audit_log_subject",
                                        .columns = {"subject_id"},
                                        .referenced_table = "authors",
                                        .referenced_columns = {"id"},
                                        .on_delete = migcmd::ReferentialAction::cascade,
                                    });
    b.drop_index("comments", migcmd::Index{
                                 .name = "ix_comments_new",
                                 .parts = {{.column = "id"}},
                                 .unique = true,
                             });
    b.alter_column("posts", "published")
        .not_null()
        .from(migcmd::Column{
            .name = "published",
            .type = migcmd::Type::boolean(),
            .default_value = migcmd::Value{false},
        });
    b.alter_column("posts", "title")
        .type(migcmd::Type::string(200))
        .from(migcmd::Column{
            .name = "title",
            .type = migcmd::Type::string(250),
            .nullable = false,
        });
    b.alter_column("posts", "slug")
        .type(migcmd::Type::string(200))
        .from(migcmd::Column{.name = "slug", .type = migcmd::Type::string(250), .nullable = false});
    b.set_table_comment("authors", "", "evolved");
    b.drop_column("authors", migcmd::Column{
                                 .name = "rank",
                                 .type = migcmd::Type::int32(),
                                 .nullable = false,
                                 .default_value = migcmd::Value{0},
                             });
    b.drop_column("authors",
                  migcmd::Column{.name = "archived_at", .type = migcmd::Type::datetime()});
    b.drop_table(migcmd::define_table("audit_log", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("subject_id").not_null();
      t.column("at", migcmd::Type::timestamp_tz()).not_null().default_sql("CURRENT_TIMESTAMP");
      t.column<std::string>("what").not_null();
      t.primary_key({"id"}, "pk_audit_log");
    }));
    b.create_table("blog_extra_12", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_12");
      t.check("ck_blog_extra_12_amount", "amount >= 0");
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_blog_extra_12_parent",
          .columns = {"parent_id"},
          .referenced_table = "authors",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
      t.index(migcmd::Index{.name = "ix_blog_extra_12_label", .parts = {{.column = "label"}}});
    });
    b.add_column("comments", "reply_to", migcmd::Type::int64());
    b.add_foreign_key("fk_comments_reply", "comments", {"reply_to"}, "comments", {"id"})
        .on_delete_set_null();
    b.rename_column("posts", "renamed_author_id", "author_id");
  }
};

}  // namespace golden
