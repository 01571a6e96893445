#pragma once
// A fresh SQLite database file per test with the SQLite dialect and the schema model kept in
// step with what was applied, and readers of SQLite's own catalog (pragma table_xinfo,
// index_list, index_xinfo, foreign_key_list, sqlite_schema).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "migcmd/migcmd.hpp"

namespace migcmd::test::sqlite {

class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  [[nodiscard]] Connection& db() { return *connection_; }
  [[nodiscard]] const Dialect& dialect() const { return *dialect_; }
  [[nodiscard]] const Schema& schema() const { return schema_; }
  [[nodiscard]] const std::filesystem::path& file() const { return file_; }

  // Renders `ops` against the model and runs them as one unit (run_commands). The model follows
  // only when they succeed.
  void apply(const OperationList& ops, const RenderOptions& options = {});
  // Creates the sample schema (users, orders) of tests/support/sample_operations.hpp.
  void create_sample_schema();

  void exec(const std::string& sql, const std::vector<Value>& parameters = {});
  [[nodiscard]] std::vector<Row> rows(const std::string& sql,
                                      const std::vector<Value>& parameters = {});
  // The single cell of a one-row result ("NULL" for SQL NULL).
  [[nodiscard]] std::string scalar(const std::string& sql,
                                   const std::vector<Value>& parameters = {});
  [[nodiscard]] std::string q(const std::string& identifier) const {
    return dialect_->quote_identifier(identifier);
  }

 private:
  std::filesystem::path dir_;
  std::filesystem::path file_;
  std::unique_ptr<Dialect> dialect_;
  std::unique_ptr<Connection> connection_;
  Schema schema_;
};

struct CatalogColumn {
  std::string name;
  std::string type;
  bool not_null = false;
  std::optional<std::string> default_sql;
  int pk = 0;  // position in the primary key, 0 if not in it
};

struct CatalogIndex {
  std::string name;
  bool unique = false;
  std::string origin;  // "c" CREATE INDEX, "u" UNIQUE constraint, "pk" primary key
  bool partial = false;
  std::vector<std::string> parts;  // column names, "<expr>" for an expression, " DESC" appended
};

struct CatalogForeignKey {
  std::string table;
  std::vector<std::string> from;
  std::vector<std::string> to;
  std::string on_update;
  std::string on_delete;
  friend bool operator==(const CatalogForeignKey&, const CatalogForeignKey&) = default;
};

[[nodiscard]] std::vector<CatalogColumn> catalog_columns(TestDatabase& t, const std::string& table);
[[nodiscard]] std::vector<CatalogIndex> catalog_indexes(TestDatabase& t, const std::string& table);
[[nodiscard]] std::vector<CatalogForeignKey> catalog_foreign_keys(TestDatabase& t,
                                                                  const std::string& table);
// The CREATE statement sqlite_schema keeps for a table, index or trigger ("" if there is none).
[[nodiscard]] std::string stored_sql(TestDatabase& t, const std::string& name);
// Every schema object and every row of every table (and sqlite_sequence): the whole state, to
// prove a failed migration left the database exactly as it was.
[[nodiscard]] std::vector<Row> whole_state(TestDatabase& t);

// Checks (doctest CHECKs) that the catalog has exactly what the model says for every table:
// columns (names, declared types, NOT NULL, defaults, primary key), unique constraints, indexes,
// foreign keys, named checks and triggers.
void check_catalog_matches_model(TestDatabase& t);

}  // namespace migcmd::test::sqlite
