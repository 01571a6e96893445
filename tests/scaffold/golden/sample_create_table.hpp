// Migration 20250101000000_sample_create_table.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleCreateTable>("20250101000000", "sample_create_table");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleCreateTable : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_table("documents", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("owner_id");
      t.column<std::int64_t>("parent_id");
      t.column<std::string>("title").max_length(200).not_null().comment("shown in lists");
      t.column<std::string>("slug").max_length(200).not_null();
      t.column<std::string>("body");
      t.primary_key({"id"}, "pk_documents");
      t.unique({"slug"}, "uq_documents_slug");
      t.check("ck_documents_title", "title <> ''");
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_documents_owner",
          .columns = {"owner_id"},
          .referenced_table = "users",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::set_null,
      });
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_documents_parent",
          .columns = {"parent_id"},
          .referenced_table = "documents",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
      t.index(migcmd::Index{
          .name = "ix_documents_owner_title",
          .parts = {{.column = "owner_id"}, {.column = "title", .descending = true}},
      });
    });
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_table(migcmd::define_table("documents", [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::int64_t>("owner_id");
      t.column<std::int64_t>("parent_id");
      t.column<std::string>("title").max_length(200).not_null().comment("shown in lists");
      t.column<std::string>("slug").max_length(200).not_null();
      t.column<std::string>("body");
      t.primary_key({"id"}, "pk_documents");
      t.unique({"slug"}, "uq_documents_slug");
      t.check("ck_documents_title", "title <> ''");
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_documents_owner",
          .columns = {"owner_id"},
          .referenced_table = "users",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::set_null,
      });
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_documents_parent",
          .columns = {"parent_id"},
          .referenced_table = "documents",
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
      t.index(migcmd::Index{
          .name = "ix_documents_owner_title",
          .parts = {{.column = "owner_id"}, {.column = "title", .descending = true}},
      });
    }));
  }
};

}  // namespace golden
