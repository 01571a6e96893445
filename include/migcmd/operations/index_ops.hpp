#pragma once
// Operations on indexes.

#include <optional>
#include <string>

#include "migcmd/schema/index.hpp"
#include "migcmd/schema/name.hpp"

namespace migcmd {

struct CreateIndex {
  QualifiedName table;
  Index index;
  friend bool operator==(const CreateIndex&, const CreateIndex&) = default;
};

struct DropIndex {
  QualifiedName table;
  std::string name;
  std::optional<Index> definition;  // known: reversible
  friend bool operator==(const DropIndex&, const DropIndex&) = default;
};

struct RenameIndex {
  QualifiedName table;
  std::string name;
  std::string new_name;
  friend bool operator==(const RenameIndex&, const RenameIndex&) = default;
};

}  // namespace migcmd
