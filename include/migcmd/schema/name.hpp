#pragma once
// A table name with an optional schema (namespace). Names are compared exactly as written;
// quoting is the dialect's job.

#include <string>
#include <string_view>

namespace migcmd {

struct QualifiedName {
  std::string schema;  // empty: the connection's default schema
  std::string name;

  QualifiedName() = default;
  QualifiedName(std::string table) : name(std::move(table)) {}
  QualifiedName(const char* table) : name(table) {}
  QualifiedName(std::string schema_name, std::string table)
      : schema(std::move(schema_name)), name(std::move(table)) {}

  friend bool operator==(const QualifiedName&, const QualifiedName&) = default;
  friend auto operator<=>(const QualifiedName&, const QualifiedName&) = default;
};

// "users" or "audit.users", for messages (not SQL).
[[nodiscard]] std::string to_string(const QualifiedName& name);

}  // namespace migcmd
