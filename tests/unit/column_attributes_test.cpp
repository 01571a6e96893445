// A column's identity, collation and comment as alter_column changes, and a table's comment as
// set_table_comment: applying, reversing, validating, describing, building and the checksum JSON.

#include <doctest/doctest.h>

#include <set>

#include "migcmd/migcmd.hpp"
#include "migcmd/migration_registry.hpp"

using namespace migcmd;

namespace {

Schema one_table() {
  Table t;
  t.name = "items";
  t.columns = {{"id", Type::int64(), false}, {"code", Type::string(20), false, {}, false, "", ""}};
  t.primary_key = PrimaryKey{"pk_items", {"id"}};
  Schema s;
  s.tables = {t};
  return s;
}

ColumnChange attributes(bool identity, std::string collation, std::string comment) {
  ColumnChange c;
  c.identity = identity;
  c.collation = std::move(collation);
  c.comment = std::move(comment);
  return c;
}

}  // namespace

TEST_CASE("a change of identity, collation or comment alone is not empty and applies") {
  CHECK(ColumnChange{}.empty());
  ColumnChange c;
  c.identity = false;
  CHECK_FALSE(c.empty());
  c = {};
  c.collation = "";
  CHECK_FALSE(c.empty());
  c = {};
  c.comment = "";
  CHECK_FALSE(c.empty());

  Column column{"code", Type::string(20), false, {}, false, "C", "old"};
  const Column after = apply_change(column, attributes(true, "", "new"));
  CHECK(after.identity);
  CHECK(after.collation.empty());
  CHECK(after.comment == "new");
  CHECK(after.type == column.type);  // untouched
  CHECK(apply_change(column, ColumnChange{}) == column);
}

TEST_CASE("alter_column of the new members replays and reverses on the model") {
  const Schema before = one_table();
  ColumnChange id_change;
  id_change.identity = true;
  const OperationList ops{
      AlterColumn{"items", "id", id_change, before.tables[0].columns[0]},
      AlterColumn{"items", "code", attributes(false, "utf8mb4_bin", "shown to people"),
                  before.tables[0].columns[1]},
      SetTableComment{"items", "things for sale", ""},
  };
  Schema after = before;
  for (const auto& op : ops) apply_operation(after, op);
  const Table& t = after.tables[0];
  CHECK(t.columns[0].identity);
  CHECK(t.columns[1].collation == "utf8mb4_bin");
  CHECK(t.columns[1].comment == "shown to people");
  CHECK(t.comment == "things for sale");

  const OperationList back = reverse(ops);
  REQUIRE(back.size() == 3);
  CHECK(back[0] == Operation{SetTableComment{"items", "", "things for sale"}});
  const auto& undo_code = std::get<AlterColumn>(back[1]);
  CHECK(undo_code.change.identity == false);
  CHECK(undo_code.change.collation == "");
  CHECK(undo_code.change.comment == "");
  CHECK_FALSE(undo_code.change.type.has_value());
  REQUIRE(undo_code.from.has_value());
  CHECK(*undo_code.from == t.columns[1]);  // the column as the change left it
  Schema undone = after;
  for (const auto& op : back) apply_operation(undone, op);
  CHECK(undone == before);
}

TEST_CASE("set_table_comment: kind, description, reversibility, destructiveness, replay") {
  const Operation op = SetTableComment{{"app", "items"}, "things", {}};
  CHECK(kind_name(op) == "set_table_comment");
  CHECK(describe(op) == "set_table_comment app.items");
  CHECK_FALSE(is_destructive(op));
  CHECK_THROWS_WITH_AS((void)reverse(op),
                       doctest::Contains("set_table_comment app.items cannot be reversed"), Error);
  CHECK_NOTHROW(validate(op));
  CHECK_THROWS_AS(validate(SetTableComment{"", "x", {}}), Error);

  Schema s;
  CHECK_THROWS_WITH_AS(apply_operation(s, SetTableComment{"ghost", "x", {}}),
                       doctest::Contains("table ghost does not exist"), Error);
  CHECK_FALSE(is_destructive(AlterColumn{"t", "c", attributes(true, "C", "x"), {}}));
}

