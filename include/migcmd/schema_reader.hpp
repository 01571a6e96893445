#pragma once
// What a provider's schema reader reads: the options of Provider::read_schema.

#include <string>
#include <vector>

#include "migcmd/schema/name.hpp"

namespace migcmd {

struct ReadOptions {
  // Schemas (namespaces) to read. Empty: the connection's default schema only, whose tables get
  // an empty QualifiedName::schema (so they compare equal to a model written without schemas);
  // tables of a listed schema carry its name.
  std::vector<std::string> schemas;
  // migcmd's own tables are always left out: the history table and its "_lock" companion.
  QualifiedName history_table{"migcmd_history"};
  // Further tables to leave out (e.g. another tool's history table).
  std::vector<QualifiedName> exclude;
};

}  // namespace migcmd
