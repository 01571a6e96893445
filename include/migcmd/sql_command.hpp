#pragma once
// One SQL statement produced by a dialect, with where it must run relative to the migration's
// transaction.

#include <string>
#include <vector>

#include "migcmd/value.hpp"

namespace migcmd {

enum class Placement {
  transaction,         // inside the migration's transaction (when there is one)
  no_transaction,      // must not run inside a transaction (CREATE INDEX CONCURRENTLY)
  before_transaction,  // session setup before BEGIN (SQLite: PRAGMA foreign_keys = OFF)
  after_transaction,   // session restore after COMMIT or ROLLBACK, run in both cases
};

struct SqlCommand {
  std::string sql;
  Placement placement = Placement::transaction;
  // When not empty, the statement is a check query: if it returns any row, the migration fails
  // with this message (SQLite: PRAGMA foreign_key_check after a table rebuild).
  std::string fail_if_rows;
  std::vector<Value> parameters;  // bound to :p0, :p1... when rendered with bind_values
  int line = 0;  // for statements from a SQL file: the line they start on (0: not from a file)

  friend bool operator==(const SqlCommand&, const SqlCommand&) = default;
};

using SqlCommands = std::vector<SqlCommand>;

}  // namespace migcmd
