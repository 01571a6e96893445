#pragma once
// Golden SQL: renders every sample case with a dialect and compares the text with the file
// tests/<dir>/golden/<case>.sql. A case the dialect cannot express is a golden file holding the
// error ("-- error: <message>"). MIGCMD_UPDATE_GOLDEN=1 rewrites the files; review the diff.

#include <string>

#include "migcmd/dialect.hpp"

namespace migcmd::test {

// The text a golden file holds for `commands`: each statement followed by ";", with a comment
// line before statements that are not placed in the transaction or are checks.
[[nodiscard]] std::string golden_text(const SqlCommands& commands);

// Checks every sample case against `golden_dir` (absolute path) and that the cases cover every
// operation kind. Reports each mismatch through doctest.
void check_golden(const Dialect& dialect, const std::string& golden_dir);

}  // namespace migcmd::test
