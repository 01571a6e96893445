#pragma once
// `--rename old=new`, shared by `diff`, `drift` and `add`: a rename the differ applies instead of
// a drop and an add ("users=members" for a table, "users.email=mail" for a column).

#include <map>
#include <string>
#include <vector>

namespace migcmd::cli {

// Throws Error(usage) naming a malformed entry.
[[nodiscard]] std::map<std::string, std::string> parse_renames(
    const std::vector<std::string>& entries);

}  // namespace migcmd::cli
