#include "risk_support.hpp"

#include <stdexcept>

#include "migcmd/providers/mysql.hpp"
#include "migcmd/providers/postgres.hpp"
#include "migcmd/providers/sqlite.hpp"

namespace risk_test {
namespace {

class LambdaMigration : public migcmd::Migration {
 public:
  explicit LambdaMigration(std::function<void(migcmd::MigrationBuilder&)> up)
      : up_(std::move(up)) {}
  void up(migcmd::MigrationBuilder& builder) override { up_(builder); }

 private:
  std::function<void(migcmd::MigrationBuilder&)> up_;
};

}  // namespace

const migcmd::Dialect& dialect(const std::string& name) {
  static const auto postgres = migcmd::postgres::make_dialect();
  static const auto mysql = migcmd::mysql::make_dialect();
  static const auto sqlite = migcmd::sqlite::make_dialect();
  if (name == "postgres") return *postgres;
  if (name == "mysql") return *mysql;
  if (name == "sqlite") return *sqlite;
  throw std::invalid_argument("no dialect " + name);
}

migcmd::MigrationScript sql_migration(std::string sql, bool transactional, std::string version) {
  migcmd::MigrationScript m;
  m.version = std::move(version);
  m.name = "test";
  m.format = migcmd::SourceFormat::flyway;
  m.source = "migrations/V" + m.version + "__test.sql";
  m.up_sql = std::move(sql);
  m.metadata.transactional = transactional;
  return m;
}

migcmd::MigrationScript code_migration(std::function<void(migcmd::MigrationBuilder&)> up,
                                       std::string version) {
  migcmd::MigrationScript m;
  m.version = std::move(version);
  m.name = "code_test";
  m.format = migcmd::SourceFormat::code;
  m.source = "code";
  m.code = std::make_shared<LambdaMigration>(std::move(up));
  return m;
}

std::vector<std::string> active_codes(const migcmd::governance::RiskReport& report) {
  std::vector<std::string> codes;
  for (const auto& f : report.findings) {
    if (!f.waived()) codes.push_back(f.code);
  }
  return codes;
}

bool has_active(const migcmd::governance::RiskReport& report, const std::string& code) {
  for (const auto& f : report.findings) {
    if (!f.waived() && f.code == code) return true;
  }
  return false;
}

std::string dump(const migcmd::governance::RiskReport& report) {
  std::string text;
  for (const auto& f : report.findings) text += migcmd::governance::format_finding(f);
  return text.empty() ? "(no findings)" : text;
}

}  // namespace risk_test
