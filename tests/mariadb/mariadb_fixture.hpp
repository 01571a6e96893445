#pragma once
// What the MariaDB integration tests share: the test server's URL, a database of its own per test
// case (created with a unique name, dropped at the end), and catalog look-ups. A test case FAILs,
// naming tools/dev/dbs.sh, when the server cannot be reached.

#include <doctest/doctest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/connection.hpp"
#include "migcmd/dialect.hpp"
#include "migcmd/error.hpp"
#include "migcmd/operations.hpp"
#include "migcmd/schema.hpp"

namespace mariadb_test {

using namespace migcmd;

// MIGCMD_TEST_MARIADB_URL, or the server tools/dev/dbs.sh starts.
[[nodiscard]] std::string server_url();
// `url` with its database replaced by `database`.
[[nodiscard]] std::string url_for(const std::string& url, const std::string& database);
// A connection to `url`; FAILs the test case when the server cannot be reached.
[[nodiscard]] std::unique_ptr<Connection> connect_or_fail(const std::string& url);

// A column as information_schema.COLUMNS describes it.
struct ColumnInfo {
  std::string column_type;  // "varchar(50)", "bigint(20)", "timestamp(6)"
  bool nullable = false;
  std::optional<std::string> default_value;  // MariaDB's text: "'n/a'", "0", "current_timestamp(6)"
  std::string extra;                         // "auto_increment"...
  std::string comment;
  std::string collation;
};

// An index as information_schema.STATISTICS describes it.
struct IndexInfo {
  bool unique = false;
  std::vector<std::string> columns;  // "col" or "col DESC", in order
};

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  [[nodiscard]] Connection& connection() { return *connection_; }
  [[nodiscard]] const Dialect& dialect() const { return *dialect_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  // The schema the operations applied so far have produced (replayed as the migrator would).
  [[nodiscard]] const Schema& schema() const { return schema_; }

  // Renders `ops` against schema() and runs them with run_commands; then replays them.
  void apply(const OperationList& ops, const RenderOptions& options = {});
  void execute(const std::string& sql);
  // Whether running `sql` fails with a DatabaseError (and the statement had no effect).
  [[nodiscard]] bool rejects(const std::string& sql);
  [[nodiscard]] std::vector<Row> rows(const std::string& sql);
  // The first cell of the only row; FAILs unless there is exactly one row.
  [[nodiscard]] std::optional<std::string> value(const std::string& sql);
  [[nodiscard]] long count(const std::string& from_where);

  // A SQL string literal (for catalog queries over names the tests chose).
  [[nodiscard]] std::string lit(const std::string& text) const;
  [[nodiscard]] std::optional<ColumnInfo> column(const std::string& table,
                                                 const std::string& column,
                                                 const std::string& database = {});
  [[nodiscard]] std::optional<IndexInfo> index(const std::string& table, const std::string& index);
  [[nodiscard]] bool table_exists(const std::string& table, const std::string& database = {});
  // A database dropped with this one at the end (for ensure_schema).
  [[nodiscard]] std::string extra_database(const std::string& suffix);

 private:
  std::unique_ptr<Connection> admin_;
  std::unique_ptr<Connection> connection_;
  std::unique_ptr<Dialect> dialect_;
  std::string name_;
  std::vector<std::string> extra_databases_;
  Schema schema_;
};

// Upper-case hexadecimal of `bytes`, as MySQL's HEX() prints it.
[[nodiscard]] std::string hex(std::string_view bytes);

}  // namespace mariadb_test

// Readable doctest output for catalog values and rows.
namespace doctest {
template <>
struct StringMaker<std::optional<std::string>> {
  static String convert(const std::optional<std::string>& value) {
    return value ? ("\"" + *value + "\"").c_str() : "NULL";
  }
};
template <>
struct StringMaker<migcmd::Row> {
  static String convert(const migcmd::Row& row) {
    std::string out = "{";
    for (const auto& cell : row) {
      if (out.size() > 1) out += ", ";
      out += cell ? "\"" + *cell + "\"" : "NULL";
    }
    return (out + "}").c_str();
  }
};
}  // namespace doctest
