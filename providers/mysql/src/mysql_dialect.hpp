#pragma once
// The MySQL / MariaDB dialect. Targets MySQL 8.0.19+ (CHECK enforcement, ALTER TABLE ... DROP
// CONSTRAINT, parenthesised expression defaults) and MariaDB 10.5+ (RENAME COLUMN, RENAME INDEX).
// What either server would refuse is refused here, at render time, with a hint.

#include <string>
#include <vector>

#include "migcmd/dialect.hpp"

namespace migcmd::mysql {

// Why the dialect refuses something, thrown by its checks and turned into
// Error(unsupported_operation) naming the operation ("mysql cannot <what> (<operation>)").
struct Rejection {
  std::string what;
  std::string hint;
};

class MySqlDialect final : public Dialect {
 public:
  [[nodiscard]] std::string_view name() const noexcept override { return "mysql"; }
  [[nodiscard]] Capabilities capabilities() const override;
  [[nodiscard]] std::string quote_identifier(std::string_view identifier) const override;
  [[nodiscard]] std::string literal(const Value& value) const override;
  [[nodiscard]] std::string type_sql(const Type& type) const override;

 protected:
  using Dialect::emit;
  void emit(const CreateTable& op, const Context& ctx) const override;
  void emit(const DropTable& op, const Context& ctx) const override;
  void emit(const RenameTable& op, const Context& ctx) const override;
  void emit(const SetTableComment& op, const Context& ctx) const override;
  void emit(const EnsureSchema& op, const Context& ctx) const override;
  void emit(const AddColumn& op, const Context& ctx) const override;
  void emit(const DropColumn& op, const Context& ctx) const override;
  void emit(const RenameColumn& op, const Context& ctx) const override;
  void emit(const AlterColumn& op, const Context& ctx) const override;
  void emit(const CreateIndex& op, const Context& ctx) const override;
  void emit(const DropIndex& op, const Context& ctx) const override;
  void emit(const RenameIndex& op, const Context& ctx) const override;
  void emit(const AddPrimaryKey& op, const Context& ctx) const override;
  void emit(const DropPrimaryKey& op, const Context& ctx) const override;
  void emit(const AddUnique& op, const Context& ctx) const override;
  void emit(const DropUnique& op, const Context& ctx) const override;
  void emit(const AddCheck& op, const Context& ctx) const override;
  void emit(const DropCheck& op, const Context& ctx) const override;
  void emit(const AddForeignKey& op, const Context& ctx) const override;
  void emit(const DropForeignKey& op, const Context& ctx) const override;
  void emit(const InsertRows& op, const Context& ctx) const override;
  void emit(const UpdateRows& op, const Context& ctx) const override;
  void emit(const DeleteRows& op, const Context& ctx) const override;

  [[nodiscard]] std::string column_definition(const Column& column,
                                              const QualifiedName& table) const override;
  [[nodiscard]] std::string identity_clause(const Column& column) const override;
  [[nodiscard]] std::string table_elements(const Table& table) const override;
  [[nodiscard]] std::string primary_key_clause(const PrimaryKey& key) const override;
  [[nodiscard]] std::string create_index_sql(const QualifiedName& table,
                                             const Index& index) const override;
  [[nodiscard]] std::string index_part(const IndexPart& part) const override;

 private:
  // A column definition; `in_primary_key` columns are NOT NULL whatever the model says, as the
  // server makes them (an explicit NULL there is an error).
  [[nodiscard]] std::string column_sql(const Column& column, const QualifiedName& table,
                                       bool in_primary_key) const;
  [[nodiscard]] std::string default_sql(const Column& column, const QualifiedName& table) const;
  [[nodiscard]] std::string text_literal(std::string_view text) const;
  // The index definition inside CREATE TABLE: "[UNIQUE ]INDEX `ix` (`a`, `b` DESC)".
  [[nodiscard]] std::string inline_index(const Index& index) const;

  // Checks (mysql_keys.cpp), each throwing Rejection. `table` may be null when the schema does not
  // describe it; only what can be known is checked.
  void check_key(const Table* table, const std::vector<std::string>& columns,
                 std::string_view key) const;
  void check_index(const Table* table, const Index& index) const;
  void check_foreign_key(const Table& table, const ForeignKey& key, const Table* target) const;
  void check_table(const Table& table, const Schema& schema) const;
  void check_identity(const Table& table) const;
  void check_table_comment(const QualifiedName& table, const std::string& comment) const;
  // Dropping the key `dropped` ("PRIMARY" or an index or unique constraint name) of `table` must
  // leave an index for each foreign key and for the AUTO_INCREMENT column. Returns the clauses
  // that keep one for the table's own foreign keys, to put before the drop in its ALTER TABLE:
  // "ADD INDEX `fk` (`a`), " for each key the dropped one alone served.
  [[nodiscard]] std::string drop_key_prefix(const Schema& schema, const Table& table,
                                            std::string_view dropped) const;
  // Whether a key or index of the model begins with `columns`. A foreign key over columns no
  // such index serves has the index InnoDB made for it, named after the key.
  [[nodiscard]] static bool has_index_for(const Table& table,
                                          const std::vector<std::string>& columns);

  // Runs `render`, turning a Rejection into Error(unsupported_operation) naming `op`.
  template <typename Op, typename F>
  void guarded(const Op& op, F&& render) const {
    try {
      render();
    } catch (const Rejection& r) {
      unsupported(op, r.what, r.hint);
    }
  }
};

}  // namespace migcmd::mysql
