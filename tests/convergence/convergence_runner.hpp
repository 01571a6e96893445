#pragma once
// Runs every pair a database can hold: in a fresh database, create `current` and fill every
// table; diff what was read against `desired`, run the operations, read again; the result must
// diff empty against `desired` both ways, and the rows must keep their values in the columns
// both schemas have. Failures are doctest CHECKs naming the pair.

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "convergence/pair_requirements.hpp"
#include "migcmd/connection.hpp"
#include "migcmd/provider.hpp"

namespace migcmd::convergence {

// One pair's database: empty when made, dropped (with its extra namespace) when destroyed.
class PairDatabase {
 public:
  virtual ~PairDatabase() = default;
  [[nodiscard]] virtual Connection& connection() = 0;
  // The name convergence::extra_namespace gets in this database.
  [[nodiscard]] virtual std::string namespace_name() const = 0;
};

struct Target {
  std::string name;  // "postgres"
  const Provider* provider = nullptr;
  DialectTraits traits;
  std::function<std::unique_ptr<PairDatabase>()> fresh;
  // Statements run before and after creating `current` (its tables still empty), to set the
  // session up for a faster start; never around the migration under test.
  std::string before_create, after_create;
};

struct RunSummary {
  int pairs = 0;                         // generated
  int supported = 0;                     // the database can hold both schemas
  int with_operations = 0;               // ran, and the diff had operations there
  std::vector<std::string> left_out;     // "name: reason"
  std::vector<std::string> empty_diffs;  // supported pairs whose schemas are the same here
  std::map<std::string, int> kinds;      // kind of change -> supported pairs covering it
};

// Runs the pairs on `target`, one CHECK context per pair, and reports what it did (MESSAGE).
RunSummary run_convergence(const Target& target);

}  // namespace migcmd::convergence
