// The migrator's workloads of issue 6, each side by side with its floor (the database's own client)
// and with dbmate, in one run, medians of several repetitions, as Markdown tables:
//
//   bench_migrations --dbmate PATH --migcmd PATH [--postgres URL] [--mariadb URL]
//                    [--migrations 1000] [--pending 200] [--processes 16] [--runs 3]
//                    [--startup-runs 10] [--only sqlite,postgres,mariadb] [--work DIR]
//
// 1. Start-up check with N applied migrations: migrate_on_startup in-process, `migcmd up` as a
//    whole process, `dbmate up`, and the floors: one query of the history table by the client as a
//    process, and in-process (a new connection and that one query through the same client library).
// 2. Applying N small migrations (a table and a row each, dbmate files) to an empty database:
//    `migcmd up`, `dbmate up`, and the client fed the same statements plus one history insert
//    each, (a) in one transaction, (b) one transaction per migration.
// 4. P processes starting `migcmd up` at once on a database with M pending migrations, against
//    one process alone; each migration must be applied once. What P processes cost the machine by
//    just starting is shown too: P clients running one query at once.
// 5. Peak resident memory of `migcmd up` in workload 2.
// (Workload 3, reading and diffing a large schema, is bench_schema_read.)

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench_databases.hpp"
#include "bench_files.hpp"
#include "bench_process.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migcmd/sql_migrations.hpp"

namespace {

using bench::Database;
using bench::median;
using bench::quoted;

struct Settings {
  std::string dbmate, migcmd, postgres, mariadb, work;
  int migrations = 1000, pending = 200, processes = 16, runs = 3, startup_runs = 10;
  std::set<std::string> only{"sqlite", "postgres", "mariadb"};
};

struct Results {
  std::string database;
  // workload 2
  double floor_one = 0, floor_each = 0, dbmate_apply = 0, migcmd_apply = 0;
  double migcmd_rss_mb = 0;  // workload 5
  // workload 1
  double floor_query = 0, migcmd_noop = 0, dbmate_noop = 0, in_process = 0, floor_in_process = 0;
  // workload 4
  double alone = 0, together = 0, clients_together = 0;
};

std::string migcmd_up(const Settings& s, const Database& db, const std::string& dir) {
  return fmt::format("exec {} --url {} --dir {} up", quoted(s.migcmd), quoted(db.url("a")),
                     quoted(dir));
}

std::string dbmate_up(const Settings& s, const Database& db, const std::string& dir) {
  return fmt::format("exec {} --url {} --migrations-dir {} --no-dump-schema up", quoted(s.dbmate),
                     quoted(db.dbmate_url("b")), quoted(dir));
}

// Every migration of `dir` applied exactly once by migcmd in slot "a".
void check_applied_once(const Database& db, int expected) {
  auto connection = db.provider().connect(db.url("a"));
  const auto result = connection->query(
      "SELECT COUNT(*), COUNT(DISTINCT version) FROM migcmd_history WHERE status = 'applied'");
  const long all = std::stol(result.rows.at(0).at(0).value_or("0"));
  const long distinct = std::stol(result.rows.at(0).at(1).value_or("0"));
  if (all != expected || distinct != expected) {
    fmt::print(stderr, "{}: {} history rows ({} distinct), expected {}\n", db.name(), all, distinct,
               expected);
    std::exit(1);
  }
}

void apply_workload(const Settings& s, Database& db, Results& r) {
  const std::string dir = s.work + "/apply";
  bench::write_migrations(dir, s.migrations);
  const std::string one = s.work + "/floor-one.sql", each = s.work + "/floor-each.sql";
  bench::write_floor_script(one, s.migrations, bench::Transactions::one);
  bench::write_floor_script(each, s.migrations, bench::Transactions::per_migration);
  std::vector<double> floor_one, floor_each, dbmate, migcmd, rss;
  for (int run = 0; run < s.runs; ++run) {
    fmt::print(stderr, "{}: applying {} migrations, run {}/{}\n", db.name(), s.migrations, run + 1,
               s.runs);
    db.recreate("a");
    floor_one.push_back(bench::run(db.client("a"), one).ms);
    db.recreate("a");
    floor_each.push_back(bench::run(db.client("a"), each).ms);
    db.recreate("b");
    dbmate.push_back(bench::run(dbmate_up(s, db, dir)).ms);
    db.recreate("a");
    const auto ours = bench::run(migcmd_up(s, db, dir), {}, s.work + "/migcmd-up.log");
    migcmd.push_back(ours.ms);
    rss.push_back(static_cast<double>(ours.max_rss_kb) / 1024.0);
    check_applied_once(db, s.migrations);
  }
  r.floor_one = median(floor_one);
  r.floor_each = median(floor_each);
  r.dbmate_apply = median(dbmate);
  r.migcmd_apply = median(migcmd);
  r.migcmd_rss_mb = median(rss);
}

// Runs after apply_workload: slot "a" has every migration applied by migcmd, "b" by dbmate.
void startup_workload(const Settings& s, Database& db, Results& r) {
  const std::string dir = s.work + "/apply";
  // An application's code migrations are in memory: loading them is outside the measure.
  const auto scripts = migcmd::load_sql_migrations(dir);
  std::vector<double> floor, ours, theirs, in_process, floor_in_process;
  fmt::print(stderr, "{}: start-up check with {} applied, {} runs\n", db.name(), s.migrations,
             s.startup_runs);
  for (int run = 0; run < s.startup_runs; ++run) {
    floor.push_back(bench::run(db.client_query("a", "SELECT version FROM migcmd_history")).ms);
    ours.push_back(bench::run(migcmd_up(s, db, dir)).ms);
    theirs.push_back(bench::run(dbmate_up(s, db, dir)).ms);
    {
      const auto began = std::chrono::steady_clock::now();
      auto connection = db.provider().connect(db.url("a"));
      (void)connection->query("SELECT version FROM migcmd_history");
      floor_in_process.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began)
              .count());
    }
    const auto began = std::chrono::steady_clock::now();
    const auto result = migcmd::migrate_on_startup(db.provider(), db.url("a"), scripts);
    in_process.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began)
            .count());
    if (!result.applied.empty()) {
      fmt::print(stderr, "{}: the start-up check applied something\n", db.name());
      std::exit(1);
    }
  }
  r.floor_query = median(floor);
  r.migcmd_noop = median(ours);
  r.dbmate_noop = median(theirs);
  r.in_process = median(in_process);
  r.floor_in_process = median(floor_in_process);
}

