#pragma once
// Drift in plain words. The drift is diff(expected, live): what would turn the schema the
// applied migrations produce into the live one, so an "add" is something the database has that
// no migration made, and a "drop" something a migration made that the database lost.

#include <string>

#include "migcmd/operations.hpp"

namespace migcmd::cli {

// "column users.nickname (text NULL) is in the database, but no applied migration creates it"
[[nodiscard]] std::string drift_description(const Operation& op);

}  // namespace migcmd::cli
