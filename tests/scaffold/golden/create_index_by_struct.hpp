// Migration 20250101000000_create_index_by_struct.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::CreateIndexByStruct>("20250101000000", "create_index_by_struct");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class CreateIndexByStruct : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_index("t", migcmd::Index{
                            .name = "ix_dup",
                            .parts = {{.column = "a"}, {.column = "a", .descending = true}},
                        });
    b.create_index("t",
                   migcmd::Index{
                       .name = "ix_mixed",
                       .parts = {{.column = "a"}, {.expression = "lower(b)", .descending = true}},
                       .unique = true,
                       .where = "a IS NOT NULL",
                   });
    b.create_index("", "t", {"a"});
    b.create_index("ix_none", "t", {});
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_index("t", migcmd::Index{.name = "ix_none"});
    b.drop_index("t", migcmd::Index{.parts = {{.column = "a"}}});
    b.drop_index("t",
                 migcmd::Index{
                     .name = "ix_mixed",
                     .parts = {{.column = "a"}, {.expression = "lower(b)", .descending = true}},
                     .unique = true,
                     .where = "a IS NOT NULL",
                 });
    b.drop_index("t", migcmd::Index{
                          .name = "ix_dup",
                          .parts = {{.column = "a"}, {.column = "a", .descending = true}},
                      });
  }
};

}  // namespace golden
