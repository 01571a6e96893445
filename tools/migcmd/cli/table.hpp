#pragma once
// A plain text table with aligned columns, for `status`.

#include <string>
#include <vector>

namespace migcmd::cli {

// Renders `header` and `rows` with columns padded to their widest cell (the last one unpadded),
// separated by two spaces, one line each.
[[nodiscard]] std::string render_table(const std::vector<std::string>& header,
                                       const std::vector<std::vector<std::string>>& rows);

}  // namespace migcmd::cli
