#pragma once
// Operations from the differ as SQL a person reviews: each operation's statements preceded by a
// comment saying what it does, and a warning on the ones that destroy data.

#include <string>
#include <vector>

#include "migcmd/dialect.hpp"
#include "migcmd/diff.hpp"

namespace migcmd::cli {

// One entry per statement, in order, rendered against `from` (the schema before the change).
[[nodiscard]] std::vector<std::string> change_statements(const OperationList& operations,
                                                         const Schema& from,
                                                         const Dialect& dialect);

// The statements joined into one script ("...;\n\n"), with the likely renames listed first.
[[nodiscard]] std::string change_script(const SchemaDiff& diff, const Schema& from,
                                        const Dialect& dialect);

}  // namespace migcmd::cli
