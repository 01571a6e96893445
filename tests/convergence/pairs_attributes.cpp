// Column attributes besides type, nullability and default: identity, collation and comments, and
// table comments.

#include "convergence/base_schemas.hpp"
#include "convergence/pair_groups.hpp"

namespace migcmd::convergence {
namespace {

void identities(PairList& pairs) {
  const Schema library = library_schema();
  // int64 keys: SQLite's identity is the INTEGER rowid, which reads back as int64.
  pairs.both("library", library, "identity_on", {"identity_on"}, {"identity_off"},
             [](Schema& s) { column(s, "publishers", "id").identity = true; });
  pairs.both("library", library, "identity_off_on_referenced_key",
             {"identity_off", "rebuild_with_incoming_fk"},
             {"identity_on", "rebuild_with_incoming_fk"},
             [](Schema& s) { column(s, "authors", "id").identity = false; });
  pairs.both("library", library, "identity_on_with_other_changes", {"identity_on", "several"},
             {"identity_off", "several"}, [](Schema& s) {
               column(s, "loans", "id").identity = true;
               column(s, "loans", "borrower").type = Type::string(100);
             });
}

void collations(PairList& pairs) {
  const Schema people = people_schema();
  pairs.both("people", people, "collation_set", {"collation_set"}, {"collation_reset"},
             [](Schema& s) { column(s, "people", "nickname").collation = other_collation; });
  pairs.both("people", people, "collation_set_on_unique_column", {"collation_set"},
             {"collation_reset"},
             [](Schema& s) { column(s, "people", "name").collation = other_collation; });
  pairs.both("people", people, "collation_and_type", {"collation_set", "type_varchar_widen"},
             {"collation_reset", "type_varchar_narrow"}, [](Schema& s) {
               Column& c = column(s, "people", "nickname");
               c.collation = other_collation;
               c.type = Type::string(60);
             });
}

void comments(PairList& pairs) {
  const Schema people = people_schema();
  pairs.both("people", people, "column_comment_add", {"column_comment_add"},
             {"column_comment_drop"},
             [](Schema& s) { column(s, "people", "nickname").comment = "what friends say"; });
  Schema commented = people;
  column(commented, "people", "bio").comment = "free text";
  table(commented, "people").comment = "everyone";
  pairs.both("people_commented", commented, "column_comment_change", {"column_comment_change"},
             {"column_comment_change"},
             [](Schema& s) { column(s, "people", "bio").comment = "it's free text"; });
  pairs.both("people", people, "table_comment_add", {"table_comment_add"}, {"table_comment_drop"},
             [](Schema& s) { table(s, "people").comment = "everyone we know"; });
  pairs.both("people_commented", commented, "table_comment_change", {"table_comment_change"},
             {"table_comment_change"},
             [](Schema& s) { table(s, "people").comment = "everyone, again"; });
  pairs.both("library", library_schema(), "comments_with_type_change",
             {"column_comment_add", "table_comment_add", "type_change_referenced_table"},
             {"column_comment_drop", "table_comment_drop", "type_change_referenced_table"},
             [](Schema& s) {
               Column& c = column(s, "authors", "name");
               c.comment = "as printed";
               c.type = Type::string(150);
               table(s, "authors").comment = "who wrote the books";
             });
}

}  // namespace

void add_attribute_pairs(PairList& pairs) {
  identities(pairs);
  collations(pairs);
  comments(pairs);
}

}  // namespace migcmd::convergence
