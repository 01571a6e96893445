#pragma once
// A convergence pair: a schema a database has (`current`) and the schema it should have
// (`desired`). The differ's operations, run on a database holding `current` with rows in every
// table, must leave exactly `desired`, with the rows' values in the columns both schemas keep.

#include <map>
#include <string>
#include <vector>

#include "migcmd/schema.hpp"
#include "migcmd/value.hpp"

namespace migcmd::convergence {

// The placeholder name of the extra schema (namespace) pairs create; each database replaces it
// with a name of its own, so that concurrent runs do not collide.
inline constexpr const char* extra_namespace = "conv_ns";
// The placeholder collation of the pairs that set one: each database replaces it with a collation
// it has besides its default (collation names are the database's own).
inline constexpr const char* other_collation = "conv_collation";

struct SchemaPair {
  std::string name;                // "people/add_column_nullable", unique
  std::vector<std::string> kinds;  // the kinds of change it covers: "add_column", "fk_add"...
  Schema current;
  Schema desired;
  std::map<std::string, std::string> renames;  // DiffOptions::renames
  // Seed values replacing the generated ones: "table.column" -> one value per row.
  std::map<std::string, std::vector<Value>> values;
};

// Every pair, in a fixed order: the same list on every run and for every database.
[[nodiscard]] std::vector<SchemaPair> convergence_pairs();

}  // namespace migcmd::convergence
