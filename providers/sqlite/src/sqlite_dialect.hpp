#pragma once

#include "migcmd/dialect.hpp"

namespace migcmd::sqlite {

class SqliteDialect : public Dialect {
 public:
  std::string_view name() const noexcept override { return "sqlite"; }
  Capabilities capabilities() const override { return {}; }
  std::string quote_identifier(std::string_view id) const override { return "\"" + std::string(id) + "\""; }
  std::string literal(const Value&) const override { return "NULL"; }
  std::string type_sql(const Type&) const override { return "TEXT"; }

 protected:
  using Dialect::emit;
  void emit(const AlterColumn&, const Context&) const override {}
};

}  // namespace migcmd::sqlite
