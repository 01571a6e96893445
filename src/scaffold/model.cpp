// A model is a list of declarations made with the migration builder; its schema is what they
// build from nothing.

#include "migcmd/model.hpp"

#include <fmt/format.h>

#include "migcmd/apply_operation.hpp"
#include "migcmd/error.hpp"
#include "migcmd/validate.hpp"

namespace migcmd {

Table define_table(QualifiedName name, const std::function<void(TableBuilder&)>& define) {
  Table table;
  table.name = std::move(name);
  TableBuilder builder(table);
  if (define) define(builder);
  return table;
}

Model::Model(std::string name) : builder_(std::move(name)) {}

Model::Model(const std::function<void(MigrationBuilder&)>& define, std::string name)
    : builder_(std::move(name)) {
  if (define) define(builder_);
}

Model& Model::table(QualifiedName name, const std::function<void(TableBuilder&)>& define) {
  builder_.create_table(std::move(name), define);
  return *this;
}

Model& Model::ensure_schema(std::string name) {
  builder_.ensure_schema(std::move(name));
  return *this;
}

IndexBuilder Model::index(std::string name, QualifiedName table, std::vector<std::string> columns) {
  return builder_.create_index(std::move(name), std::move(table), std::move(columns));
}

IndexBuilder Model::index(QualifiedName table, Index index) {
  return builder_.create_index(std::move(table), std::move(index));
}

ForeignKeyBuilder Model::foreign_key(std::string name, QualifiedName table,
                                     std::vector<std::string> columns,
                                     QualifiedName referenced_table,
                                     std::vector<std::string> referenced_columns) {
  return builder_.add_foreign_key(std::move(name), std::move(table), std::move(columns),
                                  std::move(referenced_table), std::move(referenced_columns));
}

Model& Model::unique(std::string name, QualifiedName table, std::vector<std::string> columns) {
  builder_.add_unique(std::move(name), std::move(table), std::move(columns));
  return *this;
}

Model& Model::check(std::string name, QualifiedName table, std::string expression) {
  builder_.add_check(std::move(name), std::move(table), std::move(expression));
  return *this;
}

Schema Model::schema() const {
  Schema schema;
  const auto& ops = builder_.operations();
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const Operation& op = ops[i];
    try {
      if (std::holds_alternative<RawSql>(op) || std::holds_alternative<InsertRows>(op) ||
          std::holds_alternative<UpdateRows>(op) || std::holds_alternative<DeleteRows>(op)) {
        throw Error(
            ErrorCode::invalid_migration,
            fmt::format("{} changes rows or runs SQL, which a model cannot hold", kind_name(op)),
            "declare tables, columns, keys and indexes in the model; put data changes "
            "and raw SQL in a migration");
      }
      validate(op);
      apply_operation(schema, op);
    } catch (Error& e) {
      e.add_context(fmt::format("model {}, declaration {} ({})",
                                name().empty() ? "(unnamed)" : name(), i + 1, describe(op)));
      throw;
    }
  }
  return schema;
}

}  // namespace migcmd
