#include <doctest/doctest.h>

#include "migcmd/migcmd.hpp"

using namespace migcmd;

namespace {

struct CreateUsers : Migration {
  void up(MigrationBuilder& b) override {
    b.create_table("users", [](TableBuilder& t) {
      t.column<std::int64_t>("id").identity();
      t.column<std::string>("email").max_length(255).not_null();
      t.column<bool>("active").not_null().default_value(true);
      t.column("created_at", Type::timestamp_tz()).not_null().default_sql("CURRENT_TIMESTAMP");
      t.primary_key({"id"});
      t.unique({"email"}, "uq_users_email");
    });
    b.create_index("ix_users_created_at", "users", {"created_at"});
    b.add_foreign_key("fk_orders_user", "orders", {"user_id"}, "users", {"id"}).on_delete_cascade();
  }
};

}  // namespace

TEST_CASE("the fluent builder records one operation per call, with the details given") {
  CreateUsers m;
  OperationList ops = up_operations(m, "20250101_create_users");
  REQUIRE(ops.size() == 3);

  const auto& table = std::get<CreateTable>(ops[0]).table;
  CHECK(table.name == QualifiedName("users"));
  REQUIRE(table.columns.size() == 4);
  CHECK(table.columns[0].type == Type::int64());
  CHECK(table.columns[0].identity);
  CHECK_FALSE(table.columns[0].nullable);  // an identity is never null
  CHECK(table.columns[1].type == Type::string(255));
  CHECK_FALSE(table.columns[1].nullable);
  CHECK(table.columns[2].default_value == ColumnDefault{Value{true}});
  CHECK(table.columns[3].default_value == ColumnDefault{SqlExpression{"CURRENT_TIMESTAMP"}});
  CHECK(table.primary_key == PrimaryKey{"", {"id"}});
  CHECK(table.uniques == std::vector<UniqueConstraint>{{"uq_users_email", {"email"}}});

  const auto& index = std::get<CreateIndex>(ops[1]);
  CHECK(index.table == QualifiedName("users"));
  CHECK(index.index.parts == std::vector<IndexPart>{{"created_at", "", false}});

  const auto& fk = std::get<AddForeignKey>(ops[2]).key;
  CHECK(fk.on_delete == ReferentialAction::cascade);
  CHECK(fk.on_update == ReferentialAction::no_action);
  CHECK(fk.referenced_table == QualifiedName("users"));
}

TEST_CASE("down() defaults to the reverse of up(), in reverse order") {
  CreateUsers m;
  OperationList down = down_operations(m, "20250101_create_users");
  REQUIRE(down.size() == 3);
  CHECK(kind_name(down[0]) == "drop_foreign_key");
  CHECK(std::get<DropForeignKey>(down[0]).name == "fk_orders_user");
  CHECK(kind_name(down[1]) == "drop_index");
  CHECK(kind_name(down[2]) == "drop_table");
  // The drop keeps the definition, so down's own reverse recreates the same table.
  CHECK(reverse(down[2]) == std::optional<Operation>(up_operations(m, "x")[0]));
}

TEST_CASE("an irreversible up() without down() fails naming the migration and the operation") {
  struct RawOnly : Migration {
    void up(MigrationBuilder& b) override {
      b.create_table("t", [](TableBuilder& t) { t.column<std::int32_t>("id"); });
      b.sql("UPDATE t SET id = 1");
    }
  } m;
  CHECK_NOTHROW((void)up_operations(m, "V2__raw"));
  try {
    (void)down_operations(m, "V2__raw");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::irreversible_operation);
    CHECK(std::string(e.what()).find("V2__raw") != std::string::npos);
    CHECK(std::string(e.what()).find("sql \"UPDATE t SET id = 1\"") != std::string::npos);
  }
}

TEST_CASE("an explicit down() is used as written") {
  struct Explicit : Migration {
    void up(MigrationBuilder& b) override { b.sql("CREATE VIEW v AS SELECT 1"); }
    void down(MigrationBuilder& b) override { b.sql("DROP VIEW v"); }
  } m;
  auto down = down_operations(m, "V3");
  REQUIRE(down.size() == 1);
  CHECK(std::get<RawSql>(down[0]).sql == "DROP VIEW v");
}

TEST_CASE("misuse is reported when the migration is built, naming migration and operation") {
  auto error_of = [](auto&& define) -> std::string {
    MigrationBuilder b("V7__bad");
    define(b);
    try {
      (void)b.build();
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::invalid_migration);
      return e.what();
    }
    return "no error";
  };
  auto contains = [](const std::string& text, const std::string& part) {
    INFO(text);
    CHECK(text.find(part) != std::string::npos);
  };

  auto e1 = error_of([](MigrationBuilder& b) {
    b.create_table("t", [](TableBuilder& t) {
      t.column<std::int32_t>("id");
      t.column<std::int32_t>("id");
    });
  });
  contains(e1, "migration V7__bad, operation 1");
  contains(e1, "create_table t: column id is defined twice");

  contains(error_of([](MigrationBuilder& b) {
             b.create_table("t", [](TableBuilder& t) {
               t.column<std::int32_t>("id");
               t.primary_key({"missing"});
             });
           }),
           "the primary key names column missing, which table t does not have");

  contains(error_of([](MigrationBuilder& b) {
             b.create_table("t", [](TableBuilder& t) { t.column("price", Type::decimal(4, 6)); });
           }),
           "decimal scale 6 greater than its precision 4");

  contains(error_of([](MigrationBuilder& b) {
             b.create_table("", [](TableBuilder& t) { t.column<bool>("b"); });
           }),
           "the table name is empty");

  contains(error_of([](MigrationBuilder& b) { b.add_column("t", "", Type::int32()); }),
           "a column name is empty");

  contains(error_of([](MigrationBuilder& b) {
             b.create_table("t", [](TableBuilder& t) { t.column<std::string>("s").identity(); });
           }),
           "is an identity but its type text is not an integer");

  contains(error_of([](MigrationBuilder& b) { b.alter_column("t", "c"); }), "nothing to change");

  contains(error_of([](MigrationBuilder& b) {
             b.add_foreign_key("fk", "a", {"x", "y"}, "b", {"id"});
           }),
           "foreign key fk has 2 column(s) but references 1");

  contains(error_of([](MigrationBuilder& b) {
             b.insert("t", {"a", "b"}, {{1, 2}, {3}});
           }),
           "row 2 has 1 value(s) for 2 column(s)");

  contains(error_of([](MigrationBuilder& b) { b.create_index("ix", "t", {}); }),
           "index ix has no columns");

  contains(error_of([](MigrationBuilder& b) { b.rename_column("t", "a", "a"); }),
           "the new name is the same as the current one");
}
