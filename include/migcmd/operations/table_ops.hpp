#pragma once
// Operations on whole tables and on schemas (namespaces).

#include <optional>
#include <string>

#include "migcmd/schema/table.hpp"

namespace migcmd {

struct CreateTable {
  Table table;
  friend bool operator==(const CreateTable&, const CreateTable&) = default;
};

struct DropTable {
  QualifiedName name;
  std::optional<Table> definition;  // known: the drop can be reversed by recreating it
  friend bool operator==(const DropTable&, const DropTable&) = default;
};

struct RenameTable {
  QualifiedName name;
  std::string new_name;  // stays in the same schema
  friend bool operator==(const RenameTable&, const RenameTable&) = default;
};

// Sets a table's comment ("" removes it). `from`, the comment before, makes it reversible.
struct SetTableComment {
  QualifiedName table;
  std::string comment;
  std::optional<std::string> from;
  friend bool operator==(const SetTableComment&, const SetTableComment&) = default;
};

// CREATE SCHEMA IF NOT EXISTS. Its inverse is nothing: dropping a schema could destroy data that
// other migrations put there.
struct EnsureSchema {
  std::string name;
  friend bool operator==(const EnsureSchema&, const EnsureSchema&) = default;
};

}  // namespace migcmd
