#pragma once
// A dialect renders operations as SQL for one database: type mapping, identifier quoting,
// literals and what its ALTER statements can do. Dialects are pure: no connection, no I/O.
//
// Rendering takes the schema the database has before the first operation, because some
// operations need definitions they do not carry: SQLite rebuilds a table to alter a column,
// MySQL's MODIFY COLUMN restates the whole column. The base class replays each operation on a
// working copy of that schema (apply_operation), so later operations see earlier ones.

#include <memory>
#include <string>
#include <string_view>

#include "migcmd/capabilities.hpp"
#include "migcmd/operations.hpp"
#include "migcmd/schema.hpp"
#include "migcmd/sql_command.hpp"

namespace migcmd {

struct RenderOptions {
  // Data operations bind their values as parameters (:p0, :p1...) instead of rendering literals.
  bool bind_values = false;
};

class Dialect {
 public:
  virtual ~Dialect() = default;

  // "sqlite", "postgres", "mysql", "sqlserver": the key of RawSql::per_dialect.
  [[nodiscard]] virtual std::string_view name() const noexcept = 0;
  [[nodiscard]] virtual Capabilities capabilities() const = 0;

  // Renders `ops` in order against `current`. Throws Error(unsupported_operation) naming the
  // operation when the database cannot express it, before returning any SQL, and
  // Error(invalid_migration) when an operation refers to something `current` lacks and the
  // dialect needs it.
  [[nodiscard]] SqlCommands generate(const OperationList& ops, const Schema& current = {},
                                     const RenderOptions& options = {}) const;

  // Identifier quoting with embedded quote characters escaped. Rejects NUL characters.
  [[nodiscard]] virtual std::string quote_identifier(std::string_view identifier) const = 0;
  [[nodiscard]] std::string quote_name(const QualifiedName& name) const;
  // An escaped SQL literal for the value. Rejects values the database cannot represent.
  [[nodiscard]] virtual std::string literal(const Value& value) const = 0;
  // The store type for a portable type (or its raw override).
  [[nodiscard]] virtual std::string type_sql(const Type& type) const = 0;

  // A statement read from a SQL migration file, before it runs: the dialect may move a session
  // setting out of the migration's transaction, or make the statement a check. SQLite does both:
  // PRAGMA foreign_keys does nothing inside a transaction, and PRAGMA foreign_key_check only
  // returns rows, so a file (such as a scaffolded table rebuild) states them as the generated
  // commands do. Default: unchanged.
  virtual void place_file_statement(SqlCommand& /*command*/) const {}

 protected:
  // What an emit() overload works with: the schema before this operation, and the output.
  struct Context {
    const Schema& schema;
    const RenderOptions& options;
    SqlCommands& out;
    void add(std::string sql, Placement placement = Placement::transaction) const {
      out.push_back(SqlCommand{std::move(sql), placement, {}, {}});
    }
  };

  // One overload per operation. The defaults render ANSI SQL shared by most dialects; a
  // dialect overrides what differs and throws unsupported() for what it cannot do.
  virtual void emit(const CreateTable& op, const Context& ctx) const;
  virtual void emit(const DropTable& op, const Context& ctx) const;
  virtual void emit(const RenameTable& op, const Context& ctx) const;
  // Default: COMMENT ON TABLE (NULL removes it); nothing when capabilities().comments is false.
  virtual void emit(const SetTableComment& op, const Context& ctx) const;
  virtual void emit(const EnsureSchema& op, const Context& ctx) const;
  virtual void emit(const AddColumn& op, const Context& ctx) const;
  virtual void emit(const DropColumn& op, const Context& ctx) const;
  virtual void emit(const RenameColumn& op, const Context& ctx) const;
  virtual void emit(const AlterColumn& op, const Context& ctx) const = 0;
  virtual void emit(const CreateIndex& op, const Context& ctx) const;
  virtual void emit(const DropIndex& op, const Context& ctx) const;
  virtual void emit(const RenameIndex& op, const Context& ctx) const;
  virtual void emit(const AddPrimaryKey& op, const Context& ctx) const;
  virtual void emit(const DropPrimaryKey& op, const Context& ctx) const;
  virtual void emit(const AddUnique& op, const Context& ctx) const;
  virtual void emit(const DropUnique& op, const Context& ctx) const;
  virtual void emit(const AddCheck& op, const Context& ctx) const;
  virtual void emit(const DropCheck& op, const Context& ctx) const;
  virtual void emit(const AddForeignKey& op, const Context& ctx) const;
  virtual void emit(const DropForeignKey& op, const Context& ctx) const;
  virtual void emit(const InsertRows& op, const Context& ctx) const;
  virtual void emit(const UpdateRows& op, const Context& ctx) const;
  virtual void emit(const DeleteRows& op, const Context& ctx) const;
  virtual void emit(const RawSql& op, const Context& ctx) const;

  // Building blocks used by the defaults, each a hook a dialect may override.
  [[nodiscard]] virtual std::string column_definition(const Column& column,
                                                      const QualifiedName& table) const;
  [[nodiscard]] virtual std::string default_clause(const ColumnDefault& value) const;
  [[nodiscard]] virtual std::string identity_clause(const Column& column) const;
  [[nodiscard]] virtual std::string table_elements(const Table& table) const;  // CREATE TABLE (...)
  [[nodiscard]] virtual std::string primary_key_clause(const PrimaryKey& key) const;
  [[nodiscard]] virtual std::string unique_clause(const UniqueConstraint& unique) const;
  [[nodiscard]] virtual std::string check_clause(const CheckConstraint& check) const;
  [[nodiscard]] virtual std::string foreign_key_clause(const ForeignKey& key,
                                                       const QualifiedName& table) const;
  [[nodiscard]] virtual std::string referential_action(ReferentialAction action) const;
  [[nodiscard]] virtual std::string create_index_sql(const QualifiedName& table,
                                                     const Index& index) const;
  [[nodiscard]] virtual std::string index_part(const IndexPart& part) const;
  [[nodiscard]] virtual std::string placeholder(std::size_t index) const;  // ":p0"

  // A comma-separated list of quoted identifiers.
  [[nodiscard]] std::string column_list(const std::vector<std::string>& columns) const;
  // A value in a data operation: a literal, or a placeholder with the value bound.
  [[nodiscard]] std::string value_sql(const Value& value, const Context& ctx,
                                      std::vector<Value>& parameters) const;
  // A WHERE clause (" WHERE a = 1 AND b IS NULL"), or empty for an empty filter.
  [[nodiscard]] std::string where_clause(const RowFilter& filter, const Context& ctx,
                                         std::vector<Value>& parameters) const;
  // The table as the schema knows it, or Error(invalid_migration) naming `op` and the table.
  [[nodiscard]] const Table& require_table(const Schema& schema, const QualifiedName& name,
                                           const Operation& op) const;

  // Error(unsupported_operation): "<dialect> cannot <what> (<operation>)", with a hint.
  [[noreturn]] void unsupported(const Operation& op, std::string_view what,
                                std::string_view hint = {}) const;

 private:
  void render(const Operation& op, const Context& ctx) const;
};

}  // namespace migcmd
