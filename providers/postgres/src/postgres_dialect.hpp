#pragma once
// The PostgreSQL dialect (internal; see migcmd/providers/postgres.hpp).

#include <string>
#include <string_view>

#include "migcmd/dialect.hpp"

namespace migcmd::postgres {

class PostgresDialect : public Dialect {
 public:
  [[nodiscard]] std::string_view name() const noexcept override { return "postgres"; }
  [[nodiscard]] Capabilities capabilities() const override;
  [[nodiscard]] std::string quote_identifier(std::string_view identifier) const override;
  [[nodiscard]] std::string literal(const Value& value) const override;
  [[nodiscard]] std::string type_sql(const Type& type) const override;

 protected:
  using Dialect::emit;
  void emit(const CreateTable& op, const Context& ctx) const override;
  void emit(const AddColumn& op, const Context& ctx) const override;
  void emit(const AlterColumn& op, const Context& ctx) const override;
  void emit(const DropPrimaryKey& op, const Context& ctx) const override;
  void emit(const DropUnique& op, const Context& ctx) const override;
  void emit(const DropCheck& op, const Context& ctx) const override;
  void emit(const DropForeignKey& op, const Context& ctx) const override;

  [[nodiscard]] std::string column_definition(const Column& column,
                                              const QualifiedName& table) const override;
  [[nodiscard]] std::string create_index_sql(const QualifiedName& table,
                                             const Index& index) const override;

 private:
  // COMMENT ON COLUMN for a column that has a comment.
  void comment_on_column(const QualifiedName& table, const Column& column,
                         const Context& ctx) const;
  // ALTER TABLE ... DROP CONSTRAINT for the named constraint of `op`.
  void drop_constraint(const Operation& op, const QualifiedName& table, const std::string& name,
                       std::string_view what, const Context& ctx) const;
};

}  // namespace migcmd::postgres
