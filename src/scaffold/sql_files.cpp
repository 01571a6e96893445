// The files of a SQL migration in each format. A change that cannot be reversed gets no down
// part at all (rather than an empty one that would "roll back" by doing nothing) and a comment
// saying so.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>

#include "migcmd/error.hpp"
#include "migcmd/scaffold.hpp"

namespace fs = std::filesystem;

namespace migcmd {
namespace {

constexpr std::string_view irreversible_note =
    "-- This migration has no down script: the change cannot be reversed automatically.\n"
    "-- Write one by hand if it can be undone.\n";

std::string utc_now(const char* format) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::array<char, 32> buffer{};
  std::strftime(buffer.data(), buffer.size(), format, &tm);
  return buffer.data();
}

// The statement without blanks or ';' at its end.
std::string_view trimmed(std::string_view sql) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!sql.empty() && blank(sql.front())) sql.remove_prefix(1);
  while (!sql.empty() && (blank(sql.back()) || sql.back() == ';')) sql.remove_suffix(1);
  return sql;
}

// Statements each ended as the database's client expects.
std::string script(const std::vector<std::string>& statements, std::string_view dialect) {
  std::string out;
  for (const auto& statement : statements) {
    const std::string_view sql = trimmed(statement);
    if (sql.empty()) continue;
    out += sql;
    if (dialect == "sqlserver") {
      out += "\nGO\n";
      continue;
    }
    // A last line that is a -- comment would swallow the ';'.
    const std::size_t line = sql.rfind('\n');
    const std::string_view last = line == std::string_view::npos ? sql : sql.substr(line + 1);
    out += last.find("--") != std::string_view::npos ? "\n;\n" : ";\n";
  }
  return out;
}

void check_arguments(const std::string& version, const std::string& name) {
  if (!is_valid_migration_name(name)) {
    throw Error(ErrorCode::usage,
                fmt::format("\"{}\" is not a valid migration name: use lower-case letters, digits "
                            "and _ only",
                            name),
                "e.g. add_email_to_users");
  }
  if (version.empty() || !std::all_of(version.begin(), version.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == '_';
      })) {
    throw Error(ErrorCode::usage,
                fmt::format("\"{}\" is not a migration version: use digits (and . or _)", version),
                "take it from next_migration_version()");
  }
}

}  // namespace

std::vector<ScaffoldedFile> scaffold_sql_migration(const fs::path& dir, SqlFileFormat format,
                                                   const std::string& version,
                                                   const std::string& name,
                                                   const std::vector<std::string>& up_sql,
                                                   const std::vector<std::string>& down_sql,
                                                   std::string_view dialect) {
  check_arguments(version, name);
  const std::string up = script(up_sql, dialect);
  const std::string down = script(down_sql, dialect);
  const bool reversible = !down.empty();
  switch (format) {
    case SqlFileFormat::dbmate: {
      std::string text = reversible ? std::string() : std::string(irreversible_note);
      text += "-- migrate:up\n" + up;
      if (reversible) text += "\n-- migrate:down\n" + down;
      return {{dir / fmt::format("{}_{}.sql", version, name), std::move(text)}};
    }
    case SqlFileFormat::flyway: {
      std::string file_version = version;
      std::replace(file_version.begin(), file_version.end(), '.', '_');
      std::vector<ScaffoldedFile> files;
      files.push_back({dir / fmt::format("V{}__{}.sql", file_version, name),
                       (reversible ? std::string() : std::string(irreversible_note)) + up});
      if (reversible) files.push_back({dir / fmt::format("U{}__{}.sql", file_version, name), down});
      return files;
    }
    case SqlFileFormat::golang_migrate: {
      std::vector<ScaffoldedFile> files;
      files.push_back({dir / fmt::format("{}_{}.up.sql", version, name),
                       (reversible ? std::string() : std::string(irreversible_note)) + up});
      if (reversible) files.push_back({dir / fmt::format("{}_{}.down.sql", version, name), down});
      return files;
    }
    case SqlFileFormat::migcmd: {
      std::string text = fmt::format("-- Migration: {}\n-- Version: {}\n", name, version);
      if (!dialect.empty()) text += fmt::format("-- Database: {}\n", dialect);
      text += fmt::format("-- Created: {}\n", utc_now("%Y-%m-%dT%H:%M:%SZ"));
      if (!reversible) text += irreversible_note;
      text += "\n-- === UP Migration ===\n" + up;
      if (reversible) text += "\n-- === DOWN Migration ===\n" + down;
      return {
          {dir / fmt::format("V{}_{}_{}.sql", version, utc_now("%Y%m%d"), name), std::move(text)}};
    }
  }
  throw Error(ErrorCode::internal, "unknown SQL file format");
}

}  // namespace migcmd
