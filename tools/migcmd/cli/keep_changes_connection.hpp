#pragma once
// Works around a core bug (src/migrator/migrator_tools.cpp + migrator_session.cpp): repair(),
// baseline() and adopt() write the history inside the migration lock, and where the lock is a
// transaction (SQLite's BEGIN IMMEDIATE) MigratorSession::unlock() ends it with rollback(),
// which throws those writes away. This connection forwards everything to the real one, except
// that a rollback() made while no exception is in flight (the successful end of such a command)
// commits instead. A rollback during stack unwinding (a failure) stays a rollback.

#include <memory>

#include "migcmd/connection.hpp"

namespace migcmd::cli {

class KeepChangesConnection : public Connection {
 public:
  explicit KeepChangesConnection(Connection& inner) : inner_(inner) {}

  [[nodiscard]] std::string_view dialect_name() const noexcept override {
    return inner_.dialect_name();
  }
  [[nodiscard]] std::string redacted_url() const override { return inner_.redacted_url(); }
  void execute(const std::string& sql, const std::vector<Value>& parameters) override {
    inner_.execute(sql, parameters);
  }
  [[nodiscard]] QueryResult query(const std::string& sql,
                                  const std::vector<Value>& parameters) override {
    return inner_.query(sql, parameters);
  }
  void begin() override { inner_.begin(); }
  void commit() override { inner_.commit(); }
  void rollback() override;

 private:
  Connection& inner_;
};

}  // namespace migcmd::cli
