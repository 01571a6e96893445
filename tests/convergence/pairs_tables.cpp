// Whole tables: create, drop, rename (with DiffOptions::renames), and namespaces.

#include "convergence/base_schemas.hpp"
#include "convergence/pair_groups.hpp"

namespace migcmd::convergence {

void add_table_pairs(PairList& pairs) {
  const Schema people = people_schema();
  const Schema library = library_schema();
  const Schema settings = settings_schema();
  const Schema details = details_schema();

  pairs.both("people", people, "create_table_with_fk", {"create_table", "fk_cross_table"},
             {"drop_table"}, [](Schema& s) {
               Table notes;
               notes.name = "notes";
               notes.columns = {col("id", Type::int32(), false),
                                col("person_id", Type::int32(), false),
                                col("body", Type::text(), false), col("pinned", Type::boolean())};
               notes.primary_key = PrimaryKey{"pk_notes", {"id"}};
               notes.foreign_keys = {fk("fk_notes_person", {"person_id"}, "people", {"id"},
                                        ReferentialAction::cascade)};
               notes.indexes = {Index{"ix_notes_person", {part("person_id")}, false, ""}};
               s.tables.push_back(notes);
             });
  pairs.both("library", library, "drop_child_table", {"drop_table"},
             {"create_table", "fk_cross_table"}, [](Schema& s) { drop_table(s, "loans"); });
  // Only forwards: re-creating authors empty would leave the books' author ids dangling, so
  // no database can add the foreign key back with rows in books.
  pairs.add("library", library, "drop_referenced_table", {"drop_table_referenced", "fk_drop"},
            [](Schema& s) {
              drop_table(s, "authors");
              drop_named(s, "books", "fk_books_author");
            });
  pairs.both("details", details, "drop_table_of_every_type", {"drop_table"},
             {"create_table_every_type"}, [](Schema& s) { drop_table(s, "shop_detail_01"); });

  pairs.both("library", library, "rename_child_table", {"rename_table"}, {"rename_table"},
             [](Schema& s) { rename_table(s, "loans", "borrowings"); }, {{"loans", "borrowings"}});
  pairs.both("library", library, "rename_referenced_table", {"rename_table_referenced"},
             {"rename_table_referenced"}, [](Schema& s) { rename_table(s, "authors", "writers"); },
             {{"authors", "writers"}});
  pairs.both("settings", settings, "rename_table_without_key", {"rename_table"}, {"rename_table"},
             [](Schema& s) { rename_table(s, "settings", "preferences"); },
             {{"settings", "preferences"}});

  // Namespaces are created, never dropped (EnsureSchema has no inverse): forwards only.
  pairs.add("people", people, "create_namespace_and_table", {"create_namespace", "create_table"},
            [](Schema& s) { s = namespaced_schema(); });
  const Schema namespaced = namespaced_schema();
  pairs.both("namespaced", namespaced, "create_table_in_namespace", {"create_table_in_namespace"},
             {"drop_table_in_namespace"}, [](Schema& s) {
               Table audit;
               audit.name = QualifiedName(extra_namespace, "audit");
               audit.columns = {col("id", Type::int64(), false), col("what", Type::text())};
               audit.primary_key = PrimaryKey{"pk_audit", {"id"}};
               s.tables.push_back(audit);
             });
  pairs.both("namespaced", namespaced, "fk_across_namespaces", {"fk_cross_namespace"},
             {"fk_drop_cross_namespace"}, [](Schema& s) {
               table(s, QualifiedName(extra_namespace, "events"))
                   .foreign_keys.push_back(fk("fk_events_person", {"person_id"}, "people", {"id"}));
             });
  pairs.both("namespaced", namespaced, "alter_table_in_namespace",
             {"add_column_in_namespace", "type_varchar_widen"},
             {"drop_column_in_namespace", "type_varchar_narrow"}, [](Schema& s) {
               const QualifiedName events(extra_namespace, "events");
               table(s, events).columns.push_back(col("note", Type::text()));
               column(s, events, "kind").type = Type::string(40);
             });
}

}  // namespace migcmd::convergence
