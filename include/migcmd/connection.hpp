#pragma once
// A database connection as migcmd needs it: statements, queries returning text cells, and
// transactions. Providers implement it over SOCI; no public header includes SOCI.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "migcmd/sql_command.hpp"
#include "migcmd/value.hpp"

namespace migcmd {

using Row = std::vector<std::optional<std::string>>;  // std::nullopt: SQL NULL

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<Row> rows;
};

class Connection {
 public:
  virtual ~Connection() = default;

  [[nodiscard]] virtual std::string_view dialect_name() const noexcept = 0;
  // The URL with its password replaced by "***".
  [[nodiscard]] virtual std::string redacted_url() const = 0;

  // Throws DatabaseError naming the statement.
  virtual void execute(const std::string& sql, const std::vector<Value>& parameters = {}) = 0;
  [[nodiscard]] virtual QueryResult query(const std::string& sql,
                                          const std::vector<Value>& parameters = {}) = 0;

  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
};

// Runs rendered commands as one unit: before_transaction commands; BEGIN; the others in order
// (a check command fails when it returns rows); COMMIT, or ROLLBACK on failure; then
// after_transaction commands, in both cases. With `use_transaction` false (or a no_transaction
// command present) nothing is wrapped in a transaction.
void run_commands(Connection& connection, const SqlCommands& commands, bool use_transaction = true);

}  // namespace migcmd