void concurrency_workload(const Settings& s, Database& db, Results& r) {
  const std::string dir = s.work + "/pending";
  bench::write_migrations(dir, s.pending);
  std::vector<double> alone, together, clients;
  for (int run = 0; run < s.runs; ++run) {
    fmt::print(stderr, "{}: {} processes, {} pending, run {}/{}\n", db.name(), s.processes,
               s.pending, run + 1, s.runs);
    db.recreate("a");
    alone.push_back(bench::run(migcmd_up(s, db, dir)).ms);
    check_applied_once(db, s.pending);
    db.recreate("a");
    together.push_back(bench::run_together(
        std::vector<std::string>(static_cast<std::size_t>(s.processes), migcmd_up(s, db, dir))));
    check_applied_once(db, s.pending);
    clients.push_back(bench::run_together(
        std::vector<std::string>(static_cast<std::size_t>(s.processes),
                                 db.client_query("a", "SELECT version FROM migcmd_history"))));
  }
  r.alone = median(alone);
  r.together = median(together);
  r.clients_together = median(clients);
}

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) return argv[i + 1];
  }
  return fallback;
}

Settings settings(int argc, char** argv) {
  Settings s;
  s.dbmate = arg(argc, argv, "--dbmate", "");
  s.migcmd = arg(argc, argv, "--migcmd", "");
  if (s.dbmate.empty() || s.migcmd.empty()) {
    fmt::print(stderr, "bench_migrations needs --dbmate PATH and --migcmd PATH\n");
    std::exit(2);
  }
  s.postgres =
      arg(argc, argv, "--postgres", "postgres://migcmd:migcmd@127.0.0.1:55432/migcmd_test");
  s.mariadb = arg(argc, argv, "--mariadb", "mysql://migcmd:migcmd@127.0.0.1:53306/migcmd_test");
  s.migrations = std::stoi(arg(argc, argv, "--migrations", "1000"));
  s.pending = std::stoi(arg(argc, argv, "--pending", "200"));
  s.processes = std::stoi(arg(argc, argv, "--processes", "16"));
  s.runs = std::stoi(arg(argc, argv, "--runs", "3"));
  s.startup_runs = std::stoi(arg(argc, argv, "--startup-runs", "10"));
  s.work =
      arg(argc, argv, "--work", (std::filesystem::temp_directory_path() / "migcmd-bench").string());
  const std::string only = arg(argc, argv, "--only", "");
  if (!only.empty()) {
    s.only.clear();
    for (std::size_t from = 0; from <= only.size();) {
      const auto comma = std::min(only.find(',', from), only.size());
      s.only.insert(only.substr(from, comma - from));
      from = comma + 1;
    }
  }
  return s;
}

