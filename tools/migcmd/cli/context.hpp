#pragma once
// What every command needs: the global options, the output, the providers, and helpers to reach
// the database and the migrations directory.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/options.hpp"
#include "cli/output.hpp"
#include "migcmd/migrator/migrator.hpp"
#include "migcmd/provider.hpp"
#include "migcmd/sum_file.hpp"

namespace migcmd::cli {

struct GovernedRun;    // cli/governed_run.hpp
struct PolicySession;  // cli/policy_session.hpp

// Whether stdin and stdout are terminals (decides prompts and live progress).
struct Terminal {
  bool in = false;
  bool out = false;
};

// A connection and a migrator over it (the migrator refers to the connection).
struct MigratorSession {
  std::unique_ptr<Connection> connection;
  std::unique_ptr<Migrator> migrator;
};

class Context {
 public:
  Context(GlobalOptions options, Output& output, Terminal terminal);

  [[nodiscard]] const GlobalOptions& options() const noexcept { return options_; }
  [[nodiscard]] Output& output() noexcept { return output_; }

  // Whether a database was named: --env in a governed project, else --url or $DATABASE_URL.
  [[nodiscard]] bool database_given() const;
  // The database URL; Error(usage) when neither --url nor $DATABASE_URL gives one.
  [[nodiscard]] const std::string& url() const;
  // The provider for the URL's scheme; Error(usage) listing the known schemes otherwise.
  [[nodiscard]] const Provider& provider() const;
  [[nodiscard]] std::unique_ptr<Connection> connect() const;
  [[nodiscard]] const ProviderRegistry& providers() const noexcept { return registry_; }
  // What the schema reader leaves out: the history table of --history-table.
  [[nodiscard]] ReadOptions read_options() const;

  // The SQL migrations of --dir; Error(usage) when the directory does not exist.
  [[nodiscard]] std::vector<MigrationScript> migrations() const;
  // Error(validation_failed) listing the problems when migcmd.sum exists and does not match.
  void check_sum_file() const;
  [[nodiscard]] std::vector<SumFileProblem> sum_file_problems() const;

  // The options of the global flags, with the governance gate in a governed project (which
  // needs --env).
  [[nodiscard]] MigratorOptions migrator_options(MigrationListener* listener) const;
  // The same without any gate: for reading status, or for a caller that sets its own gate.
  [[nodiscard]] MigratorOptions base_migrator_options(MigrationListener* listener) const;
  // Reads the migrations of --dir, connects and builds a migrator over them.
  [[nodiscard]] MigratorSession open(MigratorOptions options) const;
  [[nodiscard]] MigratorSession open() const { return open(migrator_options(nullptr)); }

  // Governance (builds with it, in a governed project): the URL comes from --env's url_env and
  // migrator_options() carries the gate. `emergency_reason` is up/down's --emergency; call before
  // the first url() or migrator_options().
  void set_emergency(std::string reason) { emergency_ = std::move(reason); }
  [[nodiscard]] const GovernedRun* governed() const;
  // The policy session of a governed project, once opened (by the command's permission check):
  // kept so that the run's gate reuses it instead of reading migcmd.json and opening the stores
  // a second time.
  void keep_policy_session(std::shared_ptr<PolicySession> session) { policy_ = std::move(session); }
  [[nodiscard]] const std::shared_ptr<PolicySession>& kept_policy_session() const noexcept {
    return policy_;
  }

  // True with --yes, or when the person at the terminal answers yes. Without a terminal (and
  // without --yes) it refuses with Error(usage) instead of guessing.
  [[nodiscard]] bool confirm(std::string_view question) const;

 private:
  GlobalOptions options_;
  Output& output_;
  Terminal terminal_;
  ProviderRegistry registry_;
  std::optional<std::string> emergency_;
  // Opened on first use (it reads migcmd.json and the environment's URL variable).
  mutable std::shared_ptr<GovernedRun> governed_;
  std::shared_ptr<PolicySession> policy_;
  mutable bool governed_checked_ = false;
};

}  // namespace migcmd::cli
