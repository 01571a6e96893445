#pragma once
// A fresh SQLite database file per test, read through the provider's read_schema, and a
// Connection wrapper counting the queries the reader sends.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "migcmd/diff.hpp"
#include "migcmd/migcmd.hpp"
#include "migcmd/provider.hpp"
#include "migcmd/schema_reader.hpp"

namespace migcmd::test::sqlite_reader {

class FreshDatabase {
 public:
  FreshDatabase();
  ~FreshDatabase();
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;

  [[nodiscard]] Connection& db() { return *connection_; }
  [[nodiscard]] const Provider& provider() const { return *provider_; }
  [[nodiscard]] const Dialect& dialect() const { return provider_->dialect(); }

  // Renders create_operations(schema) and runs it.
  void create(const Schema& schema);
  void exec(const std::string& sql) { connection_->execute(sql); }
  [[nodiscard]] Schema read(const ReadOptions& options = {});

 private:
  std::filesystem::path dir_;
  std::shared_ptr<const Provider> provider_;
  std::unique_ptr<Connection> connection_;
};

class CountingConnection final : public Connection {
 public:
  explicit CountingConnection(Connection& inner) : inner_(inner) {}

  [[nodiscard]] std::string_view dialect_name() const noexcept override {
    return inner_.dialect_name();
  }
  [[nodiscard]] std::string redacted_url() const override { return inner_.redacted_url(); }
  void execute(const std::string& sql, const std::vector<Value>& parameters) override {
    ++statements;
    inner_.execute(sql, parameters);
  }
  [[nodiscard]] QueryResult query(const std::string& sql,
                                  const std::vector<Value>& parameters) override {
    ++statements;
    return inner_.query(sql, parameters);
  }
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override { inner_.rollback(); }

  int statements = 0;

 private:
  Connection& inner_;
};

// The operations of diff(from, to), one per line, to show why a diff is not empty.
[[nodiscard]] std::string describe_diff(const SchemaDiff& diff);

}  // namespace migcmd::test::sqlite_reader
