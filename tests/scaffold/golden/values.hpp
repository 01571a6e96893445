// Migration 20250101000000_values.
//
// Register it with the others, once, where your program builds its migrations:
//   registry.add<golden::Values>("20250101000000", "values");

#pragma once

#include <limits>
#include <string>

#include <migcmd/migcmd.hpp>

namespace golden {

class Values : public migcmd::Migration {
 public:
  void up(migcmd::MigrationBuilder& b) override {
    b.insert("values", {"a", "b"},
             {
                 {nullptr, ""},
                 {true, "plain"},
                 {false, "quote \" backslash \\ newline \n tab \t return \r"},
                 {0, "\0017 a control character before a digit"},
                 {-42, "?\?= ?\?/ not a trigraph"},
                 {9223372036854775807, "ünïcødé ✓ 漢字"},
                 {-9223372036854775807 - 1, "\377\376 not UTF-8"},
                 {1.5, std::string("nul\000inside", 10)},
                 {0.1, migcmd::Bytes{}},
                 {-2.0, migcmd::Bytes{0x00, 0x7f, 0x80, 0xff}},
                 {1e+300, 5e-324},
                 {1.0, std::numeric_limits<double>::infinity()},
                 {-std::numeric_limits<double>::infinity(), -0.25},
             });
    b.update("values", {{"a", nullptr}, {"b", migcmd::Bytes{0x01}}, {"c", 2.5}, {"d", true}},
             {{"a", -9223372036854775807 - 1}, {"b", nullptr}});
    b.delete_rows("values", {{"b", "it's"}});
    b.add_column("values", "d_null", migcmd::Type::text()).default_value(nullptr);
    b.add_column("values", "d_bytes", migcmd::Type::binary())
        .default_value(migcmd::Bytes{0xde, 0xad});
    b.add_column("values", "d_double", migcmd::Type::float64()).not_null().default_value(-0.5);
    b.add_column("values", "d_true", migcmd::Type::boolean()).not_null().default_value(true);
    b.add_column("values", "d_min", migcmd::Type::int64())
        .not_null()
        .default_value(-9223372036854775807 - 1);
    b.add_column("values", "d_multi", migcmd::Type::text())
        .default_value(R"sql(line 1
line 2)sql");
  }

  // down() cannot be derived: delete values cannot be reversed: deleted rows are gone. Write it if
  // the change can be undone:
  // void down(migcmd::MigrationBuilder& b) override { ... }
};

}  // namespace golden
