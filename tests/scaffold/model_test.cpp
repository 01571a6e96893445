// The code-first model: declarations with the builder vocabulary, replayed into a schema.

#include "migcmd/model.hpp"

#include <doctest/doctest.h>

#include "migcmd/error.hpp"

using migcmd::Model;
using migcmd::TableBuilder;

namespace {

void users(TableBuilder& t) {
  t.column<std::int64_t>("id").identity();
  t.column<std::string>("email").max_length(255).not_null();
  t.primary_key({"id"}, "pk_users");
}

void events(TableBuilder& t) {
  t.column<std::int64_t>("id").identity();
  t.column<std::int64_t>("user_id").not_null();
  t.primary_key({"id"});
}

}  // namespace

TEST_CASE("a model declares tables, keys and indexes with the builder vocabulary") {
  Model model("shop");
  model.ensure_schema("audit");
  model.table("users", users);
  model.table({"audit", "events"}, events);
  model.index("ix_users_email", "users", {"email"}).unique();
  model.foreign_key("fk_events_user", {"audit", "events"}, {"user_id"}, "users", {"id"})
      .on_delete_cascade();
  model.unique("uq_users_email", "users", {"email"})
      .check("ck_users_email", "users", "email <> ''");
  const migcmd::Schema schema = model.schema();

  CHECK(model.name() == "shop");
  CHECK(schema.namespaces == std::vector<std::string>{"audit"});
  REQUIRE(schema.tables.size() == 2);
  const migcmd::Table& u = schema.tables[0];
  CHECK(u.name == migcmd::QualifiedName("users"));
  REQUIRE(u.columns.size() == 2);
  CHECK(u.columns[0].identity);
  CHECK_FALSE(u.columns[0].nullable);
  CHECK(u.columns[1].type == migcmd::Type::string(255));
  REQUIRE(u.indexes.size() == 1);
  CHECK(u.indexes[0].unique);
  CHECK(u.uniques == std::vector<migcmd::UniqueConstraint>{{"uq_users_email", {"email"}}});
  CHECK(u.checks == std::vector<migcmd::CheckConstraint>{{"ck_users_email", "email <> ''"}});
  const migcmd::Table& e = schema.tables[1];
  CHECK(e.name == migcmd::QualifiedName("audit", "events"));
  REQUIRE(e.foreign_keys.size() == 1);
  CHECK(e.foreign_keys[0].on_delete == migcmd::ReferentialAction::cascade);
  CHECK(e.foreign_keys[0].referenced_table == migcmd::QualifiedName("users"));

  // The same model written as one builder function.
  const Model same([](migcmd::MigrationBuilder& b) {
    b.ensure_schema("audit");
    b.create_table("users", users);
    b.create_table({"audit", "events"}, events);
    b.create_index("ix_users_email", "users", {"email"}).unique();
    b.add_foreign_key("fk_events_user", {"audit", "events"}, {"user_id"}, "users", {"id"})
        .on_delete_cascade();
    b.add_unique("uq_users_email", "users", {"email"});
    b.add_check("ck_users_email", "users", "email <> ''");
  });
  CHECK(same.schema() == schema);
  CHECK(Model().schema() == migcmd::Schema{});
}

TEST_CASE("a model's mistakes name the model, the declaration and the object") {
  Model model("shop");
  model.table("users", users);
  model.index("ix_users_name", "users", {"name"});
  try {
    (void)model.schema();
    FAIL("an index on a missing column was accepted");
  } catch (const migcmd::Error& e) {
    CHECK(e.code() == migcmd::ErrorCode::invalid_migration);
    CHECK(e.message().find("model shop, declaration 2 (") == 0);
    CHECK(e.message().find("ix_users_name") != std::string::npos);
    CHECK(e.message().find("name") != std::string::npos);
  }

  Model twice("twice");
  twice.table("users", users).table("users", users);
  CHECK_THROWS_WITH_AS((void)twice.schema(), doctest::Contains("model twice, declaration 2"),
                       migcmd::Error);

  Model empty_name;
  empty_name.table("", users);
  CHECK_THROWS_WITH_AS((void)empty_name.schema(), doctest::Contains("model model, declaration 1"),
                       migcmd::Error);

  Model data("data");
  data.table("users", users);
  data.builder().insert("users", {"email"}, {{"a@b"}});
  CHECK_THROWS_WITH_AS((void)data.schema(), doctest::Contains("a model cannot hold"),
                       migcmd::Error);
  Model raw("raw");
  raw.builder().sql("CREATE VIEW v AS SELECT 1");
  CHECK_THROWS_WITH_AS((void)raw.schema(), doctest::Contains("model raw, declaration 1 (sql"),
                       migcmd::Error);
}

TEST_CASE("define_table builds a table outside any migration") {
  const migcmd::Table t = migcmd::define_table({"audit", "users"}, users);
  CHECK(t.name == migcmd::QualifiedName("audit", "users"));
  REQUIRE(t.columns.size() == 2);
  CHECK(t.primary_key == migcmd::PrimaryKey{"pk_users", {"id"}});
  CHECK(migcmd::define_table("empty", nullptr).columns.empty());
}
