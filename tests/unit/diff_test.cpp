#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "migcmd/diff.hpp"
#include "migcmd/migcmd.hpp"
#include "support/sample_operations.hpp"

using namespace migcmd;

namespace {

// Schemas compared regardless of the order of their lists (ALTER appends columns at the end).
Schema normalized(Schema s) {
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(s.tables.begin(), s.tables.end(), by_name);
  for (auto& t : s.tables) {
    std::sort(t.columns.begin(), t.columns.end(), by_name);
    std::sort(t.uniques.begin(), t.uniques.end(), by_name);
    std::sort(t.checks.begin(), t.checks.end(), by_name);
    std::sort(t.foreign_keys.begin(), t.foreign_keys.end(), by_name);
    std::sort(t.indexes.begin(), t.indexes.end(), by_name);
  }
  std::sort(s.namespaces.begin(), s.namespaces.end());
  return s;
}

Schema replayed(Schema from, const OperationList& ops) {
  for (const auto& op : ops) apply_operation(from, op);
  return from;
}

std::vector<std::string> kinds(const OperationList& ops) {
  std::vector<std::string> out;
  for (const auto& op : ops) out.emplace_back(kind_name(op));
  return out;
}

}  // namespace

TEST_CASE("a schema diffed against itself is empty") {
  const Schema s = test::sample_schema();
  CHECK(diff(s, s).empty());
  CHECK(diff(Schema{}, Schema{}).empty());
}

TEST_CASE("from nothing: tables first, foreign keys last") {
  const Schema s = test::sample_schema();
  auto d = diff(Schema{}, s);
  CHECK(kinds(d.operations) ==
        std::vector<std::string>{"create_table", "create_table", "add_foreign_key"});
  CHECK(d.operations == create_operations(s));
  CHECK(normalized(replayed({}, d.operations)) == normalized(s));
}

TEST_CASE("changes come in a safe order and replaying them gives the target") {
  Schema from = test::sample_schema();
  Schema to = from;
  Table& users = *to.find_table("users");
  users.columns.erase(users.columns.begin() + 2);  // drop "name" (and its index)
  users.indexes.clear();
  users.columns.push_back({"nickname", Type::string(40)});
  users.columns[1].type = Type::string(320);  // email widened
  users.checks = {{"ck_users_score", "score >= 1"}};
  Table tags;
  tags.name = "tags";
  tags.columns = {{"id", Type::int64(), false}, {"user_id", Type::int64(), false}};
  tags.primary_key = PrimaryKey{"pk_tags", {"id"}};
  tags.foreign_keys = {{"fk_tags_user", {"user_id"}, {"users"}, {"id"}}};
  to.tables.push_back(tags);
  to.tables.erase(std::find_if(to.tables.begin(), to.tables.end(),
                               [](const Table& t) { return t.name == QualifiedName("orders"); }));

  auto d = diff(from, to);
  CHECK(kinds(d.operations) ==
        // orders' own foreign key goes with the table; nothing else references it
        std::vector<std::string>{"drop_check", "drop_index", "drop_column", "drop_table",
                                 "create_table", "add_column", "alter_column", "add_check",
                                 "add_foreign_key"});
  CHECK(normalized(replayed(from, d.operations)) == normalized(to));
  // Drops carry what they drop, so the diff can be reversed.
  CHECK(normalized(replayed(replayed(from, d.operations), reverse(d.operations))) ==
        normalized(from));
  // Each operation says whether it destroys data.
  CHECK(is_destructive(d.operations[2]));        // drop column
  CHECK(is_destructive(d.operations[3]));        // drop table
  CHECK_FALSE(is_destructive(d.operations[5]));  // add column
}

TEST_CASE("renames are reported, not guessed, and applied only when asked") {
  Schema from = test::sample_schema();
  Schema to = from;
  to.find_table("users")->columns[2].name = "full_name";
  to.find_table("users")->indexes[0].parts[0].column = "full_name";

  auto guessed = diff(from, to);
  // Without being told, the differ drops and adds (which loses the data) and says so.
  const auto guessed_kinds = kinds(guessed.operations);
  CHECK(std::count(guessed_kinds.begin(), guessed_kinds.end(), "drop_column") == 1);
  CHECK(std::count(guessed_kinds.begin(), guessed_kinds.end(), "add_column") == 1);
  REQUIRE(guessed.likely_renames.size() == 1);
  CHECK(guessed.likely_renames[0].from == "users.name");
  CHECK(guessed.likely_renames[0].to == "users.full_name");
  CHECK(guessed.likely_renames[0].hint == "--rename users.name=full_name");

  auto renamed = diff(from, to, {.renames = {{"users.name", "full_name"}}});
  CHECK(kinds(renamed.operations) == std::vector<std::string>{"rename_column"});
  CHECK(renamed.likely_renames.empty());
  CHECK(normalized(replayed(from, renamed.operations)) == normalized(to));
}

