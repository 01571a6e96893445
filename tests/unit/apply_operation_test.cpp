#include <doctest/doctest.h>

#include "migcmd/migcmd.hpp"

using namespace migcmd;

TEST_CASE("replaying operations builds the schema they describe") {
  MigrationBuilder b("V1");
  b.create_table("authors", [](TableBuilder& t) {
    t.column<std::int64_t>("id").identity();
    t.primary_key({"id"});
  });
  b.create_table("books", [](TableBuilder& t) {
    t.column<std::int64_t>("id");
    t.column<std::int64_t>("author_id");
    t.column<std::string>("title");
  });
  b.add_foreign_key("fk_books_author", "books", {"author_id"}, "authors", {"id"});
  b.create_index("ix_books_title", "books", {"title"});
  b.rename_column("authors", "id", "author_key");
  b.drop_column("books", "title");

  Schema s;
  for (const auto& op : b.build()) apply_operation(s, op);
  REQUIRE(s.tables.size() == 2);
  const Table* books = s.find_table("books");
  REQUIRE(books);
  CHECK(books->columns.size() == 2);
  CHECK(books->indexes.empty());  // dropped with its column
  REQUIRE(books->foreign_keys.size() == 1);
  CHECK(books->foreign_keys[0].referenced_columns == std::vector<std::string>{"author_key"});
  CHECK(s.find_table("authors")->primary_key->columns == std::vector<std::string>{"author_key"});
}

TEST_CASE("replaying an operation on something missing names the object") {
  Schema s;
  CHECK_THROWS_WITH_AS(apply_operation(s, AddColumn{"ghost", {"c", Type::int32()}}),
                       doctest::Contains("table ghost does not exist"), Error);
  apply_operation(s, CreateTable{Table{
                         QualifiedName("t"), {{"a", Type::int32()}}, {}, {}, {}, {}, {}, {}, ""}});
  CHECK_THROWS_WITH_AS(apply_operation(s, AddPrimaryKey{"t", {"pk", {"b"}}}),
                       doctest::Contains("table t has no column b"), Error);
  CHECK_THROWS_WITH_AS(apply_operation(s, DropIndex{"t", "ix", {}}),
                       doctest::Contains("table t has no index ix"), Error);
}