TEST_CASE("validation of the new members") {
  ColumnChange identity;
  identity.identity = true;
  CHECK_NOTHROW(validate(AlterColumn{"items", "id", identity, {}}));
  // The column the change leaves must be a valid identity: an integer without a default.
  CHECK_THROWS_WITH_AS(
      validate(AlterColumn{"items", "code", identity, Column{"code", Type::string(20)}}),
      doctest::Contains("is not an integer"), Error);
  CHECK_THROWS_WITH_AS(
      validate(AlterColumn{"items", "n", identity,
                           Column{"n", Type::int32(), false, ColumnDefault{Value{0}}}}),
      doctest::Contains("cannot also have a default"), Error);
  ColumnChange with_type = identity;
  with_type.type = Type::text();
  CHECK_THROWS_WITH_AS(validate(AlterColumn{"items", "n", with_type, {}}),
                       doctest::Contains("is not an integer"), Error);
  ColumnChange with_default = identity;
  with_default.default_value = std::optional<ColumnDefault>(Value{1});
  CHECK_THROWS_WITH_AS(validate(AlterColumn{"items", "n", with_default, {}}),
                       doctest::Contains("cannot also get a default"), Error);
  // Dropping the default while becoming an identity is what the change must do.
  ColumnChange drop_default = identity;
  drop_default.default_value = std::optional<ColumnDefault>{};
  CHECK_NOTHROW(validate(AlterColumn{"items", "n", drop_default,
                                     Column{"n", Type::int32(), false, ColumnDefault{Value{0}}}}));
  ColumnChange nul;
  nul.collation = std::string("a") + '\0';
  CHECK_THROWS_WITH_AS(validate(AlterColumn{"items", "code", nul, {}}), doctest::Contains("NUL"),
                       Error);
  CHECK_THROWS_WITH_AS(validate(AlterColumn{"items", "code", {}, {}}),
                       doctest::Contains("identity, collation or comment"), Error);
}

TEST_CASE("the builder records identity, collation, comment and table comment changes") {
  MigrationBuilder b("V2");
  b.alter_column("items", "id").identity();
  b.alter_column("items", "code").collation("C").comment("shown to people");
  b.alter_column("items", "n").identity(false).collation("").comment("");
  b.set_table_comment("items", "things");
  b.set_table_comment("items", "", "things");
  const OperationList ops = b.build();
  REQUIRE(ops.size() == 5);
  CHECK(std::get<AlterColumn>(ops[0]).change.identity == true);
  const auto& code = std::get<AlterColumn>(ops[1]).change;
  CHECK(code.collation == "C");
  CHECK(code.comment == "shown to people");
  CHECK_FALSE(code.identity.has_value());
  const auto& n = std::get<AlterColumn>(ops[2]).change;
  CHECK(n.identity == false);
  CHECK(n.collation == "");
  CHECK(n.comment == "");
  CHECK(ops[3] == Operation{SetTableComment{"items", "things", {}}});
  CHECK(ops[4] == Operation{SetTableComment{"items", "", "things"}});
  CHECK(reverse(ops[4]) == Operation{SetTableComment{"items", "things", ""}});
}

TEST_CASE("the checksum sees the new members, and is unchanged for a migration without them") {
  ColumnChange nullable;
  nullable.nullable = false;
  const OperationList plain{AlterColumn{"items", "code", nullable, {}}};
  // Pinned: the canonical JSON of an alter_column that sets none of identity, collation and
  // comment is what it was before they existed, so recorded checksums still match.
  CHECK(operations_checksum(plain) ==
        "02d9207d5d7e42797e441831ce2f753812fd8537fd09ab869544a5c7719ce161");
  std::set<std::string> checksums{operations_checksum(plain)};
  for (const auto& change :
       {attributes(true, "C", "x"), attributes(false, "C", "x"), attributes(true, "", "x"),
        attributes(true, "C", ""), attributes(true, "C", "y")}) {
    ColumnChange c = nullable;
    c.identity = change.identity;
    c.collation = change.collation;
    c.comment = change.comment;
    checksums.insert(operations_checksum({AlterColumn{"items", "code", c, {}}}));
  }
  ColumnChange only_comment = nullable;
  only_comment.comment = "";
  checksums.insert(operations_checksum({AlterColumn{"items", "code", only_comment, {}}}));
  CHECK(checksums.size() == 7);
  CHECK(operations_checksum({SetTableComment{"items", "a", {}}}) !=
        operations_checksum({SetTableComment{"items", "a", ""}}));
}
