#include "convergence/pair_groups.hpp"
#include "convergence/schema_pair.hpp"

namespace migcmd::convergence {

std::vector<SchemaPair> convergence_pairs() {
  PairList pairs;
  add_table_pairs(pairs);
  add_column_pairs(pairs);
  add_type_pairs(pairs);
  add_constraint_pairs(pairs);
  add_index_pairs(pairs);
  add_foreign_key_pairs(pairs);
  add_combined_pairs(pairs);
  add_attribute_pairs(pairs);
  return pairs.take();
}

}  // namespace migcmd::convergence
