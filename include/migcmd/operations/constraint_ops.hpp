#pragma once
// Operations on primary keys, unique, check and foreign key constraints.

#include <optional>
#include <string>

#include "migcmd/schema/constraints.hpp"
#include "migcmd/schema/name.hpp"

namespace migcmd {

struct AddPrimaryKey {
  QualifiedName table;
  PrimaryKey key;
  friend bool operator==(const AddPrimaryKey&, const AddPrimaryKey&) = default;
};

struct DropPrimaryKey {
  QualifiedName table;
  std::string name;
  std::optional<PrimaryKey> definition;
  friend bool operator==(const DropPrimaryKey&, const DropPrimaryKey&) = default;
};

struct AddUnique {
  QualifiedName table;
  UniqueConstraint constraint;
  friend bool operator==(const AddUnique&, const AddUnique&) = default;
};

struct DropUnique {
  QualifiedName table;
  std::string name;
  std::optional<UniqueConstraint> definition;
  friend bool operator==(const DropUnique&, const DropUnique&) = default;
};

struct AddCheck {
  QualifiedName table;
  CheckConstraint check;
  friend bool operator==(const AddCheck&, const AddCheck&) = default;
};

struct DropCheck {
  QualifiedName table;
  std::string name;
  std::optional<CheckConstraint> definition;
  friend bool operator==(const DropCheck&, const DropCheck&) = default;
};

struct AddForeignKey {
  QualifiedName table;
  ForeignKey key;
  friend bool operator==(const AddForeignKey&, const AddForeignKey&) = default;
};

struct DropForeignKey {
  QualifiedName table;
  std::string name;
  std::optional<ForeignKey> definition;
  friend bool operator==(const DropForeignKey&, const DropForeignKey&) = default;
};

}  // namespace migcmd
