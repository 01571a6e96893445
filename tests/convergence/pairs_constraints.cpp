// Primary keys, unique constraints and checks: add, drop, change.

#include "convergence/base_schemas.hpp"
#include "convergence/pair_groups.hpp"

namespace migcmd::convergence {
namespace {

void primary_keys(PairList& pairs) {
  const Schema settings = settings_schema();
  pairs.both("settings", settings, "pk_add", {"pk_add"}, {"pk_drop"}, [](Schema& s) {
    table(s, "settings").primary_key = PrimaryKey{"pk_settings", {"key"}};
  });
  // A key column is NOT NULL on every database, so the model says so.
  pairs.both("settings", settings, "pk_add_composite", {"pk_add_composite", "nullable_off"},
             {"pk_drop", "nullable_on"}, [](Schema& s) {
               table(s, "settings").primary_key = PrimaryKey{"pk_settings", {"key", "updated"}};
               column(s, "settings", "updated").nullable = false;
             });
  const Schema people = people_schema();
  pairs.both("people", people, "pk_change_columns", {"pk_change"}, {"pk_change"}, [](Schema& s) {
    table(s, "people").primary_key = PrimaryKey{"pk_people", {"id", "name"}};
  });
  pairs.both("people", people, "pk_drop", {"pk_drop"}, {"pk_add"},
             [](Schema& s) { table(s, "people").primary_key.reset(); });
  pairs.both("hr", hr_schema(), "pk_change_composite", {"pk_change"}, {"pk_change"}, [](Schema& s) {
    table(s, "reviews").primary_key = PrimaryKey{"pk_reviews", {"year", "employee_id"}};
  });
  pairs.both("league", league_schema(), "pk_change_with_outgoing_fk", {"pk_change"}, {"pk_change"},
             [](Schema& s) {
               table(s, "players").primary_key = PrimaryKey{"pk_players", {"team_id", "id"}};
             });
}

void uniques(PairList& pairs) {
  const Schema people = people_schema();
  pairs.both("people", people, "unique_add", {"unique_add"}, {"unique_drop"}, [](Schema& s) {
    table(s, "people").uniques.push_back({"uq_people_nickname", {"nickname"}});
  });
  pairs.both("people", people, "unique_add_multi_column", {"unique_add_multi"},
             {"unique_drop_multi"}, [](Schema& s) {
               table(s, "people").uniques.push_back({"uq_people_age_score", {"age", "score"}});
             });
  pairs.both("people", people, "unique_change_columns", {"unique_change"}, {"unique_change"},
             [](Schema& s) {
               unique(s, "people", "uq_people_name").columns = {"name", "nickname"};
             });
  pairs.both("library", library_schema(), "unique_add_on_child", {"unique_add_multi"},
             {"unique_drop_multi"}, [](Schema& s) {
               table(s, "loans").uniques.push_back({"uq_loans_book_due", {"book_id", "due"}});
             });
  pairs.both("blog", blog_schema(), "unique_drop_multi_column", {"unique_drop_multi"},
             {"unique_add_multi"},
             [](Schema& s) { drop_named(s, "posts", "uq_posts_author_slug"); });
}

void checks(PairList& pairs) {
  const Schema people = people_schema();
  pairs.both("people", people, "check_add", {"check_add"}, {"check_drop"}, [](Schema& s) {
    table(s, "people").checks.push_back({"ck_people_score", "score >= 0"});
  });
  pairs.both("people", people, "check_change", {"check_change"}, {"check_change"},
             [](Schema& s) { check(s, "people", "ck_people_age").expression = "age < 150"; });
  pairs.both("people", people, "check_add_two_columns", {"check_add_multi_column"}, {"check_drop"},
             [](Schema& s) {
               table(s, "people")
                   .checks.push_back({"ck_people_balance_age", "balance >= 0 AND age <= 150"});
             });
  pairs.both("people", people, "check_add_in_list", {"check_add_in_list"}, {"check_drop"},
             [](Schema& s) {
               table(s, "people").checks.push_back({"ck_people_score_in", "score IN (1, 2, 3)"});
             });
  pairs.both("shop", shop_schema(), "check_add_string_list", {"check_add_string"}, {"check_drop"},
             [](Schema& s) {
               table(s, "orders")
                   .checks.push_back({"ck_orders_status", "status IN ('new', 'paid', 'shipped')"});
             },
             {}, {{"orders.status", {Value{"new"}, Value{"paid"}, Value{"new"}}}});
  pairs.both("shop", shop_schema(), "check_drop_on_referenced_table", {"check_drop"}, {"check_add"},
             [](Schema& s) { drop_named(s, "products", "ck_products_stock"); });
  pairs.both("hr", hr_schema(), "check_change_range", {"check_change"}, {"check_change"},
             [](Schema& s) {
               check(s, "reviews", "ck_reviews_score").expression = "score >= 0 AND score <= 10";
             });
}

}  // namespace

void add_constraint_pairs(PairList& pairs) {
  primary_keys(pairs);
  uniques(pairs);
  checks(pairs);
}

}  // namespace migcmd::convergence
