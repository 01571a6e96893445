// Reading and diffing a large schema, side by side with the database's own dump tool.
//
//   bench_schema_read --postgres URL --mariadb URL [--tables 1000] [--runs 5]
//
// For each database: creates a fresh database with N tables (10 columns, 2 indexes and 1 foreign
// key each), then times migcmd's read_schema + diff(read, read) and the native schema dump
// (pg_dump --schema-only, mariadb-dump --no-data, sqlite3 .schema) over several runs, and prints
// the medians and their ratio as a Markdown table.

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "migcmd/diff.hpp"
#include "migcmd/migcmd.hpp"
#include "migcmd/providers/mysql.hpp"
#include "migcmd/providers/postgres.hpp"
#include "migcmd/providers/sqlite.hpp"

namespace {

using Clock = std::chrono::steady_clock;

migcmd::Schema wide_schema(int tables) {
  migcmd::Schema s;
  for (int i = 0; i < tables; ++i) {
    migcmd::Table t;
    t.name = fmt::format("t{:04}", i);
    t.columns = {
        {"id", migcmd::Type::int64(), false},
        {"parent_id", migcmd::Type::int64()},
        {"code", migcmd::Type::string(40), false},
        {"name", migcmd::Type::string(200)},
        {"amount", migcmd::Type::decimal(12, 2), false, migcmd::ColumnDefault{migcmd::Value{0}}},
        {"ratio", migcmd::Type::float64()},
        {"active", migcmd::Type::boolean(), false, migcmd::ColumnDefault{migcmd::Value{true}}},
        {"born_on", migcmd::Type::date()},
        {"created_at", migcmd::Type::datetime()},
        {"notes", migcmd::Type::text()}};
    t.primary_key = migcmd::PrimaryKey{fmt::format("pk_t{:04}", i), {"id"}};
    t.indexes = {{fmt::format("ix_t{:04}_code", i), {{"code", "", false}}, true, ""},
                 {fmt::format("ix_t{:04}_created", i), {{"created_at", "", true}}, false, ""}};
    if (i > 0) {
      t.foreign_keys = {{fmt::format("fk_t{:04}_parent", i),
                         {"parent_id"},
                         migcmd::QualifiedName(fmt::format("t{:04}", i - 1)),
                         {"id"}}};
    }
    s.tables.push_back(std::move(t));
  }
  return s;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Runs a command (through /bin/sh, output discarded) and returns its wall time in ms.
double time_command(const std::string& command) {
  const auto start = Clock::now();
  const int rc = std::system((command + " > /dev/null").c_str());
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (rc != 0) {
    fmt::print(stderr, "command failed ({}): {}\n", rc, command);
    std::exit(1);
  }
  return ms;
}

struct Row {
  std::string database, tool;
  int tables = 0;
  int runs = 0;
  double migcmd_ms = 0, tool_ms = 0;
};

Row measure(const std::string& database, const migcmd::Provider& provider, const std::string& url,
            const std::string& tool, const std::string& tool_command, int tables, int runs) {
  auto connection = provider.connect(url);
  const auto schema = wide_schema(tables);
  fmt::print(stderr, "{}: creating {} tables...\n", database, tables);
  migcmd::run_commands(*connection, provider.dialect().generate(migcmd::create_operations(schema)),
                       provider.transactional_ddl());
  std::vector<double> ours, theirs;
  for (int r = 0; r < runs; ++r) {
    const auto start = Clock::now();
    const migcmd::Schema read = provider.read_schema(*connection, {});
    const auto d = migcmd::diff(read, read, {.dialect = &provider.dialect()});
    ours.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (read.tables.size() != static_cast<std::size_t>(tables) || !d.empty()) {
      fmt::print(stderr, "{}: read {} tables, diff has {} operations\n", database,
                 read.tables.size(), d.operations.size());
      std::exit(1);
    }
    theirs.push_back(time_command(tool_command));
  }
  return {database, tool, tables, runs, median(ours), median(theirs)};
}

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const int tables = std::stoi(arg(argc, argv, "--tables", "1000"));
  const int runs = std::stoi(arg(argc, argv, "--runs", "5"));
  const std::string pg_admin =
      arg(argc, argv, "--postgres", "postgres://migcmd:migcmd@127.0.0.1:55432/migcmd_test");
  const std::string my_admin =
      arg(argc, argv, "--mariadb", "mysql://migcmd:migcmd@127.0.0.1:53306/migcmd_test");
  const std::string db = fmt::format("bench_{}", getpid());
  std::vector<Row> rows;
  try {
    {
      auto provider = migcmd::postgres::make_provider();
      provider->connect(pg_admin)->execute("CREATE DATABASE " + db);
      const auto u = migcmd::parse_url(pg_admin);
      const std::string url = fmt::format("postgres://{}:{}@{}:{}/{}", u.user, u.password, u.host,
                                          u.port.value_or(5432), db);
      rows.push_back(
          measure("PostgreSQL", *provider, url, "pg_dump --schema-only",
                  fmt::format("PGPASSWORD='{}' pg_dump --schema-only -h {} -p {} -U {} {}",
                              u.password, u.host, u.port.value_or(5432), u.user, db),
                  tables, runs));
      provider->connect(pg_admin)->execute("DROP DATABASE " + db + " WITH (FORCE)");
    }
    {
      auto provider = migcmd::mysql::make_provider();
      provider->connect(my_admin)->execute("CREATE DATABASE " + db);
      const auto u = migcmd::parse_url(my_admin);
      const std::string url = fmt::format("mysql://{}:{}@{}:{}/{}", u.user, u.password, u.host,
                                          u.port.value_or(3306), db);
      rows.push_back(
          measure("MariaDB", *provider, url, "mariadb-dump --no-data",
                  fmt::format("mariadb-dump --no-defaults --no-data -h {} -P {} -u {} -p'{}' {}",
                              u.host, u.port.value_or(3306), u.user, u.password, db),
                  tables, runs));
      provider->connect(my_admin)->execute("DROP DATABASE " + db);
    }
    {
      const auto file = std::filesystem::temp_directory_path() / (db + ".db");
      std::filesystem::remove(file);
      auto provider = migcmd::sqlite::make_provider();
      rows.push_back(measure("SQLite", *provider, "sqlite:" + file.string(), "sqlite3 .schema",
                             fmt::format("sqlite3 '{}' .schema", file.string()), tables, runs));
      std::filesystem::remove(file);
    }
  } catch (const migcmd::Error& e) {
    fmt::print(stderr, "bench_schema_read: {}\n", e.what());
    return 1;
  }
  fmt::print(
      "| database | tables | migcmd read + diff (median ms) | {} | native dump (median ms) | ratio "
      "|\n",
      "runs");
  fmt::print("|---|---|---|---|---|---|\n");
  for (const auto& r : rows) {
    fmt::print("| {} | {} | {:.1f} | {} | {:.1f} ({}) | {:.2f}x |\n", r.database, r.tables,
               r.migcmd_ms, r.runs, r.tool_ms, r.tool, r.migcmd_ms / r.tool_ms);
  }
  return 0;
}
