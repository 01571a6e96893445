// Migration 20250101000000_line_breaking.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::LineBreaking>("20250101000000", "line_breaking");

#pragma once

#include <migcmd/migcmd.hpp>

namespace golden {

class LineBreaking : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.insert("a_table_with_a_name_long_enough_to_push_the_line_past_the_limit",
             {"a_rather_long_column_name_0", "a_rather_long_column_name_1",
              "a_rather_long_column_name_2", "a_rather_long_column_name_3",
              "a_rather_long_column_name_4", "a_rather_long_column_name_5",
              "a_rather_long_column_name_6", "a_rather_long_column_name_7",
              "a_rather_long_column_name_8", "a_rather_long_column_name_9",
              "a_rather_long_column_name_10", "a_rather_long_column_name_11",
              "a_rather_long_column_name_12", "a_rather_long_column_name_13"},
             {
                 {"value number 0", "value number 1", "value number 2", "value number 3",
                  "value number 4", "value number 5", "value number 6", "value number 7",
                  "value number 8", "value number 9", "value number 10", "value number 11",
                  "value number 12", "value number 13"},
                 {"value number 0", "value number 1", "value number 2", "value number 3",
                  "value number 4", "value number 5", "value number 6", "value number 7",
                  "value number 8", "value number 9", "value number 10", "value number 11",
                  "value number 12", "value number 13"},
                 {nullptr, 1, 2.5},
             });
    b.create_index("ix_with_a_long_name_over_many_columns",
                   "a_table_with_a_name_long_enough_to_push_the_line_past_the_limit",
                   {"a_rather_long_column_name_0", "a_rather_long_column_name_1",
                    "a_rather_long_column_name_2", "a_rather_long_column_name_3",
                    "a_rather_long_column_name_4", "a_rather_long_column_name_5"})
        .unique()
        .where("a_rather_long_column_name_0 IS NOT NULL AND a_rather_long_column_name_1 > 0")
        .descending("a_rather_long_column_name_1")
        .descending("a_rather_long_column_name_3")
        .descending("a_rather_long_column_name_5");
    b.add_foreign_key("fk_a_table_with_a_long_name_to_another_table_with_a_long_name",
                      "a_table_with_a_name_long_enough_to_push_the_line_past_the_limit",
                      {"a_rather_long_column_name_0", "a_rather_long_column_name_1"},
                      {"a_schema_with_a_long_name", "another_table_with_a_long_name"},
                      {"first_key_column", "second_key_column"})
        .on_delete_cascade()
        .on_update(migcmd::ReferentialAction::set_null);
    b.add_check("ck_long", "a_table_with_a_name_long_enough_to_push_the_line_past_the_limit",
                "a_rather_long_column_name_0 > 0 AND a_rather_long_column_name_1 < 100 AND "
                "a_rather_long_column_name_2 <> 'forbidden value'");
    b.sql(R"sql(CREATE VIEW active_users AS
SELECT id, email
FROM users
WHERE deleted_at IS NULL)sql")
        .on("postgres", R"sql(CREATE MATERIALIZED VIEW active_users AS
SELECT id FROM users)sql")
        .on("sqlite", "CREATE VIEW active_users AS SELECT id FROM users")
        .suppress_transaction();
    b.sql("").on("mysql", "SET @x = 1");
  }

  // down() cannot be derived: sql "" cannot be reversed: raw SQL has no known inverse. Write it if
  // the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
