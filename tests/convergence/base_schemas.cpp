#include "convergence/base_schemas.hpp"

#include <stdexcept>

#include "convergence/pair_builder.hpp"
#include "convergence/schema_pair.hpp"
#include "support/realistic_schemas.hpp"

namespace migcmd::convergence {
namespace {

Table make_table(std::string name, std::vector<Column> columns) {
  Table t;
  t.name = QualifiedName(std::move(name));
  t.columns = std::move(columns);
  return t;
}

Column identity(std::string name) {
  Column c{std::move(name), Type::int64(), false};
  c.identity = true;
  return c;
}

// The named tables of one realistic schema, in the order given (parents first).
Schema realistic_tables(const std::string& schema_name, const std::vector<std::string>& tables) {
  // No capabilities: the realistic schemas then leave out their partial and expression indexes.
  for (auto& named : test::realistic_schemas(Capabilities{})) {
    if (named.name != schema_name) continue;
    Schema out;
    for (const auto& t : tables) {
      const Table* found = named.schema.find_table(t);
      if (!found) throw std::logic_error("realistic schema " + schema_name + " has no " + t);
      out.tables.push_back(*found);
    }
    return out;
  }
  throw std::logic_error("no realistic schema " + schema_name);
}

}  // namespace

Schema people_schema() {
  Table people = make_table(
      "people", {col("id", Type::int32(), false), col("name", Type::string(50), false),
                 col("nickname", Type::string(30)), col("age", Type::int32()),
                 col("score", Type::int16()), col("bio", Type::text()),
                 col_default("balance", Type::decimal(10, 2), false, ColumnDefault{Value{0}}),
                 col_default("active", Type::boolean(), false, ColumnDefault{Value{true}}),
                 col("born", Type::date()), col("created_at", Type::datetime())});
  people.primary_key = PrimaryKey{"pk_people", {"id"}};
  people.uniques = {{"uq_people_name", {"name"}}};
  people.checks = {{"ck_people_age", "age >= 0"}};
  people.indexes = {Index{"ix_people_age", {part("age")}, false, ""}};
  Schema s;
  s.tables = {people};
  return s;
}

Schema library_schema() {
  Table authors = make_table("authors", {identity("id"), col("name", Type::string(100), false),
                                         col("country", Type::string(2))});
  authors.primary_key = PrimaryKey{"pk_authors", {"id"}};

  Table publishers = make_table(
      "publishers", {col("id", Type::int64(), false), col("name", Type::string(80), false)});
  publishers.primary_key = PrimaryKey{"pk_publishers", {"id"}};

  Table books =
      make_table("books", {identity("id"), col("author_id", Type::int64(), false),
                           col("title", Type::string(200), false), col("isbn", Type::string(20)),
                           col("price", Type::decimal(8, 2)), col("sequel_of", Type::int64())});
  books.primary_key = PrimaryKey{"pk_books", {"id"}};
  books.uniques = {{"uq_books_isbn", {"isbn"}}};
  books.foreign_keys = {
      fk("fk_books_author", {"author_id"}, "authors", {"id"}),
      fk("fk_books_sequel", {"sequel_of"}, "books", {"id"}, ReferentialAction::set_null)};
  books.indexes = {Index{"ix_books_title", {part("title")}, false, ""}};

  Table loans = make_table(
      "loans", {col("id", Type::int64(), false), col("book_id", Type::int64(), false),
                col("borrower", Type::string(60), false), col("due", Type::date(), false)});
  loans.primary_key = PrimaryKey{"pk_loans", {"id"}};
  loans.foreign_keys = {
      fk("fk_loans_book", {"book_id"}, "books", {"id"}, ReferentialAction::cascade)};

  Schema s;
  s.tables = {authors, publishers, books, loans};
  return s;
}

Schema settings_schema() {
  Schema s;
  s.tables = {make_table("settings", {col("key", Type::string(40), false),
                                      col("value", Type::text()), col("updated", Type::int64())})};
  return s;
}

Schema league_schema() {
  Table teams =
      make_table("teams", {col("id", Type::int32(), false), col("name", Type::string(40), false)});
  teams.primary_key = PrimaryKey{"pk_teams", {"id"}};
  Table players =
      make_table("players", {col("id", Type::int32(), false), col("team_id", Type::int32(), false),
                             col("name", Type::string(40), false), col("number", Type::int16())});
  players.primary_key = PrimaryKey{"pk_players", {"id"}};
  players.foreign_keys = {fk("fk_players_team", {"team_id"}, "teams", {"id"})};
  players.indexes = {Index{"ix_players_team", {part("team_id"), part("number")}, false, ""}};
  Schema s;
  s.tables = {teams, players};
  return s;
}

Schema namespaced_schema() {
  Schema s = people_schema();
  s.namespaces = {extra_namespace};
  Table events =
      make_table("events", {col("id", Type::int64(), false), col("person_id", Type::int32(), false),
                            col("kind", Type::string(20), false), col("at", Type::datetime())});
  events.name = QualifiedName(extra_namespace, "events");
  events.primary_key = PrimaryKey{"pk_events", {"id"}};
  events.indexes = {Index{"ix_events_kind", {part("kind")}, false, ""}};
  s.tables.push_back(events);
  return s;
}

Schema shop_schema() {
  return realistic_tables(
      "shop", {"categories", "customers", "products", "orders", "order_items", "item_returns"});
}

Schema blog_schema() {
  return realistic_tables("blog", {"authors", "posts", "comments", "tags", "post_tags"});
}

Schema hr_schema() {
  Schema s = realistic_tables("hr", {"departments", "employees", "reviews"});
  // PostgreSQL keeps BETWEEN as the two comparisons it stands for; written so, the check reads
  // back as written on every database.
  check(s, "reviews", "ck_reviews_score").expression = "score >= 1 AND score <= 5";
  return s;
}

Schema details_schema() {
  return realistic_tables("shop", {"categories", "products", "shop_detail_01"});
}

}  // namespace migcmd::convergence