void print_tables(const Settings& s, const std::vector<Results>& all) {
  fmt::print("\n### 1. Start-up check, {} applied migrations (median of {})\n\n", s.migrations,
             s.startup_runs);
  fmt::print(
      "| database | floor: one query (client) | migcmd up (process) | dbmate up | migcmd / "
      "dbmate | floor in-process: connect + one query | migrate_on_startup (in-process) |\n"
      "|---|---|---|---|---|---|---|\n");
  for (const auto& r : all) {
    fmt::print("| {} | {:.1f} ms | {:.1f} ms | {:.1f} ms | {:.2f}x | {:.2f} ms | {:.2f} ms |\n",
               r.database, r.floor_query, r.migcmd_noop, r.dbmate_noop,
               r.migcmd_noop / r.dbmate_noop, r.floor_in_process, r.in_process);
  }
  fmt::print("\n### 2. Applying {} migrations to an empty database (median of {})\n\n",
             s.migrations, s.runs);
  fmt::print(
      "| database | floor (a) one transaction | floor (b) one per migration | dbmate | migcmd | "
      "migcmd / floor (a) | dbmate / migcmd |\n|---|---|---|---|---|---|---|\n");
  for (const auto& r : all) {
    fmt::print("| {} | {:.0f} ms | {:.0f} ms | {:.0f} ms | {:.0f} ms | {:.2f}x | {:.2f}x |\n",
               r.database, r.floor_one, r.floor_each, r.dbmate_apply, r.migcmd_apply,
               r.migcmd_apply / r.floor_one, r.dbmate_apply / r.migcmd_apply);
  }
  fmt::print("\n### 4. {} processes at once, {} pending migrations (median of {})\n\n", s.processes,
             s.pending, s.runs);
  fmt::print(
      "| database | one process alone | {0} processes | ratio | {0} clients, one query each |\n"
      "|---|---|---|---|---|\n",
      s.processes);
  for (const auto& r : all) {
    fmt::print("| {} | {:.0f} ms | {:.0f} ms | {:.2f}x | {:.0f} ms |\n", r.database, r.alone,
               r.together, r.together / r.alone, r.clients_together);
  }
  fmt::print("\n### 5. Peak resident memory of `migcmd up`, workload 2\n\n");
  fmt::print("| database | peak RSS |\n|---|---|\n");
  for (const auto& r : all) fmt::print("| {} | {:.1f} MB |\n", r.database, r.migcmd_rss_mb);
}

}  // namespace

int main(int argc, char** argv) {
  const Settings s = settings(argc, argv);
  std::filesystem::create_directories(s.work);
  std::vector<std::unique_ptr<Database>> databases;
  if (s.only.count("sqlite")) databases.push_back(bench::sqlite_database(s.work));
  if (s.only.count("postgres")) databases.push_back(bench::postgres_database(s.postgres));
  if (s.only.count("mariadb")) databases.push_back(bench::mariadb_database(s.mariadb));
  std::vector<Results> all;
  try {
    for (auto& db : databases) {
      Results r;
      r.database = db->name();
      apply_workload(s, *db, r);
      startup_workload(s, *db, r);
      concurrency_workload(s, *db, r);
      db->cleanup();
      all.push_back(r);
    }
  } catch (const migcmd::Error& e) {
    fmt::print(stderr, "bench_migrations: {}\n", e.what());
    return 1;
  }
  print_tables(s, all);
  return 0;
}
