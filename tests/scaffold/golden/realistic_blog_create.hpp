// Migration 20250101000000_realistic_blog_create.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::RealisticBlogCreate>("20250101000000", "realistic_blog_create");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class RealisticBlogCreate : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("authors", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("handle").max_length(50).not_null();
      t.column<std::string>("bio");
      t.primary_key({"id"}, "pk_authors");
      t.unique({"handle"}, "uq_authors_handle");
      t.index(migcmd::Index{
          .name = "ix_authors_lower",
          .parts = {{.expression = "lower(handle)"}},
      });
      t.index(migcmd::Index{
          .name = "ix_authors_partial",
          .parts = {{.column = "handle"}},
          .where = "bio IS NOT NULL",
      });
    });
    b.create_table("posts", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("author_id").not_null();
      t.column<std::string>("slug").max_length(200).not_null();
      t.column<std::string>("title").max_length(200).not_null();
      t.column<std::string>("body");
      t.column<bool>("published").not_null().default_value(false);
      t.primary_key({"id"}, "pk_posts");
      t.unique({"author_id", "slug"}, "uq_posts_author_slug");
    });
    b.create_table("comments", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("post_id").not_null();
      t.column<std::int64_t>("reply_to");
      t.column<std::string>("text").not_null();
      t.primary_key({"id"}, "pk_comments");
    });
    b.create_table("tags", [](migcmd::TableBuilder& t) {
      t.column<std::string>("name").max_length(40).not_null();
      t.primary_key({"name"}, "pk_tags");
    });
    b.create_table("post_tags", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("post_id").not_null();
      t.column<std::string>("tag").max_length(40).not_null();
      t.primary_key({"post_id", "tag"}, "pk_post_tags");
    });
    b.create_table("blog_extra_01", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_01");
      t.check("ck_blog_extra_01_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_01_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_02", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_02");
      t.check("ck_blog_extra_02_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_02_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_03", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_03");
      t.check("ck_blog_extra_03_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_03_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_04", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_04");
      t.check("ck_blog_extra_04_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_04_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_05", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_05");
      t.check("ck_blog_extra_05_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_05_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_06", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_06");
      t.check("ck_blog_extra_06_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_06_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_07", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_07");
      t.check("ck_blog_extra_07_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_07_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_08", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_08");
      t.check("ck_blog_extra_08_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_08_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_09", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_09");
      t.check("ck_blog_extra_09_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_09_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_10", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_10");
      t.check("ck_blog_extra_10_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_10_label", .parts = {{.column = "label"}}});
    });
    b.create_table("blog_extra_11", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_11");
      t.check("ck_blog_extra_11_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_11_label", .parts = {{.column = "label"}}});
    });
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
      t.index(migcmd::Index{.name = "ix_blog_extra_12_label", .parts = {{.column = "label"}}});
    });
    b.add_foreign_key("fk_posts_author", "posts", {"author_id"}, "authors", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_comments_post", "comments", {"post_id"}, "posts", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_comments_reply", "comments", {"reply_to"}, "comments", {"id"})
        .on_delete_set_null();
    b.add_foreign_key("fk_post_tags_post", "post_tags", {"post_id"}, "posts", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_post_tags_tag", "post_tags", {"tag"}, "tags", {"name"});
    b.add_foreign_key("fk_blog_extra_01_parent", "blog_extra_01", {"parent_id"}, "posts", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_02_parent", "blog_extra_02", {"parent_id"}, "authors", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_03_parent", "blog_extra_03", {"parent_id"}, "posts", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_04_parent", "blog_extra_04", {"parent_id"}, "authors", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_05_parent", "blog_extra_05", {"parent_id"}, "posts", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_06_parent", "blog_extra_06", {"parent_id"}, "authors", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_07_parent", "blog_extra_07", {"parent_id"}, "posts", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_08_parent", "blog_extra_08", {"parent_id"}, "authors", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_09_parent", "blog_extra_09", {"parent_id"}, "posts", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_10_parent", "blog_extra_10", {"parent_id"}, "authors", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_11_parent", "blog_extra_11", {"parent_id"}, "posts", {"id"})
        .on_delete_cascade();
    b.add_foreign_key("fk_blog_extra_12_parent", "blog_extra_12", {"parent_id"}, "authors", {"id"})
        .on_delete_cascade();
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_foreign_key("blog_extra_12", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_12_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "authors",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_11", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_11_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "posts",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_10", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_10_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "authors",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_09", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_09_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "posts",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_08", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_08_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "authors",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_07", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_07_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "posts",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_06", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_06_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "authors",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_05", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_05_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "posts",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_04", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_04_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "authors",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_03", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_03_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "posts",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_02", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_02_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "authors",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("blog_extra_01", migcmd::ForeignKey{
                                            .name = "fk_blog_extra_01_parent",
                                            .columns = {"parent_id"},
                                            .referenced_table = "posts",
                                            .referenced_columns = {"id"},
                                            .on_delete = migcmd::ReferentialAction::cascade,
                                        });
    b.drop_foreign_key("post_tags", migcmd::ForeignKey{
                                        .name = "fk_post_tags_tag",
                                        .columns = {"tag"},
                                        .referenced_table = "tags",
                                        .referenced_columns = {"name"},
                                    });
    b.drop_foreign_key("post_tags", migcmd::ForeignKey{
                                        .name = "fk_post_tags_post",
                                        .columns = {"post_id"},
                                        .referenced_table = "posts",
                                        .referenced_columns = {"id"},
                                        .on_delete = migcmd::ReferentialAction::cascade,
                                    });
    b.drop_foreign_key("comments", migcmd::ForeignKey{
                                       .name = "fk_comments_reply",
                                       .columns = {"reply_to"},
                                       .referenced_table = "comments",
                                       .referenced_columns = {"id"},
                                       .on_delete = migcmd::ReferentialAction::set_null,
                                   });
    b.drop_foreign_key("comments", migcmd::ForeignKey{
                                       .name = "fk_comments_post",
                                       .columns = {"post_id"},
                                       .referenced_table = "posts",
                                       .referenced_columns = {"id"},
                                       .on_delete = migcmd::ReferentialAction::cascade,
                                   });
    b.drop_foreign_key("posts", migcmd::ForeignKey{
                                    .name = "fk_posts_author",
                                    .columns = {"author_id"},
                                    .referenced_table = "authors",
                                    .referenced_columns = {"id"},
                                    .on_delete = migcmd::ReferentialAction::cascade,
                                });
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
      t.index(migcmd::Index{.name = "ix_blog_extra_12_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_11", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_11");
      t.check("ck_blog_extra_11_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_11_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_10", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_10");
      t.check("ck_blog_extra_10_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_10_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_09", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_09");
      t.check("ck_blog_extra_09_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_09_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_08", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_08");
      t.check("ck_blog_extra_08_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_08_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_07", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_07");
      t.check("ck_blog_extra_07_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_07_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_06", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_06");
      t.check("ck_blog_extra_06_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_06_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_05", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_05");
      t.check("ck_blog_extra_05_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_05_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_04", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_04");
      t.check("ck_blog_extra_04_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_04_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_03", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_03");
      t.check("ck_blog_extra_03_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_03_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_02", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_02");
      t.check("ck_blog_extra_02_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_02_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("blog_extra_01", [](migcmd::TableBuilder& t) {
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
      t.primary_key({"id"}, "pk_blog_extra_01");
      t.check("ck_blog_extra_01_amount", "amount >= 0");
      t.index(migcmd::Index{.name = "ix_blog_extra_01_label", .parts = {{.column = "label"}}});
    }));
    b.drop_table(migcmd::define_table("post_tags", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("post_id").not_null();
      t.column<std::string>("tag").max_length(40).not_null();
      t.primary_key({"post_id", "tag"}, "pk_post_tags");
    }));
    b.drop_table(migcmd::define_table("tags", [](migcmd::TableBuilder& t) {
      t.column<std::string>("name").max_length(40).not_null();
      t.primary_key({"name"}, "pk_tags");
    }));
    b.drop_table(migcmd::define_table("comments", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("post_id").not_null();
      t.column<std::int64_t>("reply_to");
      t.column<std::string>("text").not_null();
      t.primary_key({"id"}, "pk_comments");
    }));
    b.drop_table(migcmd::define_table("posts", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("author_id").not_null();
      t.column<std::string>("slug").max_length(200).not_null();
      t.column<std::string>("title").max_length(200).not_null();
      t.column<std::string>("body");
      t.column<bool>("published").not_null().default_value(false);
      t.primary_key({"id"}, "pk_posts");
      t.unique({"author_id", "slug"}, "uq_posts_author_slug");
    }));
    b.drop_table(migcmd::define_table("authors", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("handle").max_length(50).not_null();
      t.column<std::string>("bio");
      t.primary_key({"id"}, "pk_authors");
      t.unique({"handle"}, "uq_authors_handle");
      t.index(migcmd::Index{
          .name = "ix_authors_lower",
          .parts = {{.expression = "lower(handle)"}},
      });
      t.index(migcmd::Index{
          .name = "ix_authors_partial",
          .parts = {{.column = "handle"}},
          .where = "bio IS NOT NULL",
      });
    }));
  }
};

}  // namespace golden
