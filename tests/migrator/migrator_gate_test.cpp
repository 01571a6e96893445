// The governance hook: the gate sees the final plan under the lock and can refuse it with nothing
// changed; it hears every event and the outcome; maintenance actions ask it first.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "migrator_fixture.hpp"

using namespace migcmd;
using migcmd::test::TestDatabase;

namespace {

class RecordingGate final : public RunGate {
 public:
  bool refuse = false;
  std::vector<std::vector<std::string>> authorized;  // versions of each plan seen
  std::vector<bool> dry_runs;
  std::vector<std::string> events;
  std::vector<std::string> maintenance;
  std::vector<std::string> finished_done;
  std::string finished_error = "<none>";
  TestDatabase* db = nullptr;
  bool history_existed_at_authorize = false;

  void authorize(const Plan& plan) override {
    std::vector<std::string> versions;
    for (const auto& s : plan.steps) versions.push_back(s.migration->version);
    authorized.push_back(versions);
    dry_runs.push_back(plan.dry_run);
    if (refuse) throw Error(ErrorCode::refused, "not approved");
  }
  void authorize_maintenance(std::string_view action,
                             const std::vector<std::string>& versions) override {
    maintenance.push_back(std::string(action) + (versions.empty() ? "" : ":" + versions[0]));
    if (refuse) throw Error(ErrorCode::permission_denied, "no");
  }
  void migration_done(const PlannedStep& step, std::chrono::milliseconds) override {
    events.push_back("done " + step.migration->version);
  }
  void migration_failed(const PlannedStep& step, const std::string&, int) override {
    events.push_back("failed " + step.migration->version);
  }
  void run_finished(const Plan&, const std::vector<std::string>& done,
                    const std::string& error) override {
    finished_done = done;
    finished_error = error;
  }
};

class CountingListener final : public MigrationListener {
 public:
  int done = 0;
  void migration_done(const PlannedStep&, std::chrono::milliseconds) override { ++done; }
};

void two_files(TestDatabase& db) {
  db.write_file("20250101000000_a.sql",
                "-- migrate:up\nCREATE TABLE a (id INT);\n-- migrate:down\nDROP TABLE a;\n");
  db.write_file("20250102000000_b.sql",
                "-- migrate:up\nCREATE TABLE b (id INT);\n-- migrate:down\nDROP TABLE b;\n");
}

}  // namespace

TEST_CASE("a refusing gate stops the run with nothing applied, and the lock is free afterwards") {
  TestDatabase db;
  two_files(db);
  RecordingGate gate;
  gate.refuse = true;
  MigratorOptions options;
  options.gate = &gate;
  auto migrator = db.migrator(db.load(), options);
  CHECK_THROWS_WITH_AS((void)migrator.up(), doctest::Contains("not approved"), Error);
  REQUIRE(gate.authorized.size() == 1);
  CHECK(gate.authorized[0] == std::vector<std::string>{"20250101000000", "20250102000000"});
  CHECK_FALSE(db.table_exists("a"));
  CHECK(db.history().empty());
  CHECK(gate.finished_error == "<none>");  // never ran, so no outcome

  // Allowed now: the same migrator runs (the refused run left no lock behind).
  gate.refuse = false;
  CountingListener listener;
  MigratorOptions allowed;
  allowed.gate = &gate;
  allowed.listener = &listener;
  auto again = db.migrator(db.load(), allowed);
  const RunResult result = again.up();
  CHECK(result.applied.size() == 2);
  CHECK(db.table_exists("a"));
  CHECK(db.table_exists("b"));
  CHECK(listener.done == 2);  // the caller's listener still hears everything
  CHECK(gate.events == std::vector<std::string>{"done 20250101000000", "done 20250102000000"});
  CHECK(gate.finished_done == result.applied);
  CHECK(gate.finished_error.empty());

  // Nothing pending: nothing to authorise.
  const auto seen = gate.authorized.size();
  (void)again.up();
  CHECK(gate.authorized.size() == seen);

  // Rollbacks and dry runs are plans too.
  (void)again.down({.steps = 1, .dry_run = true});
  CHECK(gate.dry_runs.back());
  CHECK(gate.authorized.back() == std::vector<std::string>{"20250102000000"});
  gate.refuse = true;
  CHECK_THROWS_AS((void)again.down(), Error);
  CHECK(db.table_exists("b"));
}

TEST_CASE("the gate hears a failure and its error") {
  TestDatabase db;
  db.write_file("20250101000000_a.sql", "-- migrate:up\nINSERT INTO nowhere VALUES (1);\n");
  RecordingGate gate;
  MigratorOptions options;
  options.gate = &gate;
  auto migrator = db.migrator(db.load(), options);
  CHECK_THROWS_AS((void)migrator.up(), Error);
  CHECK(gate.events == std::vector<std::string>{"failed 20250101000000"});
  CHECK(gate.finished_done.empty());
  CHECK(gate.finished_error.find("nowhere") != std::string::npos);
}

TEST_CASE("repair, baseline, adopt and lock release ask the gate first") {
  TestDatabase db;
  two_files(db);
  RecordingGate gate;
  gate.refuse = true;
  MigratorOptions options;
  options.gate = &gate;
  auto migrator = db.migrator(db.load(), options);
  CHECK_THROWS_AS((void)migrator.baseline("20250101000000"), Error);
  CHECK(db.history().empty());
  CHECK_THROWS_AS((void)migrator.repair(), Error);
  CHECK_THROWS_AS((void)migrator.force_release_lock(), Error);
  CHECK_THROWS_AS((void)migrator.adopt("dbmate"), Error);
  CHECK(gate.maintenance == std::vector<std::string>{"baseline:20250101000000", "repair",
                                                     "lock_release", "adopt:dbmate"});
  gate.refuse = false;
  CHECK(migrator.baseline("20250101000000").size() == 1);
  CHECK(db.history().size() == 1);
}
