#pragma once
// One MigrationListener that passes every event to two: the caller's listener (progress, logs)
// and the governance gate (audit of each migration's outcome). Either may be null.

#include "migcmd/migrator/events.hpp"

namespace migcmd::detail {

class FanoutListener final : public MigrationListener {
 public:
  FanoutListener(MigrationListener* first, MigrationListener* second)
      : first_(first), second_(second) {}

  void plan_ready(const Plan& plan) override {
    for (auto* l : {first_, second_}) {
      if (l) l->plan_ready(plan);
    }
  }
  void waiting_for_lock(const std::string& holder) override {
    for (auto* l : {first_, second_}) {
      if (l) l->waiting_for_lock(holder);
    }
  }
  void migration_started(const PlannedStep& step) override {
    for (auto* l : {first_, second_}) {
      if (l) l->migration_started(step);
    }
  }
  void statement_done(const StatementEvent& event) override {
    for (auto* l : {first_, second_}) {
      if (l) l->statement_done(event);
    }
  }
  void migration_done(const PlannedStep& step, std::chrono::milliseconds elapsed) override {
    for (auto* l : {first_, second_}) {
      if (l) l->migration_done(step, elapsed);
    }
  }
  void migration_failed(const PlannedStep& step, const std::string& error, int statement) override {
    for (auto* l : {first_, second_}) {
      if (l) l->migration_failed(step, error, statement);
    }
  }

 private:
  MigrationListener* first_;
  MigrationListener* second_;
};

}  // namespace migcmd::detail
