#pragma once
// The schemas pairs start from: small hand-written ones, and groups of tables taken from the
// realistic schemas (tests/support/realistic_schemas.hpp).

#include "migcmd/schema.hpp"

namespace migcmd::convergence {

// people: one table with a column of most kinds, a key, a unique, a check and an index.
[[nodiscard]] Schema people_schema();
// library: authors <- books (self-referencing sequel_of) <- loans, and publishers.
[[nodiscard]] Schema library_schema();
// settings: a table without a primary key.
[[nodiscard]] Schema settings_schema();
// league: teams <- players, on int32 keys (SQLite reads an identity back as int64, so these
// keys are not identities).
[[nodiscard]] Schema league_schema();
// people plus a table in the extra namespace (convergence::extra_namespace).
[[nodiscard]] Schema namespaced_schema();

// From the realistic schemas, without their partial and expression indexes (pairs add those
// themselves, for the databases that have them).
[[nodiscard]] Schema shop_schema();     // categories, customers, products, orders, order_items...
[[nodiscard]] Schema blog_schema();     // authors, posts, comments, tags, post_tags
[[nodiscard]] Schema hr_schema();       // departments, employees, reviews
[[nodiscard]] Schema details_schema();  // categories, products and one table of every type

}  // namespace migcmd::convergence
