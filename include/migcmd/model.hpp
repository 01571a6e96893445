#pragma once
// Code-first: the schema an application wants, declared in C++ with the builder vocabulary.
// `add` (design_time.hpp) diffs it against the snapshot and writes the migration that gets there.
//
//   migcmd::Model model;
//   model.table("users", [](migcmd::TableBuilder& t) {
//     t.column<std::int64_t>("id").identity();
//     t.column<std::string>("email").max_length(255).not_null();
//     t.primary_key({"id"}, "pk_users");
//   });
//   model.index("ix_users_email", "users", {"email"}).unique();
//
// or all at once: migcmd::Model model([](migcmd::MigrationBuilder& b) { b.create_table(...); });

#include <functional>
#include <string>
#include <vector>

#include "migcmd/builder.hpp"
#include "migcmd/schema.hpp"

namespace migcmd {

// A table definition written with the table builder, outside any migration: what drop_table()
// needs to be reversible, or a table to compare with.
[[nodiscard]] Table define_table(QualifiedName name,
                                 const std::function<void(TableBuilder&)>& define);

class Model {
 public:
  // `name` names the model in error messages.
  explicit Model(std::string name = "model");
  explicit Model(const std::function<void(MigrationBuilder&)>& define, std::string name = "model");

  Model& table(QualifiedName name, const std::function<void(TableBuilder&)>& define);
  Model& ensure_schema(std::string name);
  // The returned builders refine the declaration just made; valid until the next declaration.
  IndexBuilder index(std::string name, QualifiedName table, std::vector<std::string> columns);
  IndexBuilder index(QualifiedName table, Index index);
  ForeignKeyBuilder foreign_key(std::string name, QualifiedName table,
                                std::vector<std::string> columns, QualifiedName referenced_table,
                                std::vector<std::string> referenced_columns);
  Model& unique(std::string name, QualifiedName table, std::vector<std::string> columns);
  Model& check(std::string name, QualifiedName table, std::string expression);

  // Every other declaration (a rename while refactoring a model is still a declaration of the
  // result). Data operations and raw SQL are refused by schema(): a model has no rows.
  [[nodiscard]] MigrationBuilder& builder() noexcept { return builder_; }

  [[nodiscard]] const std::string& name() const noexcept { return builder_.migration_name(); }

  // The declared schema: the declarations validated and replayed in order. Throws
  // Error(invalid_migration) naming the model, the declaration and the object ("model shop,
  // declaration 3 (create_index ix_x on users): table users has no column x").
  [[nodiscard]] Schema schema() const;

 private:
  MigrationBuilder builder_;
};

}  // namespace migcmd
