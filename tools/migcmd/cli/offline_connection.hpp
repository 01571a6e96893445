#pragma once
// A connection that is not there, for `script --offline`: the migrator needs a Connection to be
// built, and an offline script must not read the database. Any use is a bug and says so.

#include <string>

#include "migcmd/connection.hpp"

namespace migcmd::cli {

class OfflineConnection : public Connection {
 public:
  explicit OfflineConnection(std::string dialect_name, std::string redacted_url)
      : dialect_name_(std::move(dialect_name)), redacted_url_(std::move(redacted_url)) {}

  [[nodiscard]] std::string_view dialect_name() const noexcept override { return dialect_name_; }
  [[nodiscard]] std::string redacted_url() const override { return redacted_url_; }
  void execute(const std::string& sql, const std::vector<Value>& parameters) override;
  [[nodiscard]] QueryResult query(const std::string& sql,
                                  const std::vector<Value>& parameters) override;
  void begin() override;
  void commit() override;
  void rollback() override;

 private:
  std::string dialect_name_;
  std::string redacted_url_;
};

}  // namespace migcmd::cli