TEST_CASE("a table rename applies before a column rename that names the table's new name") {
  Schema from = test::sample_schema();
  Schema to = from;
  // "accounts.name" sorts before "users" in DiffOptions::renames.
  to.find_table("users")->name = QualifiedName("accounts");
  to.find_table("accounts")->columns[2].name = "full_name";
  to.find_table("accounts")->indexes[0].parts[0].column = "full_name";
  for (auto& t : to.tables) {
    for (auto& fk : t.foreign_keys) {
      if (fk.referenced_table == QualifiedName("users")) fk.referenced_table = "accounts";
    }
  }

  auto d = diff(from, to, {.renames = {{"users", "accounts"}, {"accounts.name", "full_name"}}});
  CHECK(kinds(d.operations) == std::vector<std::string>{"rename_table", "rename_column"});
  CHECK(normalized(replayed(from, d.operations)) == normalized(to));
}

TEST_CASE("SQL text differing only in insignificant whitespace is no change") {
  Schema from = test::sample_schema();
  Schema to = from;
  Table& users = *to.find_table("users");
  from.find_table("users")->checks = {{"ck_users_score", "score IN (1, 2, 3) AND name <> 'a, b'"}};
  users.checks = {{"ck_users_score", "score IN(1,2,3)  AND name <> 'a, b'"}};
  CHECK(diff(from, to).empty());
  // Inside a string literal every space counts.
  users.checks = {{"ck_users_score", "score IN (1, 2, 3) AND name <> 'a,b'"}};
  CHECK(kinds(diff(from, to).operations) == std::vector<std::string>{"drop_check", "add_check"});
}

TEST_CASE("a foreign key over columns whose type changes is dropped and added around the change") {
  Schema from = test::sample_schema();
  Schema to = from;
  to.find_table("users")->columns[0].type = Type::int32();   // users.id, referenced
  to.find_table("orders")->columns[1].type = Type::int32();  // orders.user_id
  auto d = diff(from, to);
  CHECK(kinds(d.operations) == std::vector<std::string>{"drop_foreign_key", "alter_column",
                                                        "alter_column", "add_foreign_key"});
  CHECK(normalized(replayed(from, d.operations)) == normalized(to));
  // A type change elsewhere leaves the key alone.
  to = from;
  to.find_table("orders")->columns[2].type = Type::decimal(12, 2);
  CHECK(kinds(diff(from, to).operations) == std::vector<std::string>{"alter_column"});
}

TEST_CASE("a default expression in parentheses is the same default without them") {
  Schema from = test::sample_schema();
  Schema to = from;
  Column& score = *to.find_table("users")->find_column("score");
  from.find_table("users")->find_column("score")->default_value = SqlExpression{"(1 + 2)"};
  score.default_value = SqlExpression{"1 + 2"};
  CHECK(diff(from, to).empty());
  score.default_value = SqlExpression{" ((1 + 2)) "};
  CHECK(diff(from, to).empty());
  // Parentheses that do not enclose the whole expression are kept.
  from.find_table("users")->find_column("score")->default_value = SqlExpression{"(1) + (2)"};
  score.default_value = SqlExpression{"1) + (2"};
  CHECK(kinds(diff(from, to).operations) == std::vector<std::string>{"alter_column"});
}

TEST_CASE("types equal in the target dialect are not a change") {
  Schema from = test::sample_schema();
  Schema to = from;
  to.find_table("users")->columns[2].type = Type::raw("TEXT");  // "name": text vs raw TEXT
  struct Upper : Dialect {
    std::string_view name() const noexcept override { return "test"; }
    Capabilities capabilities() const override { return {}; }
    std::string quote_identifier(std::string_view id) const override { return std::string(id); }
    std::string literal(const Value& v) const override { return describe(v); }
    std::string type_sql(const Type& t) const override {
      return t.store_type.empty() ? (t.kind == TypeKind::text ? "TEXT" : describe(t))
                                  : t.store_type;
    }

   protected:
    void emit(const AlterColumn&, const Context&) const override {}
  } dialect;
  CHECK_FALSE(diff(from, to).empty());
  CHECK(diff(from, to, {.dialect = &dialect}).empty());

  // Type names compare without case (a raw VARCHAR(7) reads back as varchar(7)); quoted enum
  // values keep theirs.
  from.find_table("users")->columns[2].type = Type::raw("VARCHAR(7)");
  to.find_table("users")->columns[2].type = Type::raw("varchar(7)");
  CHECK(diff(from, to, {.dialect = &dialect}).empty());
  from.find_table("users")->columns[2].type = Type::raw("ENUM('a','B')");
  to.find_table("users")->columns[2].type = Type::raw("enum('A','b')");
  CHECK(diff(from, to, {.dialect = &dialect}).operations.size() == 1);
}

namespace {

// A dialect that only answers capabilities(): whether it keeps comments.
struct CommentsDialect : Dialect {
  explicit CommentsDialect(bool comments) : comments_(comments) {}
  std::string_view name() const noexcept override { return "test"; }
  Capabilities capabilities() const override {
    Capabilities c;
    c.comments = comments_;
    return c;
  }
  std::string quote_identifier(std::string_view id) const override { return std::string(id); }
  std::string literal(const Value& v) const override { return describe(v); }
  std::string type_sql(const Type& t) const override { return describe(t); }

