// Migration 20250101000000_qualified_names.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::QualifiedNames>("20250101000000", "qualified_names");

#pragma once

#include <cstdint>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class QualifiedNames : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.ensure_schema("audit");
    b.create_table({"audit", "events"}, [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("email").max_length(255).not_null();
      t.primary_key({"id"}, "pk_users");
      t.unique({"email"}, "uq_users_email");
      t.foreign_key(migcmd::ForeignKey{
          .name = "fk_events_user",
          .columns = {"id"},
          .referenced_table = {"audit", "users"},
          .referenced_columns = {"id"},
          .on_delete = migcmd::ReferentialAction::cascade,
      });
      t.index(migcmd::Index{
          .name = "ix_events_email",
          .parts = {{.column = "email", .descending = true}},
      });
      t.comment("people who sign in");
    });
    b.add_column({"audit", "events"}, "note", migcmd::Type::text());
    b.rename_column({"audit", "events"}, "note", "remark");
    b.alter_column({"audit", "events"}, "remark").type(migcmd::Type::string(10)).not_null();
    b.create_index("ix_events_email", {"audit", "events"}, {"email"});
    b.create_index({"audit", "events"},
                   migcmd::Index{.name = "ix_expr", .parts = {{.expression = "lower(email)"}}});
    b.rename_index({"audit", "events"}, "ix_events_email", "ix_events_mail");
    b.drop_index("ix_events_mail", {"audit", "events"});
    b.drop_index({"audit", "events"},
                 migcmd::Index{.name = "ix_expr", .parts = {{.expression = "lower(email)"}}});
    b.add_primary_key("pk_events", {"audit", "events"}, {"id"});
    b.drop_primary_key("pk_events", {"audit", "events"});
    b.append(migcmd::DropPrimaryKey{
        .table = {"audit", "events"},
        .name = "pk_events",
        .definition = migcmd::PrimaryKey{.name = "pk_events", .columns = {"id"}},
    });
    b.add_unique("uq_events", {"audit", "events"}, {"email"});
    b.drop_unique("uq_events", {"audit", "events"});
    b.append(migcmd::DropUnique{
        .table = {"audit", "events"},
        .name = "uq_events",
        .definition = migcmd::UniqueConstraint{.name = "uq_events", .columns = {"email"}},
    });
    b.add_check("ck_events", {"audit", "events"}, "id > 0");
    b.drop_check("ck_events", {"audit", "events"});
    b.append(migcmd::DropCheck{
        .table = {"audit", "events"},
        .name = "ck_events",
        .definition = migcmd::CheckConstraint{.name = "ck_events", .expression = "id > 0"},
    });
    b.add_foreign_key("fk_events_user", {"audit", "events"}, {"id"}, {"audit", "users"}, {"id"});
    b.drop_foreign_key("fk_events_user", {"audit", "events"});
    b.drop_foreign_key({"audit", "events"}, migcmd::ForeignKey{
                                                .name = "fk_events_user",
                                                .columns = {"id"},
                                                .referenced_table = {"audit", "users"},
                                                .referenced_columns = {"id"},
                                            });
    b.insert({"audit", "events"}, {"id", "email"}, {{1, "a@b"}});
    b.update({"audit", "events"}, {{"email", "c@d"}}, {{"id", 1}});
    b.delete_rows({"audit", "events"}, {});
    b.set_table_comment({"audit", "events"}, "events", "old");
    b.rename_table({"audit", "events"}, "happenings");
    b.drop_column({"audit", "happenings"}, "remark");
    b.drop_column({"audit", "happenings"}, migcmd::Column{
                                               .name = "remark",
                                               .type = migcmd::Type::string(10),
                                               .nullable = false,
                                           });
    b.drop_table({"audit", "happenings"});
    b.drop_table(migcmd::define_table({"audit", "users"}, [](migcmd::TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("email").max_length(255).not_null();
      t.primary_key({"id"}, "pk_users");
      t.unique({"email"}, "uq_users_email");
      t.comment("people who sign in");
    }));
  }

  // down() cannot be derived: drop_table audit.happenings cannot be reversed: its definition is
  // unknown. Write it if the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
