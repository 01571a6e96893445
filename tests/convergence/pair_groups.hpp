#pragma once
// The groups of pairs convergence_pairs() is made of, one file each.

#include "convergence/pair_builder.hpp"

namespace migcmd::convergence {

void add_table_pairs(PairList& pairs);       // create, drop, rename tables; namespaces
void add_column_pairs(PairList& pairs);      // add, drop, rename columns; nullability; defaults
void add_type_pairs(PairList& pairs);        // type changes
void add_constraint_pairs(PairList& pairs);  // primary keys, uniques, checks
void add_index_pairs(PairList& pairs);  // plain, unique, multi-column, DESC, partial, expression
void add_foreign_key_pairs(PairList& pairs);  // add, drop, change; self and cross-table
void add_combined_pairs(PairList& pairs);     // several changes at once; referenced tables
void add_attribute_pairs(PairList& pairs);    // identity, collation, column and table comments

}  // namespace migcmd::convergence
