// Migration 20250101000000_sample_create_index_expression.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::SampleCreateIndexExpression>("20250101000000",
//       "sample_create_index_expression");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class SampleCreateIndexExpression : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.create_index("users", migcmd::Index{
                                .name = "ix_users_lower_email",
                                .parts = {{.expression = "lower(email)"}},
                            });
  }

  void down(migcmd::MigrationBuilder& b) override {
    b.drop_index("users", migcmd::Index{
                              .name = "ix_users_lower_email",
                              .parts = {{.expression = "lower(email)"}},
                          });
  }
};

}  // namespace golden
