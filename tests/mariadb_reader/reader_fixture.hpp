#pragma once
// What the schema reader's tests share: reading a test database through the provider, a
// connection that counts its queries, and schema comparison with readable failures.

#include <doctest/doctest.h>

#include <string>

#include "mariadb_fixture.hpp"
#include "migcmd/provider.hpp"

namespace mariadb_reader_test {

using namespace migcmd;
using mariadb_test::TestDatabase;

[[nodiscard]] const Provider& provider();
[[nodiscard]] Schema read(Connection& connection, const ReadOptions& options = {});

// Forwards to another connection, counting query() and execute() calls.
class CountingConnection final : public Connection {
 public:
  explicit CountingConnection(Connection& inner) : inner_(inner) {}
  [[nodiscard]] std::string_view dialect_name() const noexcept override {
    return inner_.dialect_name();
  }
  [[nodiscard]] std::string redacted_url() const override { return inner_.redacted_url(); }
  void execute(const std::string& sql, const std::vector<Value>& parameters = {}) override;
  [[nodiscard]] QueryResult query(const std::string& sql,
                                  const std::vector<Value>& parameters = {}) override;
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }
  [[nodiscard]] int statements() const { return statements_; }

 private:
  Connection& inner_;
  int statements_ = 0;
};

// The model as MariaDB gives it back, for comparing a model with what was read from it:
// tables and their named parts in name order (the catalog lists them by name), and the primary
// key unnamed (MySQL calls every primary key PRIMARY and keeps no other name).
[[nodiscard]] Schema as_read(Schema schema);

// One line per table part, for failure messages.
[[nodiscard]] std::string describe_table(const Table& table);

// CHECKs that `actual` equals `expected` table by table, column by column (readable failures),
// then as a whole.
void check_same(const Schema& expected, const Schema& actual);

}  // namespace mariadb_reader_test
