#pragma once
// Three realistic schemas (a shop, a blog, an HR system; 50+ tables between them) for the schema
// readers' round-trip and self-diff tests: every portable type, composite keys, self-referencing
// and cross-table foreign keys, checks, and partial and expression indexes where the database
// has them.

#include <string>
#include <vector>

#include "migcmd/capabilities.hpp"
#include "migcmd/schema.hpp"

namespace migcmd::test {

struct NamedSchema {
  std::string name;
  Schema schema;
};

// Only what `capabilities` can express: no partial or expression indexes where they are missing.
[[nodiscard]] std::vector<NamedSchema> realistic_schemas(const Capabilities& capabilities);

}  // namespace migcmd::test
