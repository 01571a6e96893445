#include <doctest/doctest.h>

#include "migcmd/migcmd.hpp"

using namespace migcmd;

TEST_CASE("each reversible operation has an inverse that undoes it on the model") {
  Table users;
  users.name = "users";
  users.columns = {{"id", Type::int64(), false}, {"email", Type::string(100)}};
  users.primary_key = PrimaryKey{"pk_users", {"id"}};
  Schema before;
  before.tables = {users};

  Column email_before = users.columns[1];
  OperationList ops{
      AddColumn{"users", {"age", Type::int32()}},
      RenameColumn{"users", "email", "mail"},
      AlterColumn{"users", "mail", ColumnChange{Type::string(200), false, {}},
                  Column{"mail", Type::string(100)}},
      CreateIndex{"users", Index{"ix_age", {{"age", "", false}}, false, ""}},
      RenameIndex{"users", "ix_age", "ix_users_age"},
      AddUnique{"users", {"uq_mail", {"mail"}}},
      AddCheck{"users", {"ck_age", "age > 0"}},
      DropPrimaryKey{"users", "pk_users", PrimaryKey{"pk_users", {"id"}}},
      RenameTable{"users", "members"},
      CreateTable{
          Table{QualifiedName("tags"), {{"id", Type::int32()}}, {}, {}, {}, {}, {}, {}, ""}},
  };
  Schema after = before;
  for (const auto& op : ops) apply_operation(after, op);
  REQUIRE(after != before);

  Schema undone = after;
  for (const auto& op : reverse(ops)) apply_operation(undone, op);
  CHECK(undone == before);
}

TEST_CASE("drops without a definition and data changes are irreversible, naming the operation") {
  CHECK_THROWS_WITH_AS((void)reverse(Operation{DropColumn{"users", "email", {}}}),
                       doctest::Contains("drop_column email from users cannot be reversed"), Error);
  CHECK_THROWS_WITH_AS((void)reverse(Operation{DeleteRows{"users", {}}}),
                       doctest::Contains("delete users cannot be reversed"), Error);
  CHECK_THROWS_WITH_AS((void)reverse(Operation{AlterColumn{"t", "c", {Type::int64(), {}, {}}, {}}}),
                       doctest::Contains("alter_column t.c cannot be reversed"), Error);
}

TEST_CASE("ensure_schema has nothing to undo") {
  CHECK_FALSE(reverse(Operation{EnsureSchema{"audit"}}).has_value());
  CHECK(reverse(OperationList{EnsureSchema{"audit"}}).empty());
}

TEST_CASE("destructive operations are flagged") {
  CHECK(is_destructive(DropTable{"t", {}}));
  CHECK(is_destructive(DropColumn{"t", "c", {}}));
  CHECK(is_destructive(AlterColumn{"t", "c", {Type::int16(), {}, {}}, {}}));
  CHECK_FALSE(is_destructive(AlterColumn{"t", "c", {{}, true, {}}, {}}));
  CHECK_FALSE(is_destructive(AddColumn{"t", {"c", Type::int32()}}));
  CHECK_FALSE(is_destructive(CreateIndex{"t", {"ix", {{"c", "", false}}, false, ""}}));
}
