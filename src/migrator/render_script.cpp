#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "migcmd/apply_operation.hpp"
#include "migcmd/error.hpp"
#include "migcmd/sql_splitter.hpp"
#include "migrator/migrator_internal.hpp"

namespace migcmd::detail {

std::string utc_now() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[20];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S", &tm);
  return buffer;
}

std::string os_user() {
  if (const char* user = std::getenv("USER"); user && *user) return user;
  if (const passwd* pw = getpwuid(getuid())) return pw->pw_name;
  return fmt::format("uid {}", getuid());
}

std::string host_name() {
  char buffer[256] = {};
  if (gethostname(buffer, sizeof buffer - 1) != 0) return "unknown";
  return buffer;
}

std::string history_key(const MigrationScript& script) {
  return script.kind == MigrationKind::repeatable ? "R__" + script.name : script.version;
}

Schema replay_code_migrations(const std::vector<MigrationScript>& migrations, std::size_t end) {
  Schema model;
  for (std::size_t i = 0; i < end && i < migrations.size(); ++i) {
    if (!migrations[i].code) continue;
    for (const auto& op : up_operations(*migrations[i].code, migrations[i].display_name())) {
      try {
        apply_operation(model, op);
      } catch (const Error&) {
        // The table came from a SQL migration the model cannot see: leave it out.
      }
    }
  }
  return model;
}

SqlCommands render_script(const MigrationScript& script, Direction direction,
                          const Dialect& dialect, const Schema& model) {
  const bool up = direction == Direction::up;
  if (script.code) {
    OperationList ops = up ? up_operations(*script.code, script.display_name())
                           : down_operations(*script.code, script.display_name());
    Schema before = model;
    if (!up) {
      // down() undoes up(): it is rendered against the schema up() produced.
      for (const auto& op : up_operations(*script.code, script.display_name())) {
        try {
          apply_operation(before, op);
        } catch (const Error&) {
        }
      }
    }
    try {
      SqlCommands commands = dialect.generate(ops, before);
      if (!(up ? script.metadata.transactional : script.metadata.down_transactional)) {
        for (auto& c : commands) {
          if (c.placement == Placement::transaction) c.placement = Placement::no_transaction;
        }
      }
      return commands;
    } catch (Error& e) {
      e.add_context(fmt::format("migration {} ({})", script.display_name(), up ? "up" : "down"));
      throw;
    }
  }
  if (!up && !script.has_down) {
    throw Error(
        ErrorCode::invalid_migration,
        fmt::format("migration {} ({}) has no down script", script.display_name(), script.source),
        "write one, or roll back to a version after it");
  }
  const std::string& text = up ? script.up_sql : script.down_sql;
  const std::string& source = up || script.down_source.empty() ? script.source : script.down_source;
  SqlCommands commands;
  for (auto& statement :
       split_sql(text, dialect.name(), source, up ? script.up_line : script.down_line)) {
    SqlCommand command;
    command.sql = std::move(statement.text);
    command.line = statement.line;
    const bool transactional =
        up ? script.metadata.transactional : script.metadata.down_transactional;
    command.placement = transactional ? Placement::transaction : Placement::no_transaction;
    dialect.place_file_statement(command);
    commands.push_back(std::move(command));
  }
  return commands;
}

}  // namespace migcmd::detail
