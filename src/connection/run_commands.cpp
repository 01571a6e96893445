#include <fmt/format.h>

#include <algorithm>

#include "migcmd/connection.hpp"
#include "migcmd/error.hpp"

namespace migcmd {
namespace {

void run_one(Connection& connection, const SqlCommand& command) {
  if (command.fail_if_rows.empty()) {
    connection.execute(command.sql, command.parameters);
    return;
  }
  QueryResult result = connection.query(command.sql, command.parameters);
  if (!result.rows.empty()) {
    throw DatabaseError(fmt::format("{} ({} row(s) from: {})", command.fail_if_rows,
                                    result.rows.size(), command.sql),
                        command.sql);
  }
}

}  // namespace

void run_commands(Connection& connection, const SqlCommands& commands, bool use_transaction) {
  use_transaction =
      use_transaction && std::none_of(commands.begin(), commands.end(), [](const SqlCommand& c) {
        return c.placement == Placement::no_transaction;
      });
  for (const auto& c : commands) {
    if (c.placement == Placement::before_transaction) run_one(connection, c);
  }
  // Session-restoring commands run however the body ends.
  auto restore = [&] {
    for (const auto& c : commands) {
      if (c.placement == Placement::after_transaction) run_one(connection, c);
    }
  };
  try {
    if (use_transaction) connection.begin();
    for (const auto& c : commands) {
      if (c.placement == Placement::transaction || c.placement == Placement::no_transaction) {
        run_one(connection, c);
      }
    }
    if (use_transaction) connection.commit();
  } catch (...) {
    if (use_transaction) {
      try {
        connection.rollback();
      } catch (...) {
        // The original failure is the one worth reporting.
      }
    }
    try {
      restore();
    } catch (...) {
    }
    throw;
  }
  restore();
}

}  // namespace migcmd
