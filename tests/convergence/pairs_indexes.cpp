// Indexes: plain, unique, multi-column, descending, partial and expression; add, drop, change.

#include "convergence/base_schemas.hpp"
#include "convergence/pair_groups.hpp"

namespace migcmd::convergence {
namespace {

// A pair adding `index` to people (and the reverse, dropping it).
void people_index(PairList& pairs, const Schema& people, const std::string& name,
                  const std::string& kind, Index index) {
  pairs.both("people", people, name, {kind}, {"index_drop"},
             [=](Schema& s) { table(s, "people").indexes.push_back(index); });
}

// A pair replacing ix_people_age by `index` (same name) and back.
void change_people_index(PairList& pairs, const Schema& people, const std::string& name,
                         const std::string& kind, Index index) {
  pairs.both("people", people, name, {kind}, {kind}, [=](Schema& s) {
    ::migcmd::convergence::index(s, "people", "ix_people_age") = index;
  });
}

}  // namespace

void add_index_pairs(PairList& pairs) {
  const Schema people = people_schema();
  people_index(pairs, people, "index_add", "index_add",
               Index{"ix_people_nickname", {part("nickname")}, false, ""});
  people_index(pairs, people, "index_add_unique", "index_add_unique",
               Index{"ux_people_nickname", {part("nickname")}, true, ""});
  people_index(pairs, people, "index_add_multi_column", "index_add_multi",
               Index{"ix_people_age_score", {part("age"), part("score")}, false, ""});
  people_index(pairs, people, "index_add_descending", "index_add_desc",
               Index{"ix_people_score_desc", {part("score", true)}, false, ""});
  people_index(pairs, people, "index_add_mixed_order", "index_add_desc",
               Index{"ix_people_score_name", {part("score", true), part("name")}, false, ""});
  people_index(pairs, people, "index_add_unique_descending", "index_add_unique_desc",
               Index{"ux_people_name_desc", {part("name", true)}, true, ""});
  people_index(pairs, people, "index_add_partial", "index_add_partial",
               Index{"ix_people_nickname_set", {part("nickname")}, false, "nickname IS NOT NULL"});
  people_index(pairs, people, "index_add_unique_partial", "index_add_partial",
               Index{"ux_people_nickname_adult", {part("nickname")}, true, "age > 0"});
  people_index(pairs, people, "index_add_expression", "index_add_expression",
               Index{"ix_people_lower_name", {expression_part("lower(name)")}, false, ""});
  people_index(pairs, people, "index_add_unique_expression", "index_add_expression",
               Index{"ux_people_lower_name", {expression_part("lower(name)")}, true, ""});
  people_index(pairs, people, "index_add_expression_and_column", "index_add_expression",
               Index{"ix_people_lower_nick_age",
                     {expression_part("lower(nickname)", true), part("age")},
                     false,
                     ""});

  change_people_index(pairs, people, "index_change_columns", "index_change_columns",
                      Index{"ix_people_age", {part("age"), part("score")}, false, ""});
  change_people_index(pairs, people, "index_change_unique", "index_change_unique",
                      Index{"ix_people_age", {part("age")}, true, ""});
  change_people_index(pairs, people, "index_change_descending", "index_change_desc",
                      Index{"ix_people_age", {part("age", true)}, false, ""});
  change_people_index(pairs, people, "index_change_partial", "index_change_partial",
                      Index{"ix_people_age", {part("age")}, false, "age IS NOT NULL"});
  change_people_index(pairs, people, "index_change_to_expression", "index_change_expression",
                      Index{"ix_people_age", {expression_part("abs(age)")}, false, ""});
  pairs.both("people", people, "index_rename", {"index_rename"}, {"index_rename"},
             [](Schema& s) { index(s, "people", "ix_people_age").name = "ix_people_years"; });

  const Schema shop = shop_schema();
  pairs.both("shop", shop, "index_drop_descending", {"index_drop_desc"}, {"index_add_desc"},
             [](Schema& s) { drop_named(s, "products", "ix_products_price"); });
  // The index begins with the foreign key's column: MariaDB uses it for the key.
  pairs.both("shop", shop, "index_drop_covering_fk", {"index_drop_covering_fk"},
             {"index_add_covering_fk"},
             [](Schema& s) { drop_named(s, "orders", "ix_orders_customer_placed"); });
  pairs.both(
      "hr", hr_schema(), "index_change_order", {"index_change_columns"}, {"index_change_columns"},
      [](Schema& s) {
        index(s, "reviews", "ix_reviews_year_score").parts = {part("score"), part("year", true)};
      });
  pairs.both("blog", blog_schema(), "index_add_on_fk_column", {"index_add_on_fk_column"},
             {"index_drop_on_fk_column"}, [](Schema& s) {
               table(s, "comments")
                   .indexes.push_back(Index{"ix_comments_post", {part("post_id")}, false, ""});
             });
}

}  // namespace migcmd::convergence
