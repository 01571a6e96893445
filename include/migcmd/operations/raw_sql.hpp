#pragma once
// SQL written by hand, with optional variants per dialect.

#include <map>
#include <string>
#include <string_view>

namespace migcmd {

struct RawSql {
  std::string sql;                                 // used where no variant matches
  std::map<std::string, std::string> per_dialect;  // dialect name ("postgres"...) -> SQL
  bool suppress_transaction = false;               // e.g. CREATE INDEX CONCURRENTLY

  // The SQL for `dialect`: its variant if there is one, else `sql` (empty if neither).
  [[nodiscard]] const std::string& for_dialect(std::string_view dialect) const;

  friend bool operator==(const RawSql&, const RawSql&) = default;
};

}  // namespace migcmd
