#pragma once
// An index: unique or not, over columns or raw SQL expressions, each ascending or descending,
// optionally partial (a WHERE predicate kept as raw SQL).

#include <string>
#include <vector>

namespace migcmd {

struct IndexPart {
  std::string column;      // set for a column part
  std::string expression;  // set for an expression part, raw SQL such as "lower(email)"
  bool descending = false;

  [[nodiscard]] bool is_expression() const noexcept { return !expression.empty(); }
  friend bool operator==(const IndexPart&, const IndexPart&) = default;
};

struct Index {
  std::string name;
  std::vector<IndexPart> parts;
  bool unique = false;
  std::string where;  // partial index predicate, raw SQL; empty for a full index
  friend bool operator==(const Index&, const Index&) = default;
};

}  // namespace migcmd