 protected:
  void emit(const AlterColumn&, const Context&) const override {}

 private:
  bool comments_;
};

const AlterColumn& alter_of(const OperationList& ops, std::string_view table,
                            std::string_view column) {
  for (const auto& op : ops) {
    if (const auto* a = std::get_if<AlterColumn>(&op);
        a && a->table == QualifiedName(std::string(table)) && a->name == column) {
      return *a;
    }
  }
  FAIL("no alter_column for ", table, ".", column);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("identity, collation and comment changes are altered columns; a table comment too") {
  Schema from = test::sample_schema();
  from.find_table("orders")->comment = "what people bought";
  Schema to = from;
  Table& users = *to.find_table("users");
  users.columns[0].identity = false;          // id: no longer an identity
  users.columns[2].collation = "C";           // name
  users.columns[1].comment = "sign-in name";  // email
  users.comment = "people who can sign in";
  Table& orders = *to.find_table("orders");
  orders.columns[0].identity = true;  // id: becomes an identity
  orders.columns[3].default_value.reset();
  orders.columns[3].collation = "utf8mb4_bin";  // status: collation and default together
  orders.comment.clear();                       // removed

  const auto d = diff(from, to);
  CHECK(kinds(d.operations) == std::vector<std::string>{"alter_column", "alter_column",
                                                        "alter_column", "set_table_comment",
                                                        "alter_column", "alter_column",
                                                        "set_table_comment"});
  const AlterColumn& id = alter_of(d.operations, "users", "id");
  CHECK(id.change.identity == false);
  CHECK_FALSE(id.change.type.has_value());
  CHECK_FALSE(id.change.collation.has_value());
  CHECK_FALSE(id.change.comment.has_value());
  REQUIRE(id.from.has_value());
  CHECK(id.from->identity);
  CHECK(alter_of(d.operations, "users", "name").change.collation == "C");
  CHECK(alter_of(d.operations, "users", "email").change.comment == "sign-in name");
  CHECK(alter_of(d.operations, "orders", "id").change.identity == true);
  const AlterColumn& status = alter_of(d.operations, "orders", "status");
  CHECK(status.change.collation == "utf8mb4_bin");
  REQUIRE(status.change.default_value.has_value());
  CHECK_FALSE(status.change.default_value->has_value());  // dropped
  CHECK(d.operations[3] == Operation{SetTableComment{"users", "people who can sign in", ""}});
  CHECK(d.operations[6] == Operation{SetTableComment{"orders", "", "what people bought"}});
  for (const auto& op : d.operations) CHECK_FALSE(is_destructive(op));

  // Replaying the diff gives the target; its reverse gives the start again.
  const Schema replayed_to = replayed(from, d.operations);
  CHECK(normalized(replayed_to) == normalized(to));
  CHECK(normalized(replayed(replayed_to, reverse(d.operations))) == normalized(from));
  CHECK(diff(replayed_to, to).empty());
}

TEST_CASE("an identity that replaces a default drops the default in the same change") {
  Schema from = test::sample_schema();
  Schema to = from;
  Column& score = to.find_table("users")->columns[3];  // int32 NOT NULL DEFAULT 0
  score.identity = true;
  score.default_value.reset();
  to.find_table("users")->columns[0].identity = false;  // one identity a table
  const auto d = diff(from, to);
  const AlterColumn& a = alter_of(d.operations, "users", "score");
  CHECK(a.change.identity == true);
  REQUIRE(a.change.default_value.has_value());
  CHECK_FALSE(a.change.default_value->has_value());  // dropped
  CHECK_NOTHROW(validate(Operation{a}));             // the column it leaves is a valid identity
  CHECK(normalized(replayed(from, d.operations)) == normalized(to));
  CHECK(normalized(replayed(replayed(from, d.operations), reverse(d.operations))) ==
        normalized(from));
}

TEST_CASE("comments are compared only where the dialect keeps them") {
  Schema from = test::sample_schema();
  Schema to = from;
  to.find_table("users")->comment = "people";
  to.find_table("users")->columns[1].comment = "sign-in name";
  const CommentsDialect without(false);
  const CommentsDialect with(true);
  // SQLite keeps no comments and reads none back: a model's comments are no change there.
  CHECK(diff(from, to, {.dialect = &without}).empty());
  CHECK(diff(to, from, {.dialect = &without}).empty());
  CHECK(kinds(diff(from, to, {.dialect = &with}).operations) ==
        std::vector<std::string>{"alter_column", "set_table_comment"});
  CHECK(kinds(diff(from, to).operations) ==
        std::vector<std::string>{"alter_column", "set_table_comment"});
  // Other changes still show without comments: the comment is left out of the same alter.
  to.find_table("users")->columns[1].nullable = true;
  const auto d = diff(from, to, {.dialect = &without});
  REQUIRE(d.operations.size() == 1);
  const auto& a = std::get<AlterColumn>(d.operations[0]);
  CHECK(a.change.nullable == true);
  CHECK_FALSE(a.change.comment.has_value());
}
