#include <doctest/doctest.h>

#include "migcmd/migcmd.hpp"

using namespace migcmd;

TEST_CASE("validation accepts well-formed operations of every kind") {
  Table t;
  t.name = {"app", "items"};
  t.columns = {{"id", Type::int64(), false, {}, true},
               {"parent_id", Type::int64()},
               {"price", Type::decimal(10, 2), false, ColumnDefault{Value{0}}}};
  t.primary_key = PrimaryKey{"pk_items", {"id"}};
  t.foreign_keys = {{"fk_parent", {"parent_id"}, {"app", "items"}, {"id"}}};
  t.indexes = {{"ix_price", {{"", "price * 2", true}}, false, "price > 0"}};
  OperationList ops{CreateTable{t},
                    AddColumn{t.name, {"note", Type::text()}},
                    RenameColumn{t.name, "note", "remark"},
                    AlterColumn{t.name, "remark", ColumnChange{Type::string(20), false, {}}, {}},
                    AddCheck{t.name, {"ck_price", "price >= 0"}},
                    InsertRows{t.name, {"id", "price"}, {{1, 2.5}}},
                    UpdateRows{t.name, {{"price", 3}}, {{"id", 1}}},
                    DeleteRows{t.name, {{"id", 1}}},
                    RawSql{"SELECT 1", {}, false}};
  for (const auto& op : ops) CHECK_NOTHROW(validate(op));
}

TEST_CASE("validation rejects names with NUL characters, which no database can store safely") {
  std::string bad = std::string("a") + '\0' + "b";
  CHECK_THROWS_WITH_AS(validate(DropTable{QualifiedName(bad), {}}),
                       doctest::Contains("contains a NUL character"), Error);
}

TEST_CASE("a NOT NULL column whose default is NULL is a contradiction") {
  CHECK_THROWS_WITH_AS(
      validate(AddColumn{"t", Column{"c", Type::int32(), false, ColumnDefault{Value{}}}}),
      doctest::Contains("is NOT NULL but its default is NULL"), Error);
}

TEST_CASE("a table can only have one identity column, and string needs a length") {
  Table t;
  t.name = "t";
  t.columns = {{"a", Type::int32(), false, {}, true}, {"b", Type::int32(), false, {}, true}};
  CHECK_THROWS_WITH_AS(validate(CreateTable{t}), doctest::Contains("only one identity column"),
                       Error);
  CHECK_THROWS_WITH_AS(validate(AddColumn{"t", {"s", Type{TypeKind::string}}}),
                       doctest::Contains("string without a maximum length"), Error);
}
